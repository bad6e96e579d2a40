using System.Text.Json.Nodes;

namespace ChatOps.Sandbox.Kubernetes;

internal static partial class KubeJson
{
    /// <summary>core/v1 Event.</summary>
    public static JsonObject CoreEvent(KubeEvent e)
    {
        var source = new JsonObject { ["component"] = e.Component };
        if (e.Host is not null)
        {
            source["host"] = e.Host;
        }

        return new JsonObject
        {
            ["metadata"] = Meta(e),
            ["involvedObject"] = Regarding(e),
            ["reason"] = e.Reason,
            ["message"] = e.Message,
            ["source"] = source,
            ["firstTimestamp"] = Time(e.CreatedAt),
            ["lastTimestamp"] = Time(e.LastSeen),
            ["count"] = e.Count,
            ["type"] = e.Type,
            ["eventTime"] = null,
            ["reportingComponent"] = e.Component,
            ["reportingInstance"] = e.Host ?? "",
        };
    }

    /// <summary>events.k8s.io/v1 Event: regarding/note/deprecated* instead of involvedObject/message/count.</summary>
    public static JsonObject EventsV1Event(KubeEvent e)
    {
        var source = new JsonObject { ["component"] = e.Component };
        if (e.Host is not null)
        {
            source["host"] = e.Host;
        }

        return new JsonObject
        {
            ["metadata"] = Meta(e),
            ["eventTime"] = null,
            ["reportingController"] = e.Component,
            ["reportingInstance"] = e.Host ?? "",
            ["reason"] = e.Reason,
            ["regarding"] = Regarding(e),
            ["note"] = e.Message,
            ["type"] = e.Type,
            ["deprecatedSource"] = source,
            ["deprecatedFirstTimestamp"] = Time(e.CreatedAt),
            ["deprecatedLastTimestamp"] = Time(e.LastSeen),
            ["deprecatedCount"] = e.Count,
        };
    }

    private static JsonObject Regarding(KubeEvent e)
    {
        var regarding = new JsonObject
        {
            ["kind"] = e.RegardingKind,
            ["namespace"] = e.Regarding.Namespace,
            ["name"] = e.Regarding.Name,
            ["uid"] = e.Regarding.Uid,
            ["apiVersion"] = e.RegardingKind == "Pod" ? "v1" : "apps/v1",
            ["resourceVersion"] = Text(e.Regarding.ResourceVersion),
        };
        if (e.FieldPath is not null)
        {
            regarding["fieldPath"] = e.FieldPath;
        }

        return regarding;
    }
}

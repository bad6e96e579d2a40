using System.Text.Json.Nodes;

namespace ChatOps.Sandbox.Kubernetes;

internal static partial class KubeJson
{
    public static JsonArray ContainerSpecs(IEnumerable<KubeContainer> containers) =>
        new(containers.Select(c => (JsonNode?)new JsonObject
        {
            ["name"] = c.Name,
            ["image"] = c.Image,
            ["ports"] = new JsonArray(new JsonObject { ["containerPort"] = c.Port, ["protocol"] = "TCP" }),
            ["resources"] = new JsonObject(),
            ["terminationMessagePath"] = "/dev/termination-log",
            ["terminationMessagePolicy"] = "File",
            ["imagePullPolicy"] = "IfNotPresent",
        }).ToArray());

    private static JsonObject Template(IReadOnlyDictionary<string, string> labels, IReadOnlyDictionary<string, string> annotations,
        IEnumerable<KubeContainer> containers)
    {
        var meta = new JsonObject { ["creationTimestamp"] = null, ["labels"] = Map(labels) };
        if (annotations.Count > 0)
        {
            meta["annotations"] = Map(annotations);
        }

        return new JsonObject
        {
            ["metadata"] = meta,
            ["spec"] = new JsonObject
            {
                ["containers"] = ContainerSpecs(containers),
                ["restartPolicy"] = "Always",
                ["terminationGracePeriodSeconds"] = 30,
                ["dnsPolicy"] = "ClusterFirst",
                ["securityContext"] = new JsonObject(),
                ["schedulerName"] = "default-scheduler",
            },
        };
    }
}

using System.Globalization;
using System.Text;
using ChatOps.Sandbox.Hosting;

namespace ChatOps.Sandbox.Kubernetes;

/// <summary>Deterministic container logs: one line every <see cref="Interval"/> from the pod's log start, the newest N kept.</summary>
internal static class PodLogs
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(6);

    private static readonly string[] Paths = ["/api/{0}", "/api/{0}/{1}", "/api/{0}/{1}/items", "/healthz", "/metrics"];

    /// <summary>The lines visible now, each with its timestamp, oldest first.</summary>
    public static IEnumerable<(DateTimeOffset At, string Text)> Current(KubePod pod, KubeContainer container, DateTimeOffset now, int keep)
    {
        if (now < pod.LogStart)
        {
            yield break;
        }

        var last = (long)((now - pod.LogStart) / Interval);
        for (var i = Math.Max(0, last - keep + 1); i <= last; i++)
        {
            var at = pod.LogStart + (Interval * i);
            yield return (at, Line(pod, container, i, at));
        }
    }

    /// <summary>The log of the container instance that last crashed: normal lines, then the fatal error.</summary>
    public static IEnumerable<(DateTimeOffset At, string Text)> Previous(KubePod pod, KubeContainer container)
    {
        var end = pod.LastTerminatedAt ?? pod.CreatedAt;
        const int Count = 60;
        for (var i = 0; i < Count - 2; i++)
        {
            var at = end - (Interval * (Count - i));
            yield return (at, Line(pod, container, -1_000 - i, at));
        }

        yield return (end.AddSeconds(-2), $"{Stamp(end.AddSeconds(-2))} ERROR {container.Name} database connection refused host={container.Name}-db:5432");
        yield return (end, $"{Stamp(end)} FATAL {container.Name} unable to start: failed to connect to database after 5 attempts");
    }

    public static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string NanoStamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'00Z'", CultureInfo.InvariantCulture);

    private static string Line(KubePod pod, KubeContainer container, long index, DateTimeOffset at)
    {
        var random = Deterministic.Random($"{pod.Name}/{container.Name}#{index}");
        var service = pod.Owner.Owner.App;
        var path = string.Format(CultureInfo.InvariantCulture, Paths[random.Next(Paths.Length)], service, random.Next(1000, 99999));
        var ms = random.Next(2, 180);
        var trace = random.NextInt64().ToString("x16", CultureInfo.InvariantCulture);
        if (container.Name == "istio-proxy")
        {
            return $"[{Stamp(at)}] \"GET {path} HTTP/1.1\" 200 - via_upstream - \"-\" 0 {random.Next(80, 4000)} {ms} {ms - 1} \"-\" "
                + $"\"Go-http-client/1.1\" \"{trace}\" \"{service}\" \"{pod.PodIp}:8080\" inbound|8080||";
        }

        var roll = random.Next(100);
        var text = new StringBuilder(Stamp(at));
        if (roll < 4)
        {
            text.Append($" ERROR {service} upstream call failed dependency={Dependency(service)} error=\"context deadline exceeded\" after=3000ms trace_id={trace}");
        }
        else if (roll < 12)
        {
            text.Append($" WARN  {service} slow request method=GET path={path} duration_ms={ms * 20} trace_id={trace}");
        }
        else
        {
            var status = roll < 90 ? 200 : 201;
            text.Append($" INFO  {service} request completed method={(status == 200 ? "GET" : "POST")} path={path} status={status} duration_ms={ms} trace_id={trace}");
        }

        return text.ToString();
    }

    private static string Dependency(string service) => service switch
    {
        "checkout" => "payments",
        "payments" => "payments-db",
        "cart" or "orders" => "inventory",
        "gateway" => "auth",
        _ => "postgres",
    };
}

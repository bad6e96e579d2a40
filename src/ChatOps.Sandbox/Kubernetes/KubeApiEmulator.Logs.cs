using System.Globalization;
using System.Text;
using ChatOps.Sandbox.Hosting;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Sandbox.Kubernetes;

public sealed partial class KubeApiEmulator
{
    /// <summary>GET pods/{name}/log: container, previous, tailLines, sinceSeconds, sinceTime, timestamps, limitBytes; plain text.</summary>
    private IResult PodLog(HttpRequest request, KubePod pod)
    {
        var now = _clock.Now;
        var q = request.Query;
        var containerName = q["container"].ToString();
        if (containerName.Length == 0 && pod.Containers.Count > 1)
        {
            return KubeStatus.BadRequest($"a container name must be specified for pod {pod.Name}, choose one of: [{string.Join(' ', pod.Containers.Select(c => c.Name))}]");
        }

        var container = containerName.Length == 0 ? pod.Containers[0] : pod.Containers.FirstOrDefault(c => c.Name == containerName);
        if (container is null)
        {
            return KubeStatus.BadRequest($"container {containerName} is not valid for pod {pod.Name}");
        }

        var previous = q["previous"] == "true";
        var restarted = container.Name == pod.Owner.Owner.App && pod.RestartCount > 0;
        if (previous && !restarted)
        {
            return KubeStatus.BadRequest($"previous terminated container \"{container.Name}\" in pod \"{pod.Name}\" not found");
        }

        if (!previous && !pod.IsStarted(now))
        {
            return KubeStatus.BadRequest($"container \"{container.Name}\" in pod \"{pod.Name}\" is waiting to start: ContainerCreating");
        }

        var lines = previous ? PodLogs.Previous(pod, container) : PodLogs.Current(pod, container, now, _options.Seed.LogLinesPerPod);
        if (Int(request, "sinceSeconds") is { } since)
        {
            lines = lines.Where(l => l.At >= now.AddSeconds(-since));
        }
        else if (DateTimeOffset.TryParse(q["sinceTime"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sinceTime))
        {
            lines = lines.Where(l => l.At >= sinceTime);
        }

        var list = lines.ToList();
        if (Int(request, "tailLines") is { } tail && tail >= 0)
        {
            list = list.Skip(Math.Max(0, list.Count - tail)).ToList();
        }

        var stamps = q["timestamps"] == "true";
        var text = new StringBuilder();
        foreach (var (at, line) in list)
        {
            text.Append(stamps ? PodLogs.NanoStamp(at) + " " : "").Append(line).Append('\n');
        }

        var body = text.ToString();
        if (Int(request, "limitBytes") is { } limit && limit >= 0 && Encoding.UTF8.GetByteCount(body) > limit)
        {
            body = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(body), 0, limit);
        }

        return Reply.Text(body);
    }
}

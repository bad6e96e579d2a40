using System.Text.Json.Nodes;
using ChatOps.Sandbox.Hosting;
using Microsoft.AspNetCore.Builder;

namespace ChatOps.Sandbox.Kubernetes;

public sealed partial class KubeApiEmulator
{
    private void MapDiscovery(WebApplication app)
    {
        app.MapGet("/version", () => Reply.Json(new JsonObject
        {
            ["major"] = "1",
            ["minor"] = "33",
            ["gitVersion"] = "v1.33.1-sandbox",
            ["gitCommit"] = "0000000000000000000000000000000000000000",
            ["gitTreeState"] = "clean",
            ["buildDate"] = "2026-05-15T00:00:00Z",
            ["goVersion"] = "go1.24.3",
            ["compiler"] = "gc",
            ["platform"] = "linux/amd64",
        }));
        app.MapGet("/healthz", () => Reply.Text("ok"));
    }
}

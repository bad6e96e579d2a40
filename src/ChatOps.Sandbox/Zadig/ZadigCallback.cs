using System.Text.Json.Nodes;

namespace ChatOps.Sandbox.Zadig;

/// <summary>The callback of a legacy task (contract §6.1 `callback{callback_url, callback_vars}`).</summary>
internal sealed record ZadigCallback(string Url, JsonObject Vars, JsonArray Targets);

using System.Text.Json.Nodes;

namespace ChatOps.Sandbox.Tests.Support;

/// <summary>One POST seen by <see cref="HookListener"/>.</summary>
public sealed record ReceivedHook(string Path, IReadOnlyDictionary<string, string> Headers, JsonNode Body);

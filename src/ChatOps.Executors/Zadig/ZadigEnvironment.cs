using System.Text.Json.Serialization;

namespace ChatOps.Executors.Zadig;

/// <summary>One environment (zadig.md §5.2): <c>env_key</c> is the identifier; the camelCase <c>envName</c> is only an alias.</summary>
public sealed record ZadigEnvironment(string EnvKey, [property: JsonPropertyName("envName")] string? EnvName, string? Namespace, bool Production, string? Status);

namespace ChatOps.Executors.GitLab;

/// <summary>A pipeline variable (gitlab.md §5 E5 body item and E13 item); <c>variable_type</c> is env_var or file.</summary>
public sealed record GitLabVariable(string Key, string Value, string? VariableType = null);

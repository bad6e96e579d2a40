namespace ChatOps.Sandbox.GitLab;

/// <summary>A pipeline variable (contract E13: key, value, variable_type env_var|file).</summary>
internal sealed record GitLabVariable(string Key, string Value, string VariableType = "env_var");

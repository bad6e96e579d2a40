namespace ChatOps.Adapters.Api;

/// <summary>One reply of the bot; <see cref="RunId"/> is set when it announces a tracked run (read it at <c>GET /api/runs/{id}</c>).</summary>
public sealed record ApiReply(string Text, IReadOnlyList<ApiButton> Buttons, bool Ephemeral, string? RunId);

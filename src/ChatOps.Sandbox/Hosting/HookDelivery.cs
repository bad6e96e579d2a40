namespace ChatOps.Sandbox.Hosting;

/// <summary>One outgoing JSON POST: a webhook or a callback.</summary>
internal sealed record HookDelivery(Uri Url, string Body, IReadOnlyList<KeyValuePair<string, string>> Headers);

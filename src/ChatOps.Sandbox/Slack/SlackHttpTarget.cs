namespace ChatOps.Sandbox.Slack;

/// <summary>The app's three HTTP-mode Request URLs (manifest: event_subscriptions, interactivity, slash command url).</summary>
public sealed record SlackHttpTarget(Uri Events, Uri Interactivity, Uri Commands);

using System.Net.Http.Headers;

namespace ChatOps.Adapters.Slack.Api;

/// <summary>Adds <c>Authorization: Bearer xoxb-…</c> to every Web API call that does not carry its own token (§6.1).</summary>
public sealed class SlackAuthHandler(Func<string> botToken) : DelegatingHandler
{
    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization ??= new AuthenticationHeaderValue("Bearer", botToken());
        return base.SendAsync(request, cancellationToken);
    }
}

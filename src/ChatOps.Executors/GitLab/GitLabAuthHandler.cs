using System.Net.Http;
using Microsoft.Extensions.Options;

namespace ChatOps.Executors.GitLab;

/// <summary>Adds PRIVATE-TOKEN to every call except the trigger endpoint, whose token travels in the body (gitlab.md §1, gotcha 2).</summary>
internal sealed class GitLabAuthHandler(IOptions<GitLabOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri?.AbsolutePath ?? "";
        if (!path.EndsWith("/trigger/pipeline", StringComparison.Ordinal) && options.Value.Token.Length > 0)
        {
            request.Headers.Remove("PRIVATE-TOKEN");
            request.Headers.TryAddWithoutValidation("PRIVATE-TOKEN", options.Value.Token);
        }

        return base.SendAsync(request, cancellationToken);
    }
}

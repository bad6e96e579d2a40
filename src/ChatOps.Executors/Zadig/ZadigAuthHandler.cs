using System.Net.Http;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace ChatOps.Executors.Zadig;

/// <summary>Adds <c>Authorization: Bearer &lt;token&gt;</c> (zadig.md §1: exactly two parts, one space).</summary>
internal sealed class ZadigAuthHandler(IOptions<ZadigOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (options.Value.Token.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.Token.Trim());
        }

        return base.SendAsync(request, cancellationToken);
    }
}

using System.Net;
using System.Net.Http;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;
using Refit;

namespace ChatOps.Executors.Resilience;

/// <summary>Classifies a failed write: did the backend certainly not act, or may it have acted before the answer was lost?</summary>
internal static class Outcome
{
    /// <summary>True when the request may have been carried out: a timeout, a dropped connection after sending, or a 5xx/408.</summary>
    public static bool MayHaveRun(Exception ex, CancellationToken callerToken) => ex switch
    {
        ApiRequestException { InnerException: { } inner } => MayHaveRun(inner, callerToken),
        BrokenCircuitException or RateLimiterRejectedException => false,
        ApiException api => (int)api.StatusCode >= 500 || api.StatusCode == HttpStatusCode.RequestTimeout,
        TimeoutRejectedException => true,
        OperationCanceledException => !callerToken.IsCancellationRequested,
        HttpRequestException http => http.HttpRequestError != HttpRequestError.ConnectionError && http.HttpRequestError != HttpRequestError.NameResolutionError,
        _ => false,
    };

    /// <summary>The Retry-After of a 429, when it is short enough to wait inside one chat turn.</summary>
    public static TimeSpan? RetryAfter(ApiException api, TimeSpan longest)
    {
        if (api.StatusCode != HttpStatusCode.TooManyRequests)
        {
            return null;
        }

        var header = api.Headers?.RetryAfter;
        var wait = header?.Delta ?? (header?.Date is { } date ? date - DateTimeOffset.UtcNow : TimeSpan.FromSeconds(1));
        return wait <= longest ? (wait < TimeSpan.Zero ? TimeSpan.Zero : wait) : null;
    }
}

using System.Net.Http;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace ChatOps.Executors.Resilience;

/// <summary>One resilience policy for every backend: attempt and total timeouts, jittered retries of reads only
/// (honouring Retry-After), and a circuit breaker per backend.</summary>
internal static class BackendResilience
{
    /// <summary>Applies the policy to the standard handler of a Refit client.</summary>
    public static void Apply(HttpStandardResilienceOptions target, BackendResilienceOptions source)
    {
        target.AttemptTimeout.Timeout = source.AttemptTimeout;
        target.TotalRequestTimeout.Timeout = source.TotalTimeout;
        Retry(target.Retry, source);
        Breaker(target.CircuitBreaker, source);
    }

    /// <summary>The same policy as a pipeline, for clients not built by IHttpClientFactory (KubernetesClient).</summary>
    public static ResiliencePipeline<HttpResponseMessage> Pipeline(BackendResilienceOptions source, TimeProvider time)
    {
        var retry = new HttpRetryStrategyOptions();
        Retry(retry, source);
        var breaker = new HttpCircuitBreakerStrategyOptions();
        Breaker(breaker, source);
        return new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
            .AddTimeout(source.TotalTimeout)
            .AddRetry(retry)
            .AddCircuitBreaker(breaker)
            .AddTimeout(source.AttemptTimeout)
            .Build();
    }

    private static void Retry(HttpRetryStrategyOptions retry, BackendResilienceOptions source)
    {
        retry.MaxRetryAttempts = Math.Max(1, source.MaxRetries);
        retry.Delay = source.RetryDelay;
        retry.BackoffType = DelayBackoffType.Exponential;
        retry.UseJitter = true;
        retry.ShouldRetryAfterHeader = true;
        // why: a POST that creates a run may have run even when its answer is lost; the executors look before trying again
        retry.DisableForUnsafeHttpMethods();
        if (source.MaxRetries == 0)
        {
            retry.ShouldHandle = _ => ValueTask.FromResult(false);
        }
    }

    private static void Breaker(HttpCircuitBreakerStrategyOptions breaker, BackendResilienceOptions source)
    {
        breaker.FailureRatio = source.BreakerFailureRatio;
        breaker.MinimumThroughput = Math.Max(2, source.BreakerMinimumThroughput);
        breaker.SamplingDuration = source.BreakerSampling < source.AttemptTimeout * 2 ? source.AttemptTimeout * 2 : source.BreakerSampling;
        breaker.BreakDuration = source.BreakDuration;
    }
}

using System.Net;
using System.Net.Http;
using ChatOps.Core.Telemetry;
using ChatOps.Executors.Chat;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace ChatOps.Executors;

/// <summary>Turns a failed backend call into a sentence the person in the chat understands and can act on.</summary>
internal static class BackendErrors
{
    /// <summary>Explains <paramref name="ex"/>; <paramref name="what"/> completes "could not …", <paramref name="notFound"/> explains a 404.</summary>
    public static ExecutorException Explain(
        string backend, Exception ex, string what, Func<ApiException, string> message, string? notFound = null, string? tokenSetting = null)
    {
        if (ex is ApiRequestException { InnerException: { } transport })
        {
            // why: Refit wraps transport failures (timeouts, resets, an open circuit); the cause is what the person needs
            return Explain(backend, transport, what, message, notFound, tokenSetting);
        }

        if (ex is not ExecutorException)
        {
            var kind = ex is ApiException api ? ((int)api.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : ex.GetType().Name;
            BotMetrics.BackendErrors.Add(1, new("backend", backend), new("status", kind));
        }

        var sentence = ex switch
        {
            ExecutorException known => known.Message,
            ApiException { StatusCode: HttpStatusCode.NotFound } when notFound is not null => notFound,
            ApiException api => Status(backend, api, what, message(api), tokenSetting ?? $"{backend}:Token"),
            BrokenCircuitException => $"{backend} has been failing, so the bot paused its calls to it for a few seconds; try again shortly.",
            TimeoutRejectedException or TaskCanceledException => $"{backend} did not answer in time, so the bot could not {what}.",
            HttpRequestException http => $"The bot could not reach {backend} to {what} ({http.Message}).",
            _ => $"Something went wrong while trying to {what} on {backend}: {ex.Message}",
        };
        return ex as ExecutorException ?? new ExecutorException(sentence, ex);
    }

    private static string Status(string backend, ApiException api, string what, string message, string tokenSetting)
    {
        var code = (int)api.StatusCode;
        var detail = message.Length > 0 ? $": {message}" : "";
        return code switch
        {
            401 => $"{backend} refused the bot's credentials (401); an admin needs to renew {ChatText.Code(tokenSetting)}.",
            403 when message.Contains("insufficient_scope", StringComparison.Ordinal) =>
                $"The bot's {backend} token may only read (it lacks the `api` scope), so it cannot {what}.",
            403 => $"{backend} does not allow the bot to {what}{detail}.",
            404 => $"{backend} could not find what the bot asked for while trying to {what}{detail}.",
            409 => $"{backend} could not {what} because something else holds a lock{detail}; try again in a moment.",
            429 => $"{backend} is rate-limiting the bot{RetryAfter(api)}, so it could not {what}.",
            >= 500 => $"{backend} failed while the bot tried to {what} ({code}{detail}); try again later.",
            _ => $"{backend} refused to {what}{detail}.",
        };
    }

    private static string RetryAfter(ApiException api) =>
        api.Headers?.RetryAfter?.Delta is { } wait ? $"; try again in {ChatText.Age(wait)}" : "";
}

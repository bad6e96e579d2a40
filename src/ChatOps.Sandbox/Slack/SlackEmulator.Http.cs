using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace ChatOps.Sandbox.Slack;

public sealed partial class SlackEmulator
{
    private readonly HttpClient _http;
    private int _httpSeq;

    /// <summary>The app's Request URLs when HTTP mode is on (<see cref="UseHttp"/>); null in Socket Mode.</summary>
    public SlackHttpTarget? HttpTarget { get; private set; }

    /// <summary>Delivers by signed HTTP POSTs to <c>{baseUrl}events</c>, <c>interactivity</c> and <c>commands</c> instead of the socket.</summary>
    public void UseHttp(Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        var root = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        HttpTarget = new SlackHttpTarget(new Uri(root, "events"), new Uri(root, "interactivity"), new Uri(root, "commands"));
    }

    /// <summary>Back to Socket Mode deliveries.</summary>
    public void UseSocketMode() => HttpTarget = null;

    /// <summary>§2.1: sends url_verification to the events URL and returns the status and body the app answered.</summary>
    public Task<(int Status, string Body)> VerifyUrlAsync(string challenge)
    {
        var target = HttpTarget ?? throw new InvalidOperationException("Call UseHttp first.");
        var body = new JsonObject { ["token"] = "legacy", ["challenge"] = challenge, ["type"] = "url_verification" }.ToJsonString();
        return SendSignedAsync(target.Events, body, "application/json");
    }

    /// <summary>
    /// POSTs a body signed as Slack signs it (§3); pass <paramref name="timestamp"/> or <paramref name="signature"/> to forge a stale or
    /// wrong request. Returns the app's status and body.
    /// </summary>
    public async Task<(int Status, string Body)> SendSignedAsync(
        Uri url, string body, string contentType, long? timestamp = null, string? signature = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var (status, text, _) = await SendCoreAsync(url, body, contentType, timestamp, signature, headers).ConfigureAwait(false);
        return (status, text);
    }

    private async Task<(int Status, string Body, bool NoRetry)> SendCoreAsync(
        Uri url, string body, string contentType, long? timestamp, string? signature, IReadOnlyDictionary<string, string>? headers)
    {
        ArgumentNullException.ThrowIfNull(url);
        var ts = (timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", signature ?? SlackSigner.Sign(Options.SigningSecret, ts, body));
        foreach (var (name, value) in headers ?? new Dictionary<string, string>()) request.Headers.Add(name, value);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        timeout.CancelAfter(Options.AckTimeout);
        using var response = await _http.SendAsync(request, timeout.Token).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
        var noRetry = response.Headers.TryGetValues("X-Slack-No-Retry", out var values) && values.Contains("1");
        return ((int)response.StatusCode, text, noRetry);
    }

    private async Task<SlackDelivery> DeliverByHttpAsync(SlackDeliveryType type, JsonObject payload, int attempt, string reason)
    {
        var target = HttpTarget!;
        var (url, body, contentType) = type switch
        {
            SlackDeliveryType.Events => (target.Events, payload.ToJsonString(), "application/json"),
            SlackDeliveryType.Interactive => (target.Interactivity, "payload=" + Uri.EscapeDataString(payload.ToJsonString()), "application/x-www-form-urlencoded"),
            _ => (target.Commands, Form(payload), "application/x-www-form-urlencoded"),
        };
        var delivery = new SlackDelivery($"http-{Interlocked.Increment(ref _httpSeq)}", type, payload, attempt, reason) { SentAt = Stopwatch.GetTimestamp() };
        lock (_gate) _deliveries.Add(delivery);
        var headers = attempt == 0 ? null : new Dictionary<string, string> { ["X-Slack-Retry-Num"] = attempt.ToString(CultureInfo.InvariantCulture), ["X-Slack-Retry-Reason"] = reason };
        string? failure;
        var noRetry = false;
        try
        {
            (var status, var text, noRetry) = await SendCoreAsync(url, body, contentType, null, null, headers).ConfigureAwait(false);
            delivery.HttpStatus = status;
            if (status is >= 200 and < 300) delivery.Ack(text);
            failure = status is >= 200 and < 300 ? null : "http_error";
        }
        catch (OperationCanceledException) when (!_stopping.IsCancellationRequested)
        {
            failure = "http_timeout";
        }
        catch (HttpRequestException)
        {
            failure = "connection_failed";
        }

        Changed();
        if (failure is not null)
        {
            Interlocked.Increment(ref _unacked);
            if (type == SlackDeliveryType.Events && !noRetry && attempt < Options.MaxRetries)
            {
                var wait = Options.HttpRetryDelays.ElementAtOrDefault(attempt);
                _ = Task.Run(async () =>
                {
                    await Task.Delay(wait, _stopping.Token).ConfigureAwait(false);
                    await DeliverByHttpAsync(type, payload, attempt + 1, failure).ConfigureAwait(false);
                });
            }
        }

        return delivery;
    }

    private static string Form(JsonObject fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : f.Value?.ToJsonString() ?? "")}"));
}

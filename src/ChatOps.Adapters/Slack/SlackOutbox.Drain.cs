using System.Net;
using ChatOps.Adapters.Slack.Api;
using Refit;

namespace ChatOps.Adapters.Slack;

public sealed partial class SlackOutbox
{
    private static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(30);

    private async Task DrainAsync(Lane lane)
    {
        var stop = _stopping.Token;
        try
        {
            while (lane.Next() is { } item)
            {
                if (lane.Paced) await PaceAsync(lane, stop).ConfigureAwait(false);
                await SendOneAsync(item, stop).ConfigureAwait(false);
                lane.Remove(item);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            while (lane.Next() is { } left)
            {
                left.Done.TrySetCanceled(stop);
                lane.Remove(left);
            }
        }
    }

    private async Task PaceAsync(Lane lane, CancellationToken stop)
    {
        var interval = _options.ChannelInterval;
        var now = _time.GetUtcNow();
        if (lane.RefilledAt is { } last && interval > TimeSpan.Zero)
        {
            lane.Tokens = Math.Min(Math.Max(1, _options.ChannelBurst), lane.Tokens + ((now - last) / interval));
        }

        lane.RefilledAt = now;
        if (lane.Tokens < 1 && interval > TimeSpan.Zero)
        {
            await Task.Delay((1 - lane.Tokens) * interval, _time, stop).ConfigureAwait(false);
            lane.Tokens = 1;
            lane.RefilledAt = _time.GetUtcNow();
        }

        lane.Tokens -= 1;
    }

    private async Task SendOneAsync(Item item, CancellationToken stop)
    {
        for (var attempt = 1; ; )
        {
            if (item.Done.Task.IsCompleted) return;
            if (_pausedUntil.TryGetValue(item.Method, out var until) && until - _time.GetUtcNow() is var wait && wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time, stop).ConfigureAwait(false);
            }

            try
            {
                var answer = await item.Call(_api, stop).ConfigureAwait(false);
                answer.EnsureOk(item.Method);
                Interlocked.Increment(ref _sent);
                item.Done.TrySetResult(answer);
                return;
            }
            catch (ApiException ex) when (ex.StatusCode == HttpStatusCode.TooManyRequests)
            {
                // why: Slack limits per method and workspace, so every lane waits, not just this channel
                var retryAfter = ex.Headers.RetryAfter?.Delta ?? DefaultRetryAfter;
                _pausedUntil[item.Method] = _time.GetUtcNow() + retryAfter;
                Interlocked.Increment(ref _rateLimited);
                SlackLog.RateLimited(_log, item.Method, retryAfter);
            }
            catch (SlackApiException ex)
            {
                item.Done.TrySetException(ex);
                return;
            }
            catch (Exception ex) when (IsTransient(ex, stop) && attempt < _options.MaxAttempts)
            {
                var delay = TimeSpan.FromMilliseconds(200 * Math.Pow(2, attempt - 1));
                SlackLog.Retrying(_log, ex, item.Method, attempt, delay);
                attempt++;
                await Task.Delay(delay, _time, stop).ConfigureAwait(false);
            }
            catch (Exception ex) when (!stop.IsCancellationRequested)
            {
                item.Done.TrySetException(ex);
                return;
            }
        }
    }

    private static bool IsTransient(Exception ex, CancellationToken stop) => ex switch
    {
        ApiException api => (int)api.StatusCode >= 500,
        HttpRequestException => true,
        TaskCanceledException => !stop.IsCancellationRequested,
        _ => false,
    };
}

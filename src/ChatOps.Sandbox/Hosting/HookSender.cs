using System.Net.Http.Headers;
using System.Text;
using System.Threading.Channels;

namespace ChatOps.Sandbox.Hosting;

/// <summary>Delivers webhooks and callbacks one at a time in the order they were raised, honouring the drop knobs.</summary>
internal sealed class HookSender : IAsyncDisposable
{
    private readonly SandboxKnobs _knobs;
    private readonly Channel<HookDelivery> _queue = Channel.CreateUnbounded<HookDelivery>();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly Task _loop;
    private int _delivered;
    private int _failed;

    public HookSender(SandboxKnobs knobs)
    {
        _knobs = knobs;
        _loop = Task.Run(DeliverAllAsync);
    }

    public int Delivered => Volatile.Read(ref _delivered);

    public int Failed => Volatile.Read(ref _failed);

    public void Enqueue(HookDelivery delivery)
    {
        if (!_knobs.ShouldDropDelivery())
        {
            _queue.Writer.TryWrite(delivery);
        }
    }

    private async Task DeliverAllAsync()
    {
        await foreach (var delivery in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url);
                request.Content = new StringContent(delivery.Body, Encoding.UTF8);
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                foreach (var (name, value) in delivery.Headers)
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }

                using var response = await _http.SendAsync(request).ConfigureAwait(false);
                Interlocked.Increment(ref response.IsSuccessStatusCode ? ref _delivered : ref _failed);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // why: real GitLab and Zadig log a failed delivery and move on; the sandbox does the same
                Interlocked.Increment(ref _failed);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        try
        {
            await _loop.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // why: a receiver that hangs must not stop the sandbox from shutting down
        }

        _http.Dispose();
    }
}

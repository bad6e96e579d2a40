using System.Net;

namespace ChatOps.Executors.Tests.Support;

/// <summary>What the test wants to go wrong on the wire, shared by every handler chain the client factory builds.</summary>
public sealed class FaultPlan
{
    private readonly Lock _gate = new();
    private Func<HttpRequestMessage, bool>? _match;
    private int _remaining;
    private FaultKind _kind;

    private long _wireTicks;

    /// <summary>Stopwatch ticks spent below the injector (network plus emulator), for overhead measurements.</summary>
    public long WireTicks => Interlocked.Read(ref _wireTicks);

    /// <summary>Requests seen, as "METHOD /path".</summary>
    public List<string> Seen { get; } = [];

    /// <summary>Called with every response that came back from the emulator (before any injected fault).</summary>
    public Action<HttpResponseMessage>? OnResponse { get; set; }

    /// <summary>For the next <paramref name="times"/> requests that match: forward them, then lose the answer the given way.</summary>
    public void LoseAnswer(Func<HttpRequestMessage, bool> match, FaultKind kind, int times = 1)
    {
        lock (_gate)
        {
            (_match, _kind, _remaining) = (match, kind, times);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            (_match, _remaining) = (null, 0);
            Seen.Clear();
            OnResponse = null;
        }
    }

    internal void AddWireTicks(long ticks) => Interlocked.Add(ref _wireTicks, ticks);

    internal FaultKind? Take(HttpRequestMessage request)
    {
        lock (_gate)
        {
            Seen.Add($"{request.Method} {request.RequestUri?.AbsolutePath}");
            if (_match is null || _remaining <= 0 || !_match(request))
            {
                return null;
            }

            _remaining--;
            return _kind;
        }
    }

    /// <summary>How an answer is lost after the emulator has acted.</summary>
    public enum FaultKind
    {
        /// <summary>A gateway in between answers 502.</summary>
        BadGateway,

        /// <summary>The answer never comes; the attempt timeout fires.</summary>
        Hang,

        /// <summary>The connection drops after the request was sent.</summary>
        ConnectionReset,

        /// <summary>A gateway answers 502 without forwarding: the emulator never sees the request.</summary>
        Unsent,
    }

    internal static HttpResponseMessage Gateway(HttpRequestMessage request) =>
        new(HttpStatusCode.BadGateway) { RequestMessage = request, Content = new StringContent("bad gateway") };
}

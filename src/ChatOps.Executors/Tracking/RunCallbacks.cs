using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ChatOps.Executors.Tracking;

/// <summary>Per-run callback secrets: a token derived from the run id with an HMAC, so the executor and the tracker agree without sharing state.</summary>
public sealed class RunCallbacks
{
    private readonly byte[] _key;
    private readonly Uri? _base;

    /// <summary>Creates the deriver from <see cref="TrackingOptions.CallbackSecret"/> (random when empty) and <see cref="TrackingOptions.PublicBaseUrl"/>.</summary>
    public RunCallbacks(IOptions<TrackingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _key = o.CallbackSecret.Length > 0 ? Encoding.UTF8.GetBytes(o.CallbackSecret) : RandomNumberGenerator.GetBytes(32);
        _base = o.PublicBaseUrl is { } b ? new Uri(b.ToString().TrimEnd('/') + "/") : null;
    }

    /// <summary>True when per-run callback URLs can be built (a public address is configured).</summary>
    public bool HasPublicUrl => _base is not null;

    /// <summary>The unguessable token of a run (43 URL-safe characters).</summary>
    public string TokenFor(string runId) => Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(runId)));

    /// <summary>The URL Zadig should call back for this run, or null when no public address is configured.</summary>
    public Uri? UrlFor(string runId) => _base is null ? null : new Uri(_base, "hooks/zadig/" + TokenFor(runId));
}

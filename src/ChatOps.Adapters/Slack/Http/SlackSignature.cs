using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ChatOps.Adapters.Slack.Http;

/// <summary>Slack request signing (contract §3): <c>v0=</c> + hex HMAC-SHA256 of <c>v0:{timestamp}:{raw body}</c>, within five minutes.</summary>
public sealed class SlackSignature(string signingSecret, TimeProvider time)
{
    /// <summary>How far the request timestamp may be from now.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    private readonly byte[] _key = Encoding.UTF8.GetBytes(signingSecret);

    /// <summary>The signature Slack would send for this timestamp and raw body.</summary>
    public string Compute(string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"v0:{timestamp}:");
        var data = new byte[prefix.Length + body.Length];
        prefix.CopyTo(data, 0);
        body.CopyTo(data.AsSpan(prefix.Length));
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(_key, data));
    }

    /// <summary>Checks the two headers against the raw body; anything but <see cref="SignatureCheck.Valid"/> must be refused with 401.</summary>
    public SignatureCheck Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature)) return SignatureCheck.Missing;
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return SignatureCheck.Missing;
        var age = time.GetUtcNow().ToUnixTimeSeconds() - seconds;
        if (Math.Abs(age) > Window.TotalSeconds) return SignatureCheck.Stale;
        var expected = Encoding.ASCII.GetBytes(Compute(timestamp, body));
        var presented = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, presented) ? SignatureCheck.Valid : SignatureCheck.Mismatch;
    }
}

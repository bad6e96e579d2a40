using System.Security.Cryptography;
using System.Text;

namespace ChatOps.Sandbox.Slack;

/// <summary>Signs HTTP-mode requests as Slack does (contract §3): <c>v0=</c> + hex HMAC-SHA256 over <c>v0:{timestamp}:{body}</c>.</summary>
public static class SlackSigner
{
    /// <summary>The <c>X-Slack-Signature</c> value for this secret, timestamp and raw body.</summary>
    public static string Sign(string signingSecret, string timestamp, string body) =>
        "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), Encoding.UTF8.GetBytes($"v0:{timestamp}:{body}")));
}

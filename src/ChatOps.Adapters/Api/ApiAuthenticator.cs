using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace ChatOps.Adapters.Api;

/// <summary>Maps an <c>Authorization: Bearer …</c> header to its configured token, comparing hashes in constant time.</summary>
public sealed class ApiAuthenticator(IOptions<ApiOptions> options)
{
    private readonly (byte[] Hash, ApiToken Token)[] _tokens =
        options.Value.Tokens.Where(t => t.Token.Length > 0).Select(t => (Hash(t.Token), t)).ToArray();

    /// <summary>The token the header carries, or null when it is missing, malformed or unknown.</summary>
    public ApiToken? Authenticate(string? authorization)
    {
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)) return null;
        var presented = Hash(authorization[scheme.Length..].Trim());
        ApiToken? found = null;
        // why: look at every token whatever matches, so the time taken does not tell which one was close
        foreach (var (hash, token) in _tokens)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, presented)) found = token;
        }

        return found;
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}

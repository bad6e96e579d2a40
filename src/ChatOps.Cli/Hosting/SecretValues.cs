using ChatOps.Core.Security;
using Microsoft.Extensions.Configuration;

namespace ChatOps.Cli.Hosting;

/// <summary>The secret values of the configuration (any key ending in Token, Secret, Password or Key), so replies and audit rows can mask them.</summary>
public static class SecretValues
{
    private static readonly string[] SecretSuffixes = ["token", "secret", "password", "key", "signingsecret", "apptoken", "bottoken"];

    /// <summary>A redactor that knows every secret value in <paramref name="configuration"/>.</summary>
    public static SecretRedactor Redactor(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var values = configuration.AsEnumerable()
            .Where(p => p.Value is { Length: > 0 } && SecretSuffixes.Any(s => p.Key.Split(':')[^1].EndsWith(s, StringComparison.OrdinalIgnoreCase)))
            .Select(p => p.Value);
        return new SecretRedactor(values);
    }
}

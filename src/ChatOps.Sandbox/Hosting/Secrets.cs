using System.Security.Cryptography;
using System.Text;

namespace ChatOps.Sandbox.Hosting;

/// <summary>Constant-time comparison of presented credentials.</summary>
internal static class Secrets
{
    public static bool Match(string? presented, string expected) =>
        presented is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}

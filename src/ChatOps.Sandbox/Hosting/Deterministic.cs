using System.Security.Cryptography;
using System.Text;

namespace ChatOps.Sandbox.Hosting;

/// <summary>Stable ids, hashes and random streams derived from names, so every run of the same seed looks the same.</summary>
internal static class Deterministic
{
    // why: Kubernetes' SafeEncodeString alphabet (no vowels, no confusable digits)
    private const string KubeAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static string Sha(string key) =>
        Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(key)));

    public static int Int(string key) =>
        BitConverter.ToInt32(SHA1.HashData(Encoding.UTF8.GetBytes(key)), 0) & int.MaxValue;

    public static Random Random(string key) => new(Int(key));

    public static string Uid(string key)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return new Guid(bytes.AsSpan(0, 16)).ToString();
    }

    public static string KubeSuffix(string key, int length)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = KubeAlphabet[bytes[i] % KubeAlphabet.Length];
        }

        return new string(chars);
    }
}

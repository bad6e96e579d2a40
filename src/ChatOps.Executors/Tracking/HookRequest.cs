using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Executors.Tracking;

/// <summary>What every hook endpoint does before parsing: compare a secret in constant time and read a body no larger than the limit.</summary>
internal static class HookRequest
{
    /// <summary>True when <paramref name="sent"/> equals a non-empty <paramref name="expected"/>; hashing first keeps the time independent of both lengths.</summary>
    public static bool SecretMatches(string? sent, string expected) =>
        expected.Length > 0 && sent is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(sent)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    /// <summary>The body as JSON, or the status to answer: 413 when larger than <paramref name="limit"/>, 400 when it is not JSON.</summary>
    public static async Task<(JsonDocument? Json, int Status)> ReadJsonAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return (null, StatusCodes.Status413PayloadTooLarge);
        }

        var reader = request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (read.Buffer.Length > limit)
            {
                reader.AdvanceTo(read.Buffer.End);
                return (null, StatusCodes.Status413PayloadTooLarge);
            }

            if (!read.IsCompleted)
            {
                reader.AdvanceTo(read.Buffer.Start, read.Buffer.End);
                continue;
            }

            // why: a single-segment sequence would be parsed in place, and the pipe reuses that memory after AdvanceTo
            var bytes = read.Buffer.ToArray();
            reader.AdvanceTo(read.Buffer.End);
            try
            {
                return (JsonDocument.Parse(bytes), StatusCodes.Status200OK);
            }
            catch (JsonException)
            {
                return (null, StatusCodes.Status400BadRequest);
            }
        }
    }

    /// <summary>A string property, or null when absent or not a string.</summary>
    public static string? Text(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>An integer property (a JSON number, or a string of digits), or null.</summary>
    public static long? Number(this JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.TryGetInt64(out var n) ? n : null;
        }

        return value.ValueKind == JsonValueKind.String
            && long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
    }

    /// <summary>An object property, or an undefined element.</summary>
    public static JsonElement Child(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : default;
}

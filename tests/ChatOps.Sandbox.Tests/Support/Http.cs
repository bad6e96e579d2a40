using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ChatOps.Sandbox.Tests.Support;

/// <summary>Small helpers for raw HTTP calls to the emulators.</summary>
public static class Http
{
    public static HttpClient Client(Uri baseAddress, string? header = null, string? value = null)
    {
        var client = new HttpClient { BaseAddress = baseAddress };
        if (header is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation(header, value);
        }

        return client;
    }

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    public static async Task<JsonNode> PostJsonAsync(this HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        Assert.True(response.IsSuccessStatusCode, $"POST {path} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }
}

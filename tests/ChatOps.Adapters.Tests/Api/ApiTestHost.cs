using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatOps.Adapters.Api;
using ChatOps.Adapters.Tests.Slack.Dialog;
using ChatOps.Core.Catalog;
using ChatOps.Core.Chat;
using ChatOps.Core.Storage;
using ChatOps.Dialog;
using ChatOps.Dialog.Policy;
using ChatOps.Language;
using ChatOps.Language.Model;
using ChatOps.Storage.Sqlite;
using ChatOps.Storage.Stores;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Adapters.Tests.Api;

/// <summary>The command API as `chatops serve` hosts it: Kestrel on 127.0.0.1, the real TurnHandler under the example policy, SQLite audit and runs.</summary>
public sealed class ApiTestHost : IAsyncDisposable
{
    public const string AliceToken = "alice-token-0123456789abcdef";
    public const string MalloryToken = "mallory-token-0123456789abcdef";

    private static readonly Lazy<(ServiceCatalog Catalog, MessageParser Parser, PolicyOptions Policy)> Language = new(() =>
    {
        var root = FindRoot();
        var catalog = CatalogLoader.Load(Path.Combine(root, "training-data", "catalog.yaml"));
        var parser = new MessageParser(catalog, IntentClassifier.Load(Path.Combine(root, "models", "intent-model.zip")));
        return (catalog, parser, PolicyLoader.Load(Path.Combine(root, "training-data", "policy.yaml"), catalog));
    });

    private readonly WebApplication _app;
    private readonly SqliteDatabase _database;

    private ApiTestHost(WebApplication app, SqliteDatabase database, RecordingExecutor executor, TurnHandler handler, Uri address)
    {
        _app = app;
        _database = database;
        Executor = executor;
        Handler = handler;
        Http = new HttpClient { BaseAddress = address };
    }

    public RecordingExecutor Executor { get; }

    /// <summary>The same handler the API uses, for turns from other surfaces (console, Slack).</summary>
    public TurnHandler Handler { get; }
    public HttpClient Http { get; }
    public IAuditLog Audit => _app.Services.GetRequiredService<IAuditLog>();
    public IRunStore Runs => _app.Services.GetRequiredService<IRunStore>();

    public static async Task<ApiTestHost> StartAsync(int maxBodyBytes = 16 * 1024)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("chatops-api").FullName, "chatops.db");
        var database = new SqliteDatabase(file, TimeProvider.System);
        var executor = new RecordingExecutor();
        var stores = new InMemoryStores();
        var audit = new SqliteAuditLog(database, TimeProvider.System);
        var handler = NewHandler(executor, stores, audit);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Api:Tokens:0:Name"] = "alice-laptop", ["Api:Tokens:0:Token"] = AliceToken, ["Api:Tokens:0:User"] = "alice",
            ["Api:Tokens:1:Name"] = "mallory-script", ["Api:Tokens:1:Token"] = MalloryToken, ["Api:Tokens:1:User"] = "mallory",
            ["Api:MaxBodyBytes"] = maxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.Services.AddRouting();
        builder.Services.AddSingleton<ITurnHandler>(handler);
        builder.Services.AddSingleton<IAuditLog>(audit);
        builder.Services.AddSingleton<IRunStore>(new SqlRunStore(database));
        builder.Services.AddCommandApi(builder.Configuration);
        var app = builder.Build();
        app.MapCommandApi();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new ApiTestHost(app, database, executor, handler, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>The real TurnHandler under the example policy (training-data/policy.yaml).</summary>
    public static TurnHandler NewHandler(RecordingExecutor executor, InMemoryStores stores, IAuditLog audit)
    {
        var (catalog, parser, policy) = Language.Value;
        return new TurnHandler(parser, executor, stores, stores, stores, catalog, new DialogOptions { Policy = policy }, TimeProvider.System, audit);
    }

    /// <summary>POSTs <paramref name="body"/> to /api/commands with <paramref name="token"/> and returns the status and the JSON answer.</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body)> PostAsync(string? token, object body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/commands") { Content = JsonContent.Create(body) };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    public async Task<(HttpStatusCode Status, JsonNode? Body)> GetAsync(string? token, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>Every reply text of an answer, joined.</summary>
    public static string Texts(JsonNode? body) => string.Join("\n", body!["replies"]!.AsArray().Select(r => r!["text"]!.GetValue<string>()));

    public static string Button(JsonNode? body, string prefix) => body!["replies"]!.AsArray()
        .SelectMany(r => r!["buttons"]!.AsArray()).Select(b => b!["action"]!.GetValue<string>()).First(a => a.StartsWith(prefix, StringComparison.Ordinal));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _database.Dispose();
    }

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "ChatOps.sln"))) return d.FullName;
        }

        throw new InvalidOperationException("ChatOps.sln not found");
    }
}

using ChatOps.Core.Catalog;
using ChatOps.Core.Chat;
using ChatOps.Core.Parsing;
using ChatOps.Dialog.Policy;
using ChatOps.Dialog.Tests.Fakes;
using ChatOps.Language;
using ChatOps.Language.Model;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Dialog.Tests;

/// <summary>A transcript helper: people say things or press buttons in one conversation; the replies come back as text.</summary>
public sealed class ChatScript
{
    public static string Root { get; } = FindRoot();
    public static ServiceCatalog Catalog { get; } = CatalogLoader.Load(Path.Combine(Root, "training-data", "catalog.yaml"));

    internal static readonly Lazy<MessageParser> SharedParser = new(() =>
        new MessageParser(Catalog, IntentClassifier.Load(Path.Combine(Root, "models", "intent-model.zip"))));

    /// <summary>
    /// The policy transcripts run under unless they pass one: everyone may do everything everywhere, so the confirmation and approval
    /// rules are tested on their own; the access rules have their own tests (PolicyTests).
    /// </summary>
    public static PolicyOptions OpenPolicy { get; } = new() { Grants = [new Grant(Grant.Everyone, ["*"], ["*"])] };

    public ChatScript(PolicyOptions? policy = null, IMessageParser? parser = null, RecordingExecutor? executor = null, InMemoryConversationStore? store = null)
    {
        Audit = new InMemoryAuditLog(Time);
        Executor = executor ?? new RecordingExecutor();
        Store = store ?? new InMemoryConversationStore();
        Handler = NewHandler(policy, parser);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));
    public RecordingExecutor Executor { get; }
    public InMemoryConversationStore Store { get; }
    public InMemoryDefaultsStore Defaults { get; } = new();
    public InMemoryIdempotencyStore Claims { get; } = new();
    public InMemoryAuditLog Audit { get; }
    public TurnHandler Handler { get; private set; }
    public ConversationKey Key { get; set; } = new("T1", "C1", "thread-1");
    public IReadOnlyList<Reply> Last { get; private set; } = [];

    /// <summary>A new handler over the same stores: what a restarted process would build.</summary>
    public TurnHandler NewHandler(PolicyOptions? policy = null, IMessageParser? parser = null) =>
        Handler = new TurnHandler(parser ?? SharedParser.Value, Executor, Store, Defaults, Claims, Catalog, new DialogOptions { Policy = policy ?? OpenPolicy }, Time, Audit);

    /// <summary>One message; the replies are reported posted, as a chat surface does, unless <paramref name="posted"/> is false (the
    /// process died before posting them).</summary>
    public async Task<string> Say(string user, string text, string? eventId = null, bool posted = true)
    {
        Last = await Handler.HandleAsync(new IncomingTurn(Key, user, text, EventId: eventId), CancellationToken.None);
        if (posted) await Handler.DeliveredAsync(Key, Deliveries.Of(Last), CancellationToken.None);
        return Text;
    }

    public async Task<string> Press(string user, string actionId, bool posted = true)
    {
        Last = await Handler.HandleAsync(new IncomingTurn(Key, user, "", actionId), CancellationToken.None);
        if (posted) await Handler.DeliveredAsync(Key, Deliveries.Of(Last), CancellationToken.None);
        return Text;
    }

    /// <summary>All reply texts of the last turn, joined.</summary>
    public string Text => string.Join("\n", Last.Select(r => r.Text));

    /// <summary>The action id of the last turn's button whose action starts with <paramref name="prefix"/>.</summary>
    public string Button(string prefix) => Last.SelectMany(r => r.Buttons).First(b => b.ActionId.StartsWith(prefix, StringComparison.Ordinal)).ActionId;

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "ChatOps.sln"))) return d.FullName;
        }

        throw new InvalidOperationException("ChatOps.sln not found");
    }
}

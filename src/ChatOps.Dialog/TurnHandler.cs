using ChatOps.Core.Catalog;
using ChatOps.Core.Chat;
using ChatOps.Core.Execution;
using ChatOps.Core.Parsing;
using ChatOps.Core.Security;
using ChatOps.Core.Storage;
using ChatOps.Core.Telemetry;
using ChatOps.Dialog.Policy;
using ChatOps.Dialog.Replies;
using ChatOps.Dialog.State;

namespace ChatOps.Dialog;

/// <summary>
/// The dialog: loads the conversation, understands the turn, moves the state machine, saves the state with its
/// version before any side effect, and only then executes. A lost race re-decides on the fresh state.
/// </summary>
public sealed partial class TurnHandler(
    IMessageParser parser,
    ICommandExecutor executor,
    IConversationStore conversations,
    IDefaultsStore defaults,
    IIdempotencyStore claims,
    ServiceCatalog catalog,
    DialogOptions options,
    TimeProvider time,
    IAuditLog? audit = null,
    IIdentityResolver? identities = null,
    SecretRedactor? redactor = null) : ITurnHandler
{
    private const int MaxAttempts = 8;

    /// <summary>Who the audit trail names for what a sweep decided (an expiry, a stranded request settled).</summary>
    public const string SweepUser = "system";

    private readonly ActionPolicy _policy = new(options.Policy, catalog);
    private readonly SecretRedactor _redactor = redactor ?? SecretRedactor.Shapes;

    /// <inheritdoc />
    public async Task<IReadOnlyList<Reply>> HandleAsync(IncomingTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return Redact(await HandleTurnAsync(turn, cancellationToken));
    }

    private async Task<IReadOnlyList<Reply>> HandleTurnAsync(IncomingTurn turn, CancellationToken cancellationToken)
    {
        // why: a redelivered turn's claim may be a dead process's that never saved; for it the conversation decides (IsPast, below)
        if (turn.EventId is { } eventId && !await claims.TryClaimAsync(new IdempotencyKey("event:" + eventId), turn.UserId, cancellationToken)
            && turn.Redelivered is null)
        {
            // the same delivery again (a retry or a replay): it was handled the first time
            await AppendAsync(Refusal(turn, "replayed delivery", $"event {eventId} was already handled"), cancellationToken);
            return [];
        }

        if (turn.Text.Length > options.MaxMessageLength) return [await RefuseOversizedAsync(turn, cancellationToken)];

        var identity = identities is null ? ChatIdentity.Of(turn.UserId) : await identities.ResolveAsync(turn.Key, turn.UserId, cancellationToken);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await conversations.LoadAsync(turn.Key, cancellationToken);
            var conversation = stored is null ? new Conversation() : ConversationJson.Read(stored.StateJson);
            // why: a redelivered turn racing the process that first took it stops once that one's save is there
            if (IsPast(turn, conversation))
            {
                await AppendAsync(Refusal(turn, "redelivered after a restart", "the conversation was already past it"), cancellationToken);
                return [];
            }
            var context = new TurnContext(turn, conversation, MachineFor(conversation, identity), identity);
            if (turn.ActionId is null && turn.Text.Trim().Length > 0) conversation.Language = Texts.LanguageOf(turn.Text);
            await DecideAsync(context, cancellationToken);
            if (!context.Changed)
            {
                await FlushAuditAsync(context, cancellationToken);
                return context.Replies;
            }

            if (context.ToExecute is { } starting)
            {
                conversation.Pending = context.ToExecute = starting with { StartedAt = time.GetUtcNow() };
            }

            DropQuestions(conversation);
            Keep(conversation, context.Replies, keepEphemeral: false);
            NoteHandled(conversation, turn, time.GetUtcNow());

            if (!await conversations.SaveAsync(turn.Key, ConversationJson.Write(conversation), stored?.Version ?? 0, DueAt(conversation), cancellationToken))
            {
                continue; // someone else changed the conversation first: decide again on what they left
            }

            await FlushAuditAsync(context, cancellationToken);
            if (context.ToExecute is { } pending) context.Replies.Add(await ExecuteAsync(turn, pending, conversation.Language, cancellationToken));
            return context.Replies;
        }

        return [Reply.Plain(Texts.Get("InternalError", "en", "the conversation kept changing under me"))];
    }

    /// <summary>Settles every conversation whose time is up, returning what to tell each one: a pending confirmation past its expiry
    /// becomes Expired, and a request still Executing <see cref="DialogOptions.StrandedAfter"/> after it started (the process running it
    /// died) is adopted from its backend or released, exactly as the next message in its thread would do.</summary>
    /// <remarks>Safe on several replicas at once: each change is saved against the version it read, and only the saver's replies are returned.</remarks>
    public async Task<IReadOnlyList<(ConversationKey Key, Reply Reply)>> SweepDueAsync(CancellationToken cancellationToken)
    {
        var result = new List<(ConversationKey, Reply)>();
        var now = time.GetUtcNow();
        foreach (var key in await conversations.ListDueAsync(now, cancellationToken))
        {
            var stored = await conversations.LoadAsync(key, cancellationToken);
            if (stored is null) continue;
            var conversation = ConversationJson.Read(stored.StateJson);
            var context = new TurnContext(new IncomingTurn(key, SweepUser, ""), conversation, MachineFor(conversation));
            if (!ExpireIfDue(context) && conversation.State == DialogState.Executing && IsStranded(context)) await ReleaseStrandedAsync(context, cancellationToken);
            if (context.Changed) DropQuestions(conversation);
            var replies = TakeDue(conversation, out var gaveUp);
            var reposted = replies.Count;
            if (reposted == 0 && !context.Changed && gaveUp == 0) continue;
            // why: saved with the state, so a process killed before posting them leaves them for the next sweep (DeliveredAsync clears them)
            Keep(conversation, context.Replies, keepEphemeral: true);
            replies.AddRange(Redact(context.Replies));
            if (await conversations.SaveAsync(key, ConversationJson.Write(conversation), stored.Version, DueAt(conversation), cancellationToken))
            {
                if (context.Changed) await FlushAuditAsync(context, cancellationToken);
                result.AddRange(replies.Select(r => (key, r)));
                if (reposted > 0) BotMetrics.RepliesReposted.Add(reposted, new KeyValuePair<string, object?>("outcome", "reposted"));
                if (gaveUp > 0) BotMetrics.RepliesReposted.Add(gaveUp, new KeyValuePair<string, object?>("outcome", "given_up"));
            }
        }

        return result;
    }

    /// <summary>When a sweep should look at the conversation next: a pending confirmation's expiry, the moment an Executing request counts as
    /// stranded, or the first saved reply no surface reported posted.</summary>
    private DateTimeOffset? DueAt(Conversation c)
    {
        DateTimeOffset? due = c.State switch
        {
            DialogState.AwaitingConfirmation or DialogState.AwaitingApproval => c.Pending?.ExpiresAt,
            DialogState.Executing when c.Pending is { } p => (p.StartedAt ?? p.CreatedAt) + options.StrandedAfter,
            _ => null,
        };
        return OutboxDue(c) is { } again && (due is null || again < due) ? again : due;
    }

    /// <summary>The machine around <paramref name="c"/>; <paramref name="speaker"/> is the resolved identity of this turn's user (for approvals by e-mail or group).</summary>
    private DialogStateMachine MachineFor(Conversation c, ChatIdentity? speaker = null) => new(
        c,
        mayConfirm: user => c.Pending is { } p && ActionPolicy.MayConfirm(p.RequesterId, user),
        mayApprove: user => c.Pending is { } p && _policy.MayApprove(p.RequesterId, p.ApproverRole, IdentityOf(user, speaker)),
        mayReject: user => c.Pending is { } p && (ActionPolicy.MayConfirm(p.RequesterId, user) || _policy.MayApprove(p.RequesterId, p.ApproverRole, IdentityOf(user, speaker))),
        needsApproval: () => c.Pending?.ApproverRole is not null);

    private static ChatIdentity IdentityOf(string user, ChatIdentity? speaker) => speaker?.UserId == user ? speaker : ChatIdentity.Of(user);

    /// <summary>The Mermaid picture of the dialog machine (for `chatops graph` and docs/dialog.md).</summary>
    public static string Graph(bool dot = false)
    {
        var machine = new DialogStateMachine(new Conversation(), _ => true, _ => true, _ => true, () => false);
        return dot ? machine.ToDot() : machine.ToMermaid();
    }
}

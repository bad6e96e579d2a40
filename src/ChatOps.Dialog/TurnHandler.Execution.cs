using ChatOps.Core.Audit;
using ChatOps.Core.Chat;
using ChatOps.Core.Execution;
using ChatOps.Dialog.Replies;
using ChatOps.Dialog.State;

namespace ChatOps.Dialog;

public sealed partial class TurnHandler
{
    /// <summary>Runs a request the saved state says is Executing, then records Done or Failed; the key makes a second run impossible.</summary>
    private async Task<Reply> ExecuteAsync(IncomingTurn turn, PendingRequest pending, string language, CancellationToken ct)
    {
        var request = new ExecutionRequest(pending.Command, new IdempotencyKey(pending.Id), pending.RequesterId, pending.ApprovedBy, turn.Key, turn.Source);
        // why: the execution row is written before the executor is called, so nothing runs that the trail does not show
        await AppendAsync(EventFor(turn.Key, turn.UserId, pending, AuditKinds.Execution, "started", pending.ApprovedBy is { } by ? $"approved by {by}" : null, pending.Plan), ct);
        ExecutionResult result;
        // why: a recovery may start a request the backend shows never started, so a live execution must end well before it counts as stranded
        var limit = options.StrandedAfter / 2;
        using var timeout = new CancellationTokenSource(limit, time);
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            result = await executor.ExecuteAsync(request, bounded.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            result = new ExecutionResult(false, Texts.Get("ExecutionTimedOut", language, (int)limit.TotalSeconds, pending.Id));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            result = new ExecutionResult(false, ex.Message);
        }

        var text = result.Succeeded ? result.Text : Texts.Get("Failed", language, result.Text);
        // why: a started run is followed by the tracker under the request id; the adapter reports where this reply landed so it is edited there
        var runId = result is { Succeeded: true, Run: not null } ? pending.Id : null;
        var reply = await RecordOutcomeAsync(turn.Key, pending.Id, result, new Reply(text, [], language, Attachment: result.Attachment, RunId: runId), ct);
        await AppendAsync(EventFor(turn.Key, turn.UserId, pending, AuditKinds.Result, result.Succeeded ? "succeeded" : "failed", null, result.Text), ct);
        return reply;
    }

    /// <summary>Moves the conversation to Done or Failed and saves <paramref name="reply"/> with it (returned with its delivery id), unless
    /// something else settled the request first (a sweep on another replica): then the reply is returned as it was, for this turn only.</summary>
    private async Task<Reply> RecordOutcomeAsync(ConversationKey key, string pendingId, ExecutionResult result, Reply reply, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await conversations.LoadAsync(key, ct);
            if (stored is null) return reply;
            var conversation = ConversationJson.Read(stored.StateJson);
            if (conversation.State != DialogState.Executing || conversation.Pending?.Id != pendingId) return reply;
            MachineFor(conversation).TryFire(result.Succeeded ? DialogTrigger.Finish : DialogTrigger.Fail);
            conversation.LastOutcome = Outcome(result.Text);
            Postpone(conversation);
            List<Reply> kept = [reply];
            Keep(conversation, kept, keepEphemeral: false);
            if (await conversations.SaveAsync(key, ConversationJson.Write(conversation), stored.Version, DueAt(conversation), ct)) return kept[0];
        }

        return reply;
    }
}

using ChatOps.Adapters.Slack.Blocks;
using ChatOps.Adapters.Slack.Files;
using ChatOps.Core.Chat;

namespace ChatOps.Adapters.Slack;

public sealed partial class SlackChatAdapter
{
    /// <summary>The name long output is uploaded under.</summary>
    public const string AttachmentFilename = "chatops-output.txt";

    // why: the bytes go up before the message is posted, so the message can say "attached" only when Slack has them; nothing shows until shared
    private async Task<StagedFile?> StageAttachmentAsync(Reply reply, CancellationToken cancellationToken) =>
        reply.Attachment is { } attachment && !BlockKitRenderer.FitsInline(attachment)
            ? await files.StageAsync(AttachmentFilename, attachment, cancellationToken).ConfigureAwait(false)
            : null;

    /// <summary>Shares the staged file under the reply; when Slack refuses, posts the output's tail and size there instead, as without a file.</summary>
    private async Task ShareAttachmentAsync(StagedFile staged, Reply reply, string channel, string? threadTs, CancellationToken cancellationToken)
    {
        if (await files.ShareAsync(staged, BlockKitRenderer.AttachmentTitle(reply), channel, threadTs, cancellationToken).ConfigureAwait(false)) return;
        try
        {
            await PostMessageAsync(channel, threadTs, BlockKitRenderer.AttachmentFallback(reply), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            SlackLog.PostFailed(log, ex, channel);
        }
    }

    // why: a channel message's file goes into its thread (thread_ts must be a parent's ts); a direct message's stays in the DM itself
    private static string? FileThreadOf(MessageRef message) => message.Channel.StartsWith('D') ? null : message.MessageId;
}

using System.Diagnostics;
using ChatOps.Adapters.Slack;
using ChatOps.Adapters.Tests.Slack.Support;
using ChatOps.Core.Chat;
using ChatOps.Sandbox.Slack;

namespace ChatOps.Adapters.Tests.Slack;

/// <summary>Long output attached with the external upload flow (docs.slack.dev/reference/methods/files.getUploadURLExternal), real adapter against the emulator.</summary>
public class SlackFileUploadTests
{
    private const string Ops = SlackWorld.Ops;

    [Fact]
    public async Task A_reply_with_a_7000_line_attachment_is_a_message_and_a_file_in_the_same_thread()
    {
        await using var world = await SlackWorld.StartAsync();
        var thread = (await world.Alice.MentionAsync(Ops, "log 7000")).MessageTs!;

        var preview = await world.ReplyAsync(Ops, thread);
        var share = await world.ReplyAsync(Ops, thread, 2);
        Assert.StartsWith("Here is the log.", preview.BlockText, StringComparison.Ordinal);
        Assert.Contains("step 7000: ok &lt;done&gt; &amp; logged\n```", preview.BlockText, StringComparison.Ordinal);
        Assert.DoesNotContain("step 6990:", preview.BlockText, StringComparison.Ordinal);
        Assert.Contains("last 10 of 7000 lines shown; the full output is attached below as a file.", preview.BlockText, StringComparison.Ordinal);

        Assert.Equal("file_share", share.Subtype);
        var file = Assert.Single(share.Files);
        Assert.Equal(ScriptedTurnHandler.Log(7000), file.Text);
        Assert.Equal((Ops, thread, "Full output (7000 lines)", SlackChatAdapter.AttachmentFilename), (file.Channel, file.ThreadTs, file.Title, file.Filename));
        Assert.Equal(("text", "raw", (long)file.Content!.Length), (file.SnippetType, file.UploadedAs, file.Length));
        var order = world.Slack.Calls.Select(c => c.Method).Where(m => m is "files.getUploadURLExternal" or "chat.postMessage" or "files.completeUploadExternal");
        Assert.Equal(["files.getUploadURLExternal", "chat.postMessage", "files.completeUploadExternal"], order);
        Assert.All(world.Slack.Calls, c => Assert.True(c.Ok, $"{c.Method}: {c.Error}"));
        Assert.All(world.Slack.Calls.Where(c => c.Method.StartsWith("files.", StringComparison.Ordinal)), c => Assert.StartsWith("application/json", c.ContentType, StringComparison.Ordinal));
        var complete = world.Slack.Calls.Single(c => c.Method == "files.completeUploadExternal");
        Assert.Equal((Ops, thread, file.Id), (complete.Arg("channel_id"), complete.Arg("thread_ts"), complete.Args["files"]![0]!["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_rate_limited_complete_upload_is_waited_out_and_the_file_still_arrives()
    {
        await using var world = await SlackWorld.StartAsync();
        world.Slack.Knobs.RateLimit("files.completeUploadExternal", times: 1, retryAfterSeconds: 1);
        var started = Stopwatch.GetTimestamp();
        await world.Bot.Chat.PostAsync(Ops, "1700000000.000100", new Reply("Here is the log.", [], Attachment: ScriptedTurnHandler.Log(500)), CancellationToken.None);

        Assert.True(Stopwatch.GetElapsedTime(started) >= TimeSpan.FromSeconds(0.9), "the Retry-After was not honoured");
        Assert.Equal([429, 200], world.Slack.Calls.Where(c => c.Method == "files.completeUploadExternal").Select(c => c.Status));
        Assert.Equal(ScriptedTurnHandler.Log(500), Assert.Single(world.Slack.Files).Text);
        Assert.Equal(1, world.Bot.Outbox.RateLimited);
    }

    [Fact]
    public async Task Without_files_write_the_reply_keeps_the_tail_and_the_line_count()
    {
        await using var world = await SlackWorld.StartAsync(options: new SlackEmulatorOptions { FilesScope = false });
        var thread = (await world.Alice.MentionAsync(Ops, "log 7000")).MessageTs!;

        var reply = await world.ReplyAsync(Ops, thread);
        Assert.Contains("step 7000: ok", reply.BlockText, StringComparison.Ordinal);
        Assert.Matches(@"Output: last \d+ of 7000 lines shown\.$", reply.BlockText);
        Assert.Equal("missing_scope", world.Slack.Calls.Single(c => c.Method == "files.getUploadURLExternal").Error);
        Assert.DoesNotContain(world.Slack.Calls, c => c.Method == "files.completeUploadExternal");
        await world.Alice.MentionAsync(Ops, "echo after", threadTs: thread);
        Assert.Equal("you said: after", (await world.ReplyAsync(Ops, thread, 2)).BlockText);
    }

    [Fact]
    public async Task A_failed_upload_post_falls_back_to_the_tail_and_the_line_count()
    {
        await using var world = await SlackWorld.StartAsync();
        world.Slack.Knobs.FailUploads = true;
        var posted = await world.Bot.Chat.PostAsync(Ops, "1700000000.000100", new Reply("Here is the log.", [], Attachment: ScriptedTurnHandler.Log(7000)), CancellationToken.None);

        var message = Assert.Single(world.Slack.Messages(Ops));
        Assert.Equal(posted!.MessageId, message.Ts);
        Assert.Matches(@"Output: last \d+ of 7000 lines shown\.$", message.BlockText);
        Assert.Null(Assert.Single(world.Slack.Files).Content);
        Assert.DoesNotContain(world.Slack.Calls, c => c.Method == "files.completeUploadExternal");
    }

    [Fact]
    public async Task A_refused_share_is_followed_by_the_tail_and_the_line_count_in_the_thread()
    {
        await using var world = await SlackWorld.StartAsync();
        world.Slack.Knobs.Fail("files.completeUploadExternal", "not_in_channel");
        await world.Bot.Chat.PostAsync(Ops, "1700000000.000100", new Reply("Here is the log.", [], Attachment: ScriptedTurnHandler.Log(7000)), CancellationToken.None);

        var messages = world.Slack.BotReplies(Ops, "1700000000.000100");
        Assert.Equal(2, messages.Count);
        Assert.Contains("the full output is attached below", messages[0].BlockText, StringComparison.Ordinal);
        Assert.StartsWith("I could not attach the full output as a file", messages[1].BlockText, StringComparison.Ordinal);
        Assert.Matches(@"Output: last \d+ of 7000 lines shown\.$", messages[1].BlockText);
        Assert.All(messages, m => Assert.Empty(m.Files));
    }

    [Fact]
    public async Task Output_that_fits_in_one_section_is_shown_whole_and_no_file_is_made()
    {
        await using var world = await SlackWorld.StartAsync();
        await world.Bot.Chat.PostAsync(Ops, null, new Reply("Here is the log.", [], Attachment: ScriptedTurnHandler.Log(20)), CancellationToken.None);

        Assert.EndsWith("Full output: 20 lines.", Assert.Single(world.Slack.Messages(Ops)).BlockText, StringComparison.Ordinal);
        Assert.DoesNotContain(world.Slack.Calls, c => c.Method.StartsWith("files.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task In_a_direct_message_the_file_is_shared_in_the_dm_itself()
    {
        await using var world = await SlackWorld.StartAsync();
        var key = new ConversationKey("T0TEAM", SlackChatAdapter.DirectMessages, "U0BOB");
        await world.Bot.Chat.SendAsync(key, new Reply("Here is the log.", [], Attachment: ScriptedTurnHandler.Log(400)), null, CancellationToken.None);

        var file = Assert.Single(world.Slack.Files);
        Assert.Equal(("D0BOB", (string?)null, true), (file.Channel, file.ThreadTs, file.Completed));
        Assert.Equal(ScriptedTurnHandler.Log(400), file.Text);
    }
}

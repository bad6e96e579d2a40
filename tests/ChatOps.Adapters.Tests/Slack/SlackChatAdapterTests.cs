using ChatOps.Adapters.Slack;
using ChatOps.Adapters.Slack.Files;
using ChatOps.Adapters.Slack.Routing;
using ChatOps.Adapters.Tests.Slack.Support;
using ChatOps.Core.Chat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ChatOps.Adapters.Tests.Slack;

public class SlackChatAdapterTests
{
    private const string Ops = SlackWorld.Ops;

    [Fact]
    public async Task Send_posts_in_the_conversations_thread_and_update_edits_that_message()
    {
        await using var world = await SlackWorld.StartAsync();
        var thread = (await world.Alice.MentionAsync(Ops, "echo start")).MessageTs!;
        await world.ReplyAsync(Ops, thread);
        IChatAdapter chat = world.Bot.Services.GetRequiredService<IChatAdapter>();

        var posted = await chat.SendAsync(new ConversationKey("T0TEAM", Ops, thread), new Reply("Deploy *running*", [], RunId: "run-1"), null, CancellationToken.None);
        Assert.Equal(new MessageRef(Ops, posted!.MessageId, thread), posted);
        await chat.UpdateAsync(posted, Reply.Plain("Deploy *passed*"), CancellationToken.None);

        var stored = world.Slack.Find(Ops, posted.MessageId)!;
        Assert.Equal((thread, "Deploy *passed*", 1), (stored.ThreadTs, stored.BlockText, stored.Edits));
    }

    [Fact]
    public async Task Send_to_a_direct_message_conversation_opens_the_users_dm_and_reports_the_dm_channel()
    {
        await using var world = await SlackWorld.StartAsync();
        var posted = await world.Bot.Chat.SendAsync(new ConversationKey("T0TEAM", SlackChatAdapter.DirectMessages, "U0BOB"), Reply.Plain("hello"), null, CancellationToken.None);
        Assert.Equal(new MessageRef("D0BOB", posted!.MessageId), posted);
        await world.Bot.Chat.UpdateAsync(posted, Reply.Plain("hello again"), CancellationToken.None);
        Assert.Equal("hello again", world.Slack.Find("D0BOB", posted.MessageId)!.BlockText);
    }

    [Fact]
    public async Task A_reply_announcing_a_run_tells_the_observers_where_it_landed()
    {
        var observer = new RecordingObserver();
        await using var world = await SlackWorld.StartAsync();
        var services = world.Bot.Services;
        var chat = new SlackChatAdapter(
            world.Bot.Outbox, services.GetRequiredService<SlackFileUploader>(), services.GetRequiredService<SlackThreads>(), [observer], NullLogger<SlackChatAdapter>.Instance);
        var posted = await chat.PostAsync(Ops, "1700000000.000100", new Reply("Running", [], RunId: "run-7"), CancellationToken.None);
        Assert.Equal(("run-7", posted), Assert.Single(observer.Seen));
    }

    [Fact]
    public async Task A_final_note_sent_outside_a_turn_is_not_reported_as_the_runs_message()
    {
        // The tracker sends the note while it holds the run's lock; reporting it deadlocked the tracker (found by `make soak`).
        var observer = new RecordingObserver();
        await using var world = await SlackWorld.StartAsync();
        var services = world.Bot.Services;
        var chat = new SlackChatAdapter(
            world.Bot.Outbox, services.GetRequiredService<SlackFileUploader>(), services.GetRequiredService<SlackThreads>(), [observer], NullLogger<SlackChatAdapter>.Instance);
        var note = await chat.SendAsync(new ConversationKey("T0TEAM", Ops, "1700000000.000100"), new Reply("<@U0ALICE> deploy passed", [], RunId: "run-8"), null, CancellationToken.None);
        Assert.NotNull(note);
        Assert.Empty(observer.Seen);
    }

    [Fact]
    public async Task A_runs_announcement_carries_its_id_as_metadata_and_is_found_again_in_its_thread_among_others()
    {
        await using var world = await SlackWorld.StartAsync();
        var thread = (await world.Alice.MentionAsync(Ops, "echo start")).MessageTs!;
        await world.ReplyAsync(Ops, thread);
        var other = (await world.Alice.MentionAsync(Ops, "echo other")).MessageTs!;
        var chat = world.Bot.Chat;
        await chat.PostAsync(Ops, thread, new Reply("Deploy cart running", [], RunId: "run-a"), CancellationToken.None);
        var wanted = await chat.PostAsync(Ops, thread, new Reply("Deploy orders running", [], RunId: "run-b"), CancellationToken.None);
        await chat.PostAsync(Ops, thread, Reply.Plain("a plain note"), CancellationToken.None);
        await chat.PostAsync(Ops, other, new Reply("Deploy search running", [], RunId: "run-c"), CancellationToken.None);

        var stored = world.Slack.Find(Ops, wanted!.MessageId)!;
        Assert.Equal("chatops_run", stored.Metadata?["event_type"]?.GetValue<string>());
        Assert.Equal("run-b", stored.Metadata?["event_payload"]?["run_id"]?.GetValue<string>());
        var key = new ConversationKey("T0TEAM", Ops, thread);
        Assert.Equal(wanted, await chat.FindRunMessageAsync(key, "run-b", CancellationToken.None));
        Assert.Null(await chat.FindRunMessageAsync(key, "run-c", CancellationToken.None));
        Assert.Null(await chat.FindRunMessageAsync(key, "run-z", CancellationToken.None));
    }

    [Fact]
    public async Task A_runs_announcement_past_the_first_page_of_a_long_thread_is_found_by_following_the_cursor()
    {
        await using var world = await SlackWorld.StartAsync();
        var thread = (await world.Alice.MentionAsync(Ops, "echo start")).MessageTs!;
        await world.ReplyAsync(Ops, thread);
        foreach (var i in Enumerable.Range(0, 250))
        {
            await world.Bot.Chat.PostAsync(Ops, thread, Reply.Plain($"note {i}"), CancellationToken.None);
        }

        var wanted = await world.Bot.Chat.PostAsync(Ops, thread, new Reply("Deploy orders running", [], RunId: "run-late"), CancellationToken.None);

        var found = await world.Bot.Chat.FindRunMessageAsync(new ConversationKey("T0TEAM", Ops, thread), "run-late", CancellationToken.None);

        Assert.Equal(wanted, found);
        var pages = world.Slack.Calls.Where(c => c.Method == "conversations.replies").ToList();
        Assert.Equal(2, pages.Count);
        Assert.All(pages, c => Assert.True(c.Ok, c.Error));
    }

    [Fact]
    public async Task Finding_a_runs_message_answers_null_when_slack_refuses_or_the_thread_is_gone()
    {
        await using var world = await SlackWorld.StartAsync();
        var thread = (await world.Alice.MentionAsync(Ops, "echo start")).MessageTs!;
        await world.ReplyAsync(Ops, thread);
        await world.Bot.Chat.PostAsync(Ops, thread, new Reply("Deploy cart running", [], RunId: "run-a"), CancellationToken.None);
        var key = new ConversationKey("T0TEAM", Ops, thread);

        world.Slack.Knobs.Fail("conversations.replies", "missing_scope");
        Assert.Null(await world.Bot.Chat.FindRunMessageAsync(key, "run-a", CancellationToken.None));
        Assert.Null(await world.Bot.Chat.FindRunMessageAsync(key with { Thread = "1600000000.000001" }, "run-a", CancellationToken.None));
        Assert.NotNull(await world.Bot.Chat.FindRunMessageAsync(key, "run-a", CancellationToken.None));
    }

    [Fact]
    public async Task Long_text_and_a_log_attachment_arrive_within_slacks_limits_and_nothing_is_lost()
    {
        await using var world = await SlackWorld.StartAsync();
        var text = string.Join('\n', Enumerable.Range(1, 7000).Select(i => $"row {i} of the report"));
        await world.Bot.Chat.PostAsync("C0LONG", "1700000000.000100", new Reply(text, [new ReplyButton("OK", "ok:1")], Attachment: "log line\n" + new string('x', 10)), CancellationToken.None);

        var messages = world.Slack.Messages("C0LONG");
        Assert.True(messages.Count >= 2);
        Assert.All(world.Slack.Calls, c => Assert.True(c.Ok, c.Error));
        var shown = string.Join('\n', messages.Select(m => m.BlockText));
        Assert.All(Enumerable.Range(1, 7000), i => Assert.Contains($"row {i} of the report\n", shown + "\n", StringComparison.Ordinal));
        Assert.Single(messages[0].Buttons);
        Assert.Contains("Full output: 2 lines.", shown, StringComparison.Ordinal);
    }

    private sealed class RecordingObserver : IRunMessageObserver
    {
        public List<(string, MessageRef?)> Seen { get; } = [];

        public Task RunMessagePostedAsync(string runId, MessageRef message, CancellationToken cancellationToken)
        {
            Seen.Add((runId, message));
            return Task.CompletedTask;
        }
    }
}

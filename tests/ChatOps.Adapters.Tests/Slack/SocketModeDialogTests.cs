using ChatOps.Adapters.Slack;
using ChatOps.Adapters.Tests.Slack.Support;
using ChatOps.Core.Chat;

namespace ChatOps.Adapters.Tests.Slack;

public class SocketModeDialogTests
{
    private const string Ops = SlackWorld.Ops;

    [Fact]
    public async Task Mention_question_answer_and_confirm_run_in_the_thread_and_update_the_pressed_messages()
    {
        await using var world = await SlackWorld.StartAsync();
        var mention = await world.Alice.MentionAsync(Ops, "deploy checkout");
        var thread = mention.MessageTs!;

        var question = await world.ReplyAsync(Ops, thread);
        Assert.Equal("Which environment?", question.BlockText);
        Assert.Equal(["choice:env:uat", "choice:env:prod"], question.Buttons.Select(b => b["action_id"]!.GetValue<string>()));

        await world.Alice.ClickAsync(question, "uat");
        var confirm = await world.ReplyAsync(Ops, thread, 2);
        Assert.Equal("Deploy *checkout* to `uat`?", confirm.BlockText);
        Assert.Equal("primary", confirm.Buttons[0]["style"]!.GetValue<string>());
        await world.Slack.WaitForAsync(() => world.Slack.Find(Ops, question.Ts)!.Edits == 1);
        Assert.Empty(world.Slack.Find(Ops, question.Ts)!.Buttons);
        Assert.Contains("<@U0ALICE> chose *uat*", world.Slack.Find(Ops, question.Ts)!.BlockText, StringComparison.Ordinal);

        await world.Alice.ClickAsync(confirm, "Confirm");
        var done = await world.ReplyAsync(Ops, thread, 3);
        Assert.Equal("done", done.BlockText);
        await world.Slack.WaitForAsync(() => world.Slack.Find(Ops, confirm.Ts)!.Edits == 1);
        Assert.Empty(world.Slack.Find(Ops, confirm.Ts)!.Buttons);

        var turns = world.Handler.Turns.ToArray();
        Assert.All(turns, t => Assert.Equal(new ConversationKey("T0TEAM", Ops, thread), t.Key));
        Assert.Equal(("U0ALICE", "deploy checkout", (string?)null, mention.EventId), (turns[0].UserId, turns[0].Text, turns[0].ActionId, turns[0].EventId));
        Assert.Equal(["choice:env:uat", "confirm:uat"], turns.Skip(1).Select(t => t.ActionId));
        Assert.Single(world.Handler.Executed);
        Assert.All(world.Slack.Deliveries, d => Assert.NotNull(d.AckedAt));
        Assert.All(world.Slack.Calls, c => Assert.True(c.Ok, $"{c.Method}: {c.Error}"));
    }

    [Fact]
    public async Task A_reply_in_the_thread_continues_the_same_conversation()
    {
        await using var world = await SlackWorld.StartAsync();
        var thread = (await world.Alice.MentionAsync(Ops, "deploy checkout")).MessageTs!;
        await world.ReplyAsync(Ops, thread);
        await world.Alice.MentionAsync(Ops, "prod", threadTs: thread);
        var confirm = await world.ReplyAsync(Ops, thread, 2);
        Assert.Equal("danger", confirm.Buttons[0]["style"]!.GetValue<string>());
        Assert.NotNull(confirm.Buttons[0]["confirm"]);
        Assert.Single(world.Handler.Turns.Select(t => t.Key).Distinct());
        Assert.Equal("prod", world.Handler.Turns.Last().Text);
    }

    [Fact]
    public async Task A_direct_message_is_one_conversation_per_person_and_the_bots_own_echo_is_ignored()
    {
        await using var world = await SlackWorld.StartAsync();
        await world.Alice.DirectMessageAsync("echo hi");
        var reply = await world.ReplyAsync(world.Alice.DirectChannel, null);
        Assert.Equal("you said: hi", reply.BlockText);

        // the emulator sends the bot's DM post back as message.im with bot_id; a second DM proves the echo was consumed and dropped
        await world.Slack.WaitForAsync(() => world.Slack.Deliveries.Count(d => d.Payload["event"]?["bot_id"] is not null) >= 1);
        await world.Alice.DirectMessageAsync("echo again");
        await world.ReplyAsync(world.Alice.DirectChannel, null, 2);
        Assert.Equal(2, world.Handler.Turns.Count);
        Assert.All(world.Handler.Turns, t => Assert.Equal(new ConversationKey("T0TEAM", SlackChatAdapter.DirectMessages, "U0ALICE"), t.Key));
    }

    [Fact]
    public async Task The_same_event_delivered_twice_is_handled_once()
    {
        await using var world = await SlackWorld.StartAsync();
        var first = await world.Alice.MentionAsync(Ops, "deploy checkout");
        await world.ReplyAsync(Ops, first.MessageTs);
        var again = await world.Slack.RedeliverAsync(first);
        await again.Acknowledged;

        // a later event in the same channel is handled after the duplicate (one channel, one worker, in order)
        var marker = await world.Alice.MentionAsync(Ops, "echo marker");
        await world.ReplyAsync(Ops, marker.MessageTs);
        Assert.Single(world.Slack.BotReplies(Ops, first.MessageTs));
        Assert.Equal(2, world.Handler.Turns.Count);
        Assert.Equal(first.EventId, again.EventId);
    }

    [Fact]
    public async Task Only_the_sender_sees_a_refusal_and_the_buttons_stay_for_the_requester()
    {
        await using var world = await SlackWorld.StartAsync();
        var thread = (await world.Alice.MentionAsync(Ops, "deploy checkout")).MessageTs!;
        await world.Alice.ClickAsync(await world.ReplyAsync(Ops, thread), "prod");
        var confirm = await world.ReplyAsync(Ops, thread, 2);

        await world.Bob.ClickAsync(confirm, "Confirm");
        var refusal = await world.Slack.WaitForAsync(() => world.Slack.Ephemerals.FirstOrDefault());
        Assert.Equal(("U0BOB", Ops, thread), (refusal.Arg("user"), refusal.Arg("channel"), refusal.Arg("thread_ts")));
        Assert.Equal("Only <@U0ALICE> can confirm.", refusal.Args["blocks"]![0]!["text"]!["text"]!.GetValue<string>());
        Assert.Equal(2, world.Slack.Find(Ops, confirm.Ts)!.Buttons.Count);
        Assert.Empty(world.Handler.Executed);
    }

    [Fact]
    public async Task A_failing_handler_is_reported_to_the_sender_only()
    {
        await using var world = await SlackWorld.StartAsync();
        await world.Alice.MentionAsync(Ops, "fail");
        var error = await world.Slack.WaitForAsync(() => world.Slack.Ephemerals.FirstOrDefault());
        Assert.Equal("U0ALICE", error.Arg("user"));
        Assert.Contains("nothing was run", error.Arg("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Our_mention_is_stripped_and_typed_markup_comes_back_escaped()
    {
        await using var world = await SlackWorld.StartAsync();
        var mention = await world.Alice.MentionAsync(Ops, "echo a<b> & <!everyone> *kept*");
        var reply = await world.ReplyAsync(Ops, mention.MessageTs);
        Assert.Equal("echo a<b> & <!everyone> *kept*", world.Handler.Turns.Single().Text);
        Assert.Equal("you said: a&lt;b&gt; &amp; &lt;!everyone&gt; *kept*", reply.BlockText);
    }

    [Fact]
    public async Task The_slash_command_is_acknowledged_ephemerally_and_answered_in_a_thread_under_the_request()
    {
        await using var world = await SlackWorld.StartAsync();
        var command = await world.Alice.SlashCommandAsync(Ops, "deploy checkout");
        await command.Acknowledged;
        Assert.Contains("\"response_type\":\"ephemeral\"", command.Response, StringComparison.Ordinal);

        var parent = await world.Slack.WaitForAsync(() => world.Slack.BotReplies(Ops, null).FirstOrDefault());
        Assert.Contains("/chatops deploy checkout", parent.BlockText, StringComparison.Ordinal);
        var question = await world.ReplyAsync(Ops, parent.Ts);
        Assert.Equal("Which environment?", question.BlockText);
        Assert.Equal(new ConversationKey("T0TEAM", Ops, parent.Ts), world.Handler.Turns.Single().Key);
    }

    [Fact]
    public async Task Buttons_pressed_in_a_direct_message_answer_in_the_dm_and_keep_the_dm_conversation()
    {
        await using var world = await SlackWorld.StartAsync();
        var dm = world.Alice.DirectChannel;
        await world.Alice.DirectMessageAsync("deploy checkout");
        var question = await world.ReplyAsync(dm, null);
        await world.Alice.ClickAsync(question, "uat");
        var confirm = await world.ReplyAsync(dm, null, 2);
        Assert.Equal("Deploy *checkout* to `uat`?", confirm.BlockText);
        await world.Slack.WaitForAsync(() => world.Slack.Find(dm, question.Ts)!.Buttons.Count == 0);
        Assert.All(world.Handler.Turns, t => Assert.Equal(new ConversationKey("T0TEAM", SlackChatAdapter.DirectMessages, "U0ALICE"), t.Key));
    }
}

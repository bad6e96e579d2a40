using System.Text.Json.Nodes;
using ChatOps.Adapters.Slack.Blocks;
using ChatOps.Core.Chat;
using ChatOps.Sandbox.Slack;

namespace ChatOps.Adapters.Tests.Slack;

public class BlockKitRendererTests
{
    private static string SectionText(JsonNode? block) => block!["text"]!["text"]!.GetValue<string>();

    [Fact]
    public void Our_marks_and_mentions_are_kept_and_everything_else_is_escaped()
    {
        var message = Assert.Single(BlockKitRenderer.Render(Reply.Plain("<@U0ALICE> asked for *deploy* `a<b>` & <!everyone> <#C0OPS>")));
        Assert.Equal("<@U0ALICE> asked for *deploy* `a&lt;b&gt;` &amp; &lt;!everyone&gt; &lt;#C0OPS&gt;", SectionText(message.Blocks[0]));
        Assert.True(message.Blocks[0]!["text"]!["verbatim"]!.GetValue<bool>());
        Assert.Equal(SectionText(message.Blocks[0]), message.Text);
    }

    [Fact]
    public void Bare_links_are_linked_outside_code_and_left_alone_inside()
    {
        var text = SectionText(BlockKitRenderer.Render(Reply.Plain("see https://ci.example.com/p/1?a=1&b=2. or `https://x.example.com/raw`"))[0].Blocks[0]);
        Assert.Equal("see <https://ci.example.com/p/1?a=1&amp;b=2>. or `https://x.example.com/raw`", text);
    }

    [Fact]
    public void Buttons_carry_our_action_id_as_id_and_value_with_their_style()
    {
        var reply = new Reply("Deploy?", [new ReplyButton("Confirm", "confirm:req-42", ButtonStyle.Primary), new ReplyButton("Cancel", "cancel:req-42")]);
        var actions = BlockKitRenderer.Render(reply)[0].Blocks[1]!;
        Assert.Equal("actions", actions["type"]!.GetValue<string>());
        var confirm = actions["elements"]![0]!;
        Assert.Equal(("confirm:req-42", "confirm:req-42", "primary", "Confirm"),
            (confirm["action_id"]!.GetValue<string>(), confirm["value"]!.GetValue<string>(), confirm["style"]!.GetValue<string>(), confirm["text"]!["text"]!.GetValue<string>()));
        Assert.Null(actions["elements"]![1]!["style"]);
        Assert.Null(confirm["confirm"]);
    }

    [Fact]
    public void A_danger_button_asks_slacks_own_confirm_dialog_first()
    {
        var reply = new Reply("Please confirm: *deploy checkout → prod*", [new ReplyButton("Confirm", "confirm:1", ButtonStyle.Danger)]);
        var button = BlockKitRenderer.Render(reply)[0].Blocks[1]!["elements"]![0]!;
        var dialog = button["confirm"]!;
        Assert.Equal("danger", button["style"]!.GetValue<string>());
        Assert.Equal(("Are you sure?", "Please confirm: deploy checkout → prod", "Confirm", "Back", "danger"),
            (dialog["title"]!["text"]!.GetValue<string>(), dialog["text"]!["text"]!.GetValue<string>(), dialog["confirm"]!["text"]!.GetValue<string>(),
             dialog["deny"]!["text"]!.GetValue<string>(), dialog["style"]!.GetValue<string>()));
    }

    [Fact]
    public void Text_over_3000_characters_is_split_into_sections_at_line_breaks_keeping_code_blocks_closed()
    {
        var text = "```\n" + string.Join('\n', Enumerable.Range(1, 400).Select(i => $"{i:D4} & some log output")) + "\n```";
        var message = Assert.Single(BlockKitRenderer.Render(Reply.Plain(text)));
        var sections = message.Blocks.Select(SectionText).ToList();
        Assert.True(sections.Count >= 4);
        Assert.All(sections, s => Assert.InRange(s.Length, 1, 3000));
        Assert.All(sections, s => Assert.True(s.StartsWith("```\n", StringComparison.Ordinal) && s.EndsWith("\n```", StringComparison.Ordinal), s[..20]));
        var joined = string.Join('\n', sections.Select(s => s[4..^4]));
        Assert.Equal(Mrkdwn.Escape(text)[4..^4], joined);
        Assert.Null(SlackBlockRules.Check(message.Blocks));
    }

    [Fact]
    public void A_single_line_longer_than_a_section_is_cut_without_breaking_an_entity()
    {
        var text = string.Concat(Enumerable.Repeat("a&b", 2000));
        var sections = BlockKitRenderer.Render(Reply.Plain(text))[0].Blocks.Select(SectionText).ToList();
        Assert.All(sections, s => Assert.InRange(s.Length, 1, 3000));
        Assert.Equal(Mrkdwn.Escape(text), string.Concat(sections));
    }

    [Fact]
    public void More_than_50_blocks_continue_in_further_messages_with_the_buttons_on_the_first()
    {
        var text = string.Join('\n', Enumerable.Range(1, 70).Select(i => new string('x', 2900) + i));
        var messages = BlockKitRenderer.Render(new Reply(text, [new ReplyButton("OK", "ok:1")]));
        Assert.Equal(2, messages.Count);
        Assert.All(messages, m => Assert.Null(SlackBlockRules.Check(m.Blocks)));
        Assert.Equal(50, messages[0].Blocks.Count);
        Assert.Equal("actions", messages[0].Blocks[^1]!["type"]!.GetValue<string>());
        Assert.Equal("context", messages[0].Blocks[^2]!["type"]!.GetValue<string>());
        Assert.Equal(70, messages.Sum(m => m.Blocks.Count(b => b!["type"]!.GetValue<string>() == "section")));
        Assert.All(messages, m => Assert.InRange(m.Text.Length, 1, 3000));
    }

    [Fact]
    public void An_attachment_shows_its_last_lines_in_a_code_block_and_says_how_many_were_left_out()
    {
        var log = string.Join('\n', Enumerable.Range(1, 1000).Select(i => $"step {i} <ok>"));
        var blocks = Assert.Single(BlockKitRenderer.Render(new Reply("Pipeline failed.", [], Attachment: log))).Blocks;
        var tail = SectionText(blocks[1]);
        Assert.StartsWith("```\n", tail, StringComparison.Ordinal);
        Assert.EndsWith("step 1000 &lt;ok&gt;\n```", tail, StringComparison.Ordinal);
        Assert.InRange(tail.Length, 2000, 3000);
        Assert.Matches(@"Output: last \d+ of 1000 lines shown\.", blocks[2]!["elements"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Answered_drops_the_buttons_and_says_who_chose_what()
    {
        var original = BlockKitRenderer.Render(new Reply("Which environment?", [new ReplyButton("uat", "choice:env:uat")]))[0].Blocks;
        var answered = BlockKitRenderer.Answered(original, "U0ALICE", "uat");
        Assert.Equal(["section", "context"], answered.Select(b => b!["type"]!.GetValue<string>()));
        Assert.Equal("<@U0ALICE> chose *uat*", answered[1]!["elements"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Chinese_replies_get_a_chinese_confirm_dialog()
    {
        var reply = new Reply("请确认", [new ReplyButton("确认", "confirm:1", ButtonStyle.Danger)], "zh");
        var dialog = BlockKitRenderer.Render(reply)[0].Blocks[1]!["elements"]![0]!["confirm"]!;
        Assert.Equal(("确定吗？", "返回"), (dialog["title"]!["text"]!.GetValue<string>(), dialog["deny"]!["text"]!.GetValue<string>()));
    }
}

using System.Text.Json.Nodes;
using ChatOps.Core.Chat;

namespace ChatOps.Adapters.Slack.Blocks;

public static partial class BlockKitRenderer
{
    private static IEnumerable<JsonObject> ActionBlocks(Reply reply)
    {
        var nonce = Guid.NewGuid().ToString("N")[..8];
        var index = 0;
        foreach (var chunk in reply.Buttons.Chunk(ActionsLimit))
        {
            // why: block ids must be unique in a message and new on every update (contract §7)
            yield return new JsonObject
            {
                ["type"] = "actions",
                ["block_id"] = $"chatops-actions-{nonce}-{index++}",
                ["elements"] = new JsonArray([.. chunk.Select(b => Button(b, reply))]),
            };
        }
    }

    private static JsonObject Button(ReplyButton button, Reply reply)
    {
        var element = new JsonObject
        {
            ["type"] = "button",
            ["action_id"] = button.ActionId,
            ["value"] = button.ActionId,
            ["text"] = PlainText(button.Label, 75),
        };
        if (button.Style == ButtonStyle.Primary) element["style"] = "primary";
        if (button.Style == ButtonStyle.Danger)
        {
            element["style"] = "danger";
            element["confirm"] = new JsonObject
            {
                ["title"] = PlainText(Localized(reply.Language, "Are you sure?", "确定吗？"), 100),
                ["text"] = PlainText(reply.Text, 300),
                ["confirm"] = PlainText(button.Label, 30),
                ["deny"] = PlainText(Localized(reply.Language, "Back", "返回"), 30),
                ["style"] = "danger",
            };
        }

        return element;
    }

    private static JsonObject PlainText(string text, int limit)
    {
        var plain = Mrkdwn.Plain(text).Trim();
        return new JsonObject { ["type"] = "plain_text", ["text"] = Mrkdwn.Truncate(Mrkdwn.Escape(plain.Length > 0 ? plain : "…"), limit) };
    }
}

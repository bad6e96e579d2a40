using ChatOps.Adapters.Tests.Slack.Support;
using ChatOps.Core.Catalog;
using ChatOps.Dialog;
using ChatOps.Language;
using ChatOps.Language.Model;

namespace ChatOps.Adapters.Tests.Slack.Dialog;

public class RealDialogTests
{
    private static readonly Lazy<(ServiceCatalog Catalog, MessageParser Parser)> Language = new(() =>
    {
        var root = FindRoot();
        var catalog = CatalogLoader.Load(Path.Combine(root, "training-data", "catalog.yaml"));
        return (catalog, new MessageParser(catalog, IntentClassifier.Load(Path.Combine(root, "models", "intent-model.zip"))));
    });

    [Fact]
    public async Task A_production_deploy_asked_in_slack_is_confirmed_with_the_danger_button_and_runs_once()
    {
        var executor = new RecordingExecutor();
        var stores = new InMemoryStores();
        var handler = new TurnHandler(Language.Value.Parser, executor, stores, stores, stores, Language.Value.Catalog, new DialogOptions { Policy = new ChatOps.Dialog.Policy.PolicyOptions { Grants = [new ChatOps.Dialog.Policy.Grant("*", ["*"], ["*"])] } }, TimeProvider.System);
        await using var world = await SlackWorld.StartAsync(handler: handler);

        var mention = await world.Alice.MentionAsync(SlackWorld.Ops, "deploy checkout to prod");
        var question = await world.ReplyAsync(SlackWorld.Ops, mention.MessageTs);
        Assert.Contains("Please confirm", question.BlockText, StringComparison.Ordinal);
        var confirm = question.Buttons.First(b => b["action_id"]!.GetValue<string>().StartsWith("confirm:", StringComparison.Ordinal));
        Assert.Equal("danger", confirm["style"]!.GetValue<string>());
        Assert.NotNull(confirm["confirm"]);
        Assert.Empty(executor.Executed);

        await world.Bob.ClickAsync(question, confirm["action_id"]!.GetValue<string>());
        await world.Slack.WaitForAsync(() => world.Slack.Ephemerals.FirstOrDefault(e => e.Arg("user") == "U0BOB"));
        Assert.Empty(executor.Executed);

        await world.Alice.ClickAsync(question, confirm["action_id"]!.GetValue<string>());
        var outcome = await world.ReplyAsync(SlackWorld.Ops, mention.MessageTs, 2);
        var run = Assert.Single(executor.Executed);
        Assert.Equal(("checkout", "prod", "U0ALICE"), (run.Command.Service, run.Command.Environment, run.RequestedBy));
        Assert.Contains("started deploy of checkout in prod", string.Join('\n', world.Slack.BotReplies(SlackWorld.Ops, mention.MessageTs).Select(m => m.BlockText)), StringComparison.Ordinal);
        await world.Slack.WaitForAsync(() => world.Slack.Find(SlackWorld.Ops, question.Ts)!.Buttons.Count == 0);
        Assert.NotNull(outcome);
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

using ChatOps.Core.Catalog;
using ChatOps.Core.Commands;
using ChatOps.Language.Model;

namespace ChatOps.Language.Tests.Model;

/// <summary>Golden parses through the model committed in models/, the one `make run` uses.</summary>
public class CommittedModelTests
{
    private static readonly IntentClassifier Classifier = IntentClassifier.Load(TestPaths.Model);
    private static readonly MessageParser Parser = new(CatalogLoader.Load(TestPaths.Catalog), Classifier);

    [Theory]
    [InlineData("deploy checkout to uat please", "deploy", "environment=uat; service=checkout")]
    [InlineData("ship payments v2.3.1 to prod", "deploy", "environment=prod; ref=v2.3.1; service=payments")]
    [InlineData("执行dev环境checkout流水线", "deploy", "environment=dev; service=checkout")]
    [InlineData("执行uat环境devops-chatops流水线", "workflow.run", "environment=uat; workflow=devops-chatops")]
    [InlineData("roll back cart in prod", "rollback", "environment=prod; service=cart")]
    [InlineData("cancel pipeline 4512", "pipeline.cancel", "pipeline_id=4512")]
    [InlineData("scale orders to 5 replicas in prod", "k8s.scale", "environment=prod; replicas=5; service=orders")]
    [InlineData("last 200 lines of payments logs in prod", "k8s.logs", "environment=prod; lines=200; service=payments")]
    [InlineData("what's the weather", "out_of_scope", "")]
    public void Golden_lines_parse_as_the_contract_says(string text, string intent, string entities)
    {
        var result = Parser.Parse(text);
        Assert.Equal(intent, result.Intent);
        Assert.Equal(entities, Evaluation.NluEvaluation.EntityText(result.Entities));
        Assert.InRange(result.Confidence, 0f, 1f);
    }

    [Theory]
    [InlineData("cancel")]
    [InlineData("算了")]
    [InlineData("no")]
    public void A_bare_cancel_is_a_dialog_deny(string text)
    {
        Assert.Equal("dialog.deny", Parser.Parse(text).Intent);
    }

    [Fact]
    public void Services_and_environments_never_seen_in_training_are_understood_once_in_the_catalog()
    {
        var catalog = CatalogLoader.Parse("""
            environments:
              - name: canary
                aliases: [灰度]
            services:
              - name: ledger
                aliases: [总账]
            """);
        var parser = new MessageParser(catalog, Classifier);
        var english = parser.Parse("deploy ledger to canary please");
        Assert.Equal(("deploy", "canary", "ledger"), (english.Intent, english.Entities.Environment, english.Entities.Service));
        var chinese = parser.Parse("把总账发布到灰度");
        Assert.Equal(("deploy", "canary", "ledger"), (chinese.Intent, chinese.Entities.Environment, chinese.Entities.Service));
    }

    [Fact]
    public void The_committed_card_matches_this_build()
    {
        Assert.Equal(ModelCard.CurrentSchemaVersion, Classifier.Card.SchemaVersion);
        Assert.Equal(IntentNames.All.Order(StringComparer.Ordinal), Classifier.Card.Intents);
        Assert.StartsWith("sha256:", Classifier.Card.DataHash, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_score_is_exposed_for_clarifying_questions()
    {
        var result = Parser.Parse("deploy or roll back checkout?");
        Assert.Equal(IntentNames.All.Count, result.Scores.Count);
        Assert.Equal(3, result.Top(3).Count());
    }
}

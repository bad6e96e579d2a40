using ChatOps.Core.Parsing;
using ChatOps.Language.Model;

namespace ChatOps.Language.Tests.Model;

public class IntentModelTests(TinyModelFixture tiny) : IClassFixture<TinyModelFixture>
{
    [Fact]
    public void Same_seed_and_data_give_the_same_model()
    {
        var again = new IntentTrainer(tiny.Options).Train(tiny.Rows);
        var first = IntentClassifier.Load(tiny.ModelPath);
        var second = IntentClassifier.FromModel(again.Ml, again.Model, first.Card);
        foreach (var text in new[] { "deploy svcx to envx", "hi", "last numx lines of svcx logs" })
        {
            Assert.Equal(first.Predict(text), second.Predict(text));
        }
    }

    [Fact]
    public void Scores_are_probabilities_best_first_over_every_intent()
    {
        var scores = IntentClassifier.Load(tiny.ModelPath).Predict("deploy svcx to envx please");
        Assert.Equal(tiny.Rows.Select(r => r.Intent).Distinct().Count(), scores.Length);
        Assert.InRange(scores.Sum(s => s.Score), 0.99f, 1.01f);
        Assert.True(scores.Zip(scores.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        Assert.Equal("deploy", scores[0].Intent);
    }

    [Fact]
    public void A_card_of_another_schema_version_is_refused_with_what_to_run()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        File.Copy(tiny.ModelPath, Path.Combine(folder, "intent-model.zip"));
        File.WriteAllText(Path.Combine(folder, "model-card.json"), new ModelCard { SchemaVersion = 99 }.ToJson());
        var ex = Assert.Throws<ModelCardException>(() => IntentClassifier.Load(Path.Combine(folder, "intent-model.zip")));
        Assert.Contains("schema version 99", ex.Message, StringComparison.Ordinal);
        Assert.Contains("make train", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_card_or_model_says_what_to_run()
    {
        var folder = Directory.CreateTempSubdirectory().FullName;
        Assert.Contains("make train", Assert.Throws<ModelCardException>(() => IntentClassifier.Load(Path.Combine(folder, "none.zip"))).Message, StringComparison.Ordinal);
        File.Copy(tiny.ModelPath, Path.Combine(folder, "m.zip"));
        Assert.Contains("model-card.json is missing", Assert.Throws<ModelCardException>(() => IntentClassifier.Load(Path.Combine(folder, "m.zip"))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Below_the_threshold_the_answer_is_out_of_scope()
    {
        IntentScore[] scores = [new("deploy", 0.4f), new("rollback", 0.35f), new("help", 0.25f)];
        Assert.Equal(("out_of_scope", 0.6f), MessageParser.Decide(scores, 0.5f));
        Assert.Equal(("deploy", 0.4f), MessageParser.Decide(scores, 0.3f));
    }

    [Fact]
    public void Threshold_never_rejects_more_in_scope_lines_than_allowed()
    {
        var predictions = Enumerable.Range(0, 100).Select(i => new IntentTrainer.FoldPrediction(0, "", i < 80 ? "deploy" : "out_of_scope",
            i < 80 ? [new("deploy", 0.3f + i / 200f), new("out_of_scope", 0.1f)] : [new("deploy", 0.3f), new("out_of_scope", 0.2f)])).ToList();
        var threshold = IntentTrainer.ChooseThreshold(predictions, 0.05);
        var rejected = predictions.Take(80).Count(p => MessageParser.Decide(p.Scores, threshold).Intent == "out_of_scope");
        Assert.True(rejected <= 4, $"threshold {threshold} rejected {rejected} of 80 in-scope lines");
        Assert.True(threshold > 0.3f, "the threshold should catch the out-of-scope lines scored 0.3");
    }

    [Fact]
    public void Folds_are_stratified_and_fixed_by_the_seed()
    {
        var a = IntentTrainer.AssignFolds(tiny.Rows, 5, 1);
        Assert.Equal(a, IntentTrainer.AssignFolds(tiny.Rows, 5, 1));
        Assert.NotEqual(a, IntentTrainer.AssignFolds(tiny.Rows, 5, 2));
        foreach (var g in tiny.Rows.Select((r, i) => (r.Intent, Fold: a[i])).GroupBy(x => x.Intent))
        {
            Assert.Equal(5, g.Select(x => x.Fold).Distinct().Count());
        }
    }
}

using System.Text.Json;

namespace ChatOps.Language.Tests.Cli;

public class ParseCommandTests
{
    [Fact]
    public void Parse_prints_the_contract_json_for_one_message()
    {
        var (code, stdout, _) = ChatOpsProcess.Run("", "parse", "deploy checkout to uat please");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var root = doc.RootElement;
        Assert.Equal("deploy checkout to uat please", root.GetProperty("text").GetString());
        Assert.Equal("deploy", root.GetProperty("intent").GetString());
        Assert.Equal(JsonValueKind.Number, root.GetProperty("confidence").ValueKind);
        Assert.Equal("checkout", root.GetProperty("entities").GetProperty("service").GetString());
        Assert.Equal("uat", root.GetProperty("entities").GetProperty("environment").GetString());
        Assert.False(root.GetProperty("entities").TryGetProperty("ref", out _), "absent entities are left out, not null");
    }

    [Fact]
    public void Jsonl_answers_every_line_in_order_and_survives_bad_lines()
    {
        const string input = "{\"text\":\"scale orders to five replicas in prod\"}\nnot json\n{\"txt\":\"x\"}\n{\"text\":\"看一下订单在生产的日志\"}\n{\"text\":\"deploy checkout and cart to uat\"}\n";
        var (code, stdout, _) = ChatOpsProcess.Run(input, "parse", "--jsonl");
        Assert.Equal(0, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(5, lines.Count);
        Assert.Equal(5, lines[0].GetProperty("entities").GetProperty("replicas").GetInt32());
        Assert.Equal(JsonValueKind.Number, lines[0].GetProperty("entities").GetProperty("replicas").ValueKind);
        Assert.Equal(2, lines[1].GetProperty("line").GetInt32());
        Assert.Contains("not valid JSON", lines[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.True(lines[2].TryGetProperty("error", out _));
        Assert.Equal("k8s.logs", lines[3].GetProperty("intent").GetString());
        Assert.Contains("看一下订单", stdout, StringComparison.Ordinal);
        Assert.Equal(["checkout", "cart"], lines[4].GetProperty("entities").GetProperty("service").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void A_catalog_given_on_the_command_line_is_used()
    {
        var catalog = Path.Combine(Directory.CreateTempSubdirectory().FullName, "catalog.yaml");
        File.WriteAllText(catalog, "environments:\n  - name: perf\nservices:\n  - name: ledger\n");
        var (code, stdout, _) = ChatOpsProcess.Run("", "parse", "--catalog", catalog, "deploy ledger to perf");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("ledger", doc.RootElement.GetProperty("entities").GetProperty("service").GetString());
        Assert.Equal("perf", doc.RootElement.GetProperty("entities").GetProperty("environment").GetString());
    }

    [Fact]
    public void A_missing_model_is_a_clear_error_not_a_stack_trace()
    {
        var (code, stdout, stderr) = ChatOpsProcess.Run("", "parse", "--model", "/nowhere/model.zip", "hi");
        Assert.Equal(2, code);
        Assert.Empty(stdout);
        Assert.Contains("make train", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_export_writes_one_json_line_per_utterance()
    {
        var (code, stdout, _) = ChatOpsProcess.Run("", "data", "export", "--format", "jsonl");
        Assert.Equal(0, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 1500);
        Assert.All(lines.Take(50), l => Assert.True(JsonDocument.Parse(l).RootElement.TryGetProperty("intent", out _)));
    }
}

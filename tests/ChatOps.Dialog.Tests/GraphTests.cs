namespace ChatOps.Dialog.Tests;

public class GraphTests
{
    [Fact]
    public void The_dialog_picture_in_docs_is_the_one_Stateless_draws_from_the_machine()
    {
        var doc = File.ReadAllText(Path.Combine(ChatScript.Root, "docs", "dialog.md")).ReplaceLineEndings("\n");
        var graph = TurnHandler.Graph().ReplaceLineEndings("\n").Trim();
        Assert.Contains(graph, doc, StringComparison.Ordinal);
        Assert.Contains("AwaitingConfirmation --> Executing", graph, StringComparison.Ordinal);
        Assert.DoesNotContain("Idle --> Executing : Confirm", graph, StringComparison.Ordinal);
    }
}

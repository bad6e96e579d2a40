using System.CommandLine;
using ChatOps.Dialog;

namespace ChatOps.Cli.Commands;

/// <summary>`chatops graph [--dot]`: the dialog state machine as Stateless draws it (Mermaid by default).</summary>
internal static class GraphCommand
{
    public static Command Create()
    {
        var dot = new Option<bool>("--dot") { Description = "Graphviz DOT instead of Mermaid" };
        var command = new Command("graph", "Print the dialog state machine") { dot };
        command.SetAction(result =>
        {
            Console.Out.WriteLine(TurnHandler.Graph(result.GetValue(dot)));
            return 0;
        });
        return command;
    }
}

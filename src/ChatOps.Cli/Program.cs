using System.CommandLine;
using ChatOps.Cli.Commands;

var root = new RootCommand("chatops: run CI/CD from chat in plain language")
{
    ParseCommand.Create(),
    TrainCommand.Create(),
    EvalCommand.Create(),
    DataCommand.Create(),
    GraphCommand.Create(),
    ConsoleCommand.Create(),
    ServeCommand.Create(),
    RunsCommand.Create(),
    SandboxCommand.Create(),
    AuditCommand.Create(),
    PolicyCommand.Create(),
};
return await root.Parse(args).InvokeAsync();

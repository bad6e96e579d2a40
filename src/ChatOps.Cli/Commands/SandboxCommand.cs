using System.CommandLine;
using ChatOps.Sandbox;

namespace ChatOps.Cli.Commands;

/// <summary>`chatops sandbox`: runs the GitLab, Zadig and Kubernetes emulators on 127.0.0.1 until Ctrl+C.</summary>
internal static class SandboxCommand
{
    public static Command Create()
    {
        var gitlab = new Option<int>("--gitlab-port") { Description = "GitLab emulator port (0 = any free)", DefaultValueFactory = _ => 0 };
        var zadig = new Option<int>("--zadig-port") { Description = "Zadig emulator port (0 = any free)", DefaultValueFactory = _ => 0 };
        var kube = new Option<int>("--kube-port") { Description = "Kubernetes API emulator port (0 = any free)", DefaultValueFactory = _ => 0 };
        var hook = new Option<Uri?>("--gitlab-hook-url") { Description = "Where to POST GitLab Pipeline/Job hooks (the bot's /hooks/gitlab)" };
        var command = new Command("sandbox", "Run the local GitLab, Zadig and Kubernetes emulators") { gitlab, zadig, kube, hook };
        command.SetAction(async (result, ct) =>
        {
            var options = new SandboxOptions { GitLabPort = result.GetValue(gitlab), ZadigPort = result.GetValue(zadig), KubePort = result.GetValue(kube), GitLabHookUrl = result.GetValue(hook) };
            await using var host = await SandboxHost.StartNewAsync(options, ct);
            Console.Out.WriteLine(host.Describe());
            Console.Out.WriteLine("Ctrl+C stops it.");
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
            }

            return 0;
        });
        return command;
    }
}

using System.Diagnostics;

namespace ChatOps.Language.Tests.Cli;

/// <summary>Runs the built `chatops` program as a user would, with standard input and output.</summary>
internal static class ChatOpsProcess
{
    public static (int ExitCode, string Stdout, string Stderr) Run(string stdin, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "chatops.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = TestPaths.Root };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60))) process.Kill(true);
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}

using System.Diagnostics;

namespace ChatOps.EndToEnd.Tests;

/// <summary>Runs `chatops console` as `make run` does, with a script on standard input, and returns everything it printed.</summary>
internal static class ConsoleProcess
{
    public static string Run(string script, string database, params string[] extra)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "chatops.dll"));
        psi.ArgumentList.Add("console");
        psi.ArgumentList.Add("--db");
        psi.ArgumentList.Add(database);
        foreach (var a in extra) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardInput.Write(script);
        p.StandardInput.Close();
        if (!p.WaitForExit(TimeSpan.FromSeconds(90))) p.Kill(true);
        return stdout.Result + stderr.Result;
    }

    /// <summary>Runs another `chatops` command and returns what it printed.</summary>
    public static string Cli(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "chatops.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromSeconds(60))) p.Kill(true);
        return stdout.Result + stderr.Result;
    }

    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "ChatOps.sln"))) return d.FullName;
        }

        throw new InvalidOperationException("ChatOps.sln not found");
    }
}

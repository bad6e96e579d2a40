using System.Diagnostics;

namespace ChatOps.EndToEnd.Tests;

/// <summary>The policy and the audit trail as an operator meets them: `chatops console` under training-data/policy.yaml, then `chatops audit`.</summary>
public class PolicyAndAuditCliTests
{
    [Fact]
    public void A_refused_deploy_and_a_confirmed_one_are_on_the_trail_that_chatops_audit_shows_and_verifies()
    {
        var database = Path.Combine(Directory.CreateTempSubdirectory("chatops-e2e").FullName, "chatops.db");
        var (_, console) = Chatops(FreePort, "/as mallory\ndeploy checkout to prod\n/as alice\ndeploy cart to uat\n/quit\n", "console", "--db", database);
        Assert.Contains("You may not run deploy checkout → prod", console, StringComparison.Ordinal);
        Assert.Contains("Who may: deployer (alice, U0ALICE, alice@example.com).", console, StringComparison.Ordinal);

        var (code, refused) = Chatops("audit", "--db", database, "--user", "mallory", "--kind", "decision");
        Assert.Equal(0, code);
        Assert.Matches(@"#\d+ \S+ \S+ mallory decision deploy checkout → prod: refused \(no grant\)", refused);
        var (_, ran) = Chatops("audit", "--db", database, "--kind", "execution", "--since", "today", "--json");
        Assert.Contains("\"actor\":\"alice\"", ran, StringComparison.Ordinal);
        Assert.Contains("\"service\":\"cart\"", ran, StringComparison.Ordinal);
        var (verified, verdict) = Chatops("audit", "--db", database, "--verify");
        Assert.Equal((0, true), (verified, verdict.Contains("audit trail intact", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_broken_policy_file_stops_the_console_with_every_problem_and_its_line()
    {
        var policy = Path.Combine(Directory.CreateTempSubdirectory().FullName, "policy.yaml");
        File.WriteAllText(policy, "roles:\n  deployer:\n    members: [alice]\n    allow:\n      - intents: [deploi]\n        environments: [moon]\n");
        var (_, output) = Chatops(new Dictionary<string, string>(FreePort) { ["CHATOPS__Policy__Path"] = policy }, "", "console", "--db", Path.Combine(Path.GetDirectoryName(policy)!, "c.db"));
        Assert.Contains("line 5: 'deploi' is not an intent", output, StringComparison.Ordinal);
        Assert.Contains("line 6: environment 'moon' is not in the catalog", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Chatops_policy_prints_who_may_do_what_and_fails_on_a_broken_file()
    {
        var (ok, summary) = Chatops("policy");
        Assert.Equal(0, ok);
        Assert.Contains("allow    deployer (alice, U0ALICE, alice@example.com): actions on any environment", summary, StringComparison.Ordinal);
        Assert.Contains("forbid   k8s.scale on prod: production capacity changes go through the capacity review, not chat", summary, StringComparison.Ordinal);
        var broken = Path.Combine(Directory.CreateTempSubdirectory().FullName, "policy.yaml");
        File.WriteAllText(broken, "roles:\n  ops:\n    members: [olga]\napprovals:\n  - intents: [deploy]\n    role: nobody\n");
        var (failed, errors) = Chatops("policy", "--file", broken);
        Assert.Equal(1, failed);
        Assert.Contains("line 6: approval role 'nobody' is not defined under 'roles'", errors, StringComparison.Ordinal);
    }

    // why: appsettings.json listens on 8080, and these consoles run beside the other console tests; each takes a free port
    private static readonly Dictionary<string, string> FreePort = new() { ["CHATOPS__Http__Urls"] = "http://127.0.0.1:0" };

    private static (int Code, string Output) Chatops(params string[] args) => Chatops(new Dictionary<string, string>(), "", args);

    private static (int Code, string Output) Chatops(Dictionary<string, string> environment, string input, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = ConsoleProcess.Root };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "chatops.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardInput.Write(input);
        p.StandardInput.Close();
        if (!p.WaitForExit(TimeSpan.FromSeconds(90))) p.Kill(true);
        return (p.ExitCode, stdout.Result + stderr.Result);
    }
}

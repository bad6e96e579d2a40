namespace ChatOps.EndToEnd.Tests;

/// <summary>The `make run` experience, scripted: the console, the real dialog, SQLite, the real clients and the sandbox.</summary>
public class ConsoleSessionTests
{
    private static string NewDatabase() => Path.Combine(Directory.CreateTempSubdirectory("chatops-e2e").FullName, "chatops.db");

    [Fact]
    public void A_scripted_console_session_confirms_and_starts_one_pipeline_in_the_sandbox()
    {
        var output = ConsoleProcess.Run("deploy checkout to prod\n/as bob\n1\n/as alice\n1\nyes\n/quit\n", NewDatabase());
        Assert.Contains("Please confirm: deploy checkout → prod", output, StringComparison.Ordinal);
        Assert.Contains("GitLab pipeline on shop/checkout @ main with DEPLOY_ENV=prod", output, StringComparison.Ordinal);
        Assert.Contains("Only @alice, who asked for it, can confirm", output, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(output, @"pipeline #\d+ is created"));
        Assert.Contains("nothing waiting for a confirmation", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Details_are_asked_for_and_kubernetes_lookups_answer_from_the_sandbox()
    {
        var output = ConsoleProcess.Run("what pods are running for cart\nstaging\n看一下订单在生产的日志\n/quit\n", NewDatabase());
        Assert.Contains("Which environment?", output, StringComparison.Ordinal);
        Assert.Matches(@"cart-[a-z0-9]+-[a-z0-9]{5}\s+1/1\s+Running", output);
        Assert.Contains("Log of pod orders-", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pending_confirmation_survives_a_restart_of_the_console()
    {
        var database = NewDatabase();
        var first = ConsoleProcess.Run("restart orders in uat\n/quit\n", database);
        Assert.Contains("Please confirm: k8s.restart orders → uat", first, StringComparison.Ordinal);
        var second = ConsoleProcess.Run("yes\n/quit\n", database);
        Assert.Contains("orders", second, StringComparison.Ordinal);
        Assert.DoesNotContain("nothing waiting", second, StringComparison.Ordinal);
        Assert.Contains("restart", second, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_broken_catalog_stops_the_console_with_every_problem_and_its_line()
    {
        var catalog = Path.Combine(Directory.CreateTempSubdirectory().FullName, "catalog.yaml");
        File.WriteAllText(catalog, "environments:\n  - name: Prod\nservices:\n  - aliases: [x]\n");
        var output = ConsoleProcess.Run("hi\n", NewDatabase(), "--catalog", catalog);
        Assert.Contains("line 2", output, StringComparison.Ordinal);
        Assert.Contains("line 4", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_deploy_started_from_the_console_is_followed_to_its_end_by_the_sandbox_webhooks()
    {
        var database = NewDatabase();
        var output = ConsoleProcess.Run("deploy cart to uat\n", database);
        Assert.Matches(@"pipeline #\d+ is created", output);
        Assert.Contains("waiting up to", output, StringComparison.Ordinal);
        Assert.Matches(@"↻ #1 deploy cart to uat \(GitLab pipeline #\d+\): passed in \d+s", output);
        Assert.Matches(@"↳ #1 @alice deploy cart to uat \(GitLab pipeline #\d+\) passed in", output);

        var runs = ConsoleProcess.Cli("runs", "--db", database);
        Assert.Contains("0 running, 1 finished", runs, StringComparison.Ordinal);
        Assert.Matches(@"deploy cart to uat \(GitLab pipeline #\d+\)\s+passed in \d+s\s+alice", runs);
    }

    [Fact]
    public void A_confirmed_restart_is_followed_as_its_rollout_until_every_pod_is_replaced()
    {
        var output = ConsoleProcess.Run("restart orders in uat\nyes\n", NewDatabase());
        Assert.Contains("Restarting deployment", output, StringComparison.Ordinal);
        Assert.Matches(@"↻ #\d+ restart of orders in uat \(rollout of deployment uat/orders\): passed in \d+s", output);
        Assert.Contains("@alice restart of orders in uat (rollout of deployment uat/orders) passed", output, StringComparison.Ordinal);
    }
}

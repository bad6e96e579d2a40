namespace ChatOps.Executors.Tests.Deployment;

/// <summary>The configuration keys the deployment may set, as CHATOPS__ variables; the program's interface for issue 8.</summary>
public static class ConfigurationKeys
{
    /// <summary>Tokens, signing and hook secrets, and the connection string with its password: only ever from the Secret.</summary>
    public static readonly IReadOnlySet<string> Secret = new HashSet<string>(StringComparer.Ordinal)
    {
        "CHATOPS__GitLab__Token",
        "CHATOPS__Zadig__Token",
        "CHATOPS__Slack__BotToken",
        "CHATOPS__Slack__AppToken",
        "CHATOPS__Slack__SigningSecret",
        "CHATOPS__Tracking__GitLabHookSecret",
        "CHATOPS__Tracking__ZadigHookSecret",
        "CHATOPS__Tracking__CallbackSecret",
        "CHATOPS__Storage__Postgres",
    };

    /// <summary>Everything else: addresses, modes, paths and switches.</summary>
    public static readonly IReadOnlySet<string> Plain = new HashSet<string>(StringComparer.Ordinal)
    {
        "CHATOPS__GitLab__BaseUrl",
        "CHATOPS__Zadig__BaseUrl",
        "CHATOPS__Slack__Mode",
        "CHATOPS__Tracking__PublicBaseUrl",
        "CHATOPS__Storage__Provider",
        "CHATOPS__Storage__Sqlite",
        "CHATOPS__Kubernetes__InCluster",
        "CHATOPS__Sandbox__Enabled",
        "CHATOPS__Http__Urls",
        "CHATOPS__Catalog__Path",
        "CHATOPS__Policy__Path",
        "CHATOPS__Language__ModelPath",
    };

    public static bool IsKnown(string name) => Secret.Contains(name) || Plain.Contains(name);
}

using System.Text;

namespace ChatOps.Sandbox;

public sealed partial class SandboxHost
{
    /// <summary>A human-readable summary of addresses and credentials, for <c>chatops sandbox</c> to print.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.AppendLine($"GitLab      {GitLabApiUrl}  PRIVATE-TOKEN: {Tokens.GitLabToken}  (read-only: {Tokens.GitLabReadOnlyToken})");
        text.AppendLine($"            trigger token: {Tokens.GitLabTriggerToken}  hooks → {GitLab.HookUrl?.ToString() ?? "(none)"}  X-Gitlab-Token: {Tokens.GitLabHookSecret}");
        text.AppendLine($"Zadig       {ZadigUrl}  Authorization: Bearer {Tokens.ZadigToken}");
        text.AppendLine($"            webhook → {Zadig.HookUrl?.ToString() ?? "(none)"}  X-Zadig-Token: {Tokens.ZadigHookSecret}");
        text.AppendLine($"Kubernetes  {KubernetesUrl}  token: {Tokens.KubeToken}");
        text.AppendLine($"            KUBECONFIG={KubeconfigPath}");
        return text.ToString();
    }
}

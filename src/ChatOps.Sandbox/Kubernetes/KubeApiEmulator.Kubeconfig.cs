namespace ChatOps.Sandbox.Kubernetes;

public sealed partial class KubeApiEmulator
{
    /// <summary>Writes a kubeconfig (context "sandbox", bearer token, plain http) that BuildConfigFromConfigFile accepts; returns the path.</summary>
    public string WriteKubeconfig(string path, string defaultNamespace = "dev")
    {
        var server = BaseAddress.ToString().TrimEnd('/');
        var text = $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: sandbox
              cluster:
                server: {server}
            users:
            - name: sandbox
              user:
                token: {_options.Tokens.KubeToken}
            contexts:
            - name: sandbox
              context:
                cluster: sandbox
                user: sandbox
                namespace: {defaultNamespace}
            current-context: sandbox

            """;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, text);
        return path;
    }
}

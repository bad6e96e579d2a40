namespace ChatOps.Sandbox.Hosting;

/// <summary>A deploy job that passed: which image now runs for a service in an environment (= Kubernetes namespace).</summary>
internal sealed record ServiceDeployment(string Env, string Service, string Image);

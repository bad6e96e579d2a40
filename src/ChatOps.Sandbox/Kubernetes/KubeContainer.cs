namespace ChatOps.Sandbox.Kubernetes;

/// <summary>A container of a pod template: name, image and the port it serves.</summary>
internal sealed record KubeContainer(string Name, string Image, int Port);

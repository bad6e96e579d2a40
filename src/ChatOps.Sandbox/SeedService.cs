namespace ChatOps.Sandbox;

/// <summary>One service of the seed: a GitLab project in Group, a Zadig service and a Deployment in every namespace.</summary>
/// <param name="Name">The service, project and deployment name (label app=Name).</param>
/// <param name="Group">The GitLab group that owns the project.</param>
public sealed record SeedService(string Name, string Group);

using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Executors;

/// <summary>What <see cref="ServiceCollectionExtensions.AddExecutors"/> registered: the HTTP client builders, to add handlers (tests inject faults here).</summary>
/// <remarks>Handlers added through these builders run inside the resilience handler, between it and the network.</remarks>
public sealed class ExecutorsBuilder(IServiceCollection services, IHttpClientBuilder gitLab, IHttpClientBuilder zadig)
{
    /// <summary>The service collection the executors were added to.</summary>
    public IServiceCollection Services { get; } = services;

    /// <summary>The HTTP client behind <see cref="GitLab.IGitLabApi"/>.</summary>
    public IHttpClientBuilder GitLab { get; } = gitLab;

    /// <summary>The HTTP client behind <see cref="Zadig.IZadigApi"/>.</summary>
    public IHttpClientBuilder Zadig { get; } = zadig;
}

using ChatOps.Core.Catalog;
using ChatOps.Core.Parsing;
using ChatOps.Language.Model;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Language;

/// <summary>Registers the language layer.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Adds the intent classifier (loaded once, card checked) and <see cref="IMessageParser"/>; needs a <see cref="ServiceCatalog"/>.</summary>
    public static IServiceCollection AddLanguage(this IServiceCollection services, LanguageOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(_ => IntentClassifier.Load(options.ModelPath));
        services.AddSingleton(sp => new MessageParser(sp.GetRequiredService<ServiceCatalog>(), sp.GetRequiredService<IntentClassifier>()));
        services.AddSingleton<IMessageParser>(sp => sp.GetRequiredService<MessageParser>());
        return services;
    }
}

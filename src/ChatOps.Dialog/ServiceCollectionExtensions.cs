using ChatOps.Core.Chat;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Dialog;

/// <summary>Registers the dialog.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Adds <see cref="TurnHandler"/> as the <see cref="ITurnHandler"/>; needs the parser, executor, stores, catalog and a TimeProvider.</summary>
    public static IServiceCollection AddDialog(this IServiceCollection services, DialogOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<TurnHandler>();
        services.AddSingleton<ITurnHandler>(sp => sp.GetRequiredService<TurnHandler>());
        return services;
    }
}

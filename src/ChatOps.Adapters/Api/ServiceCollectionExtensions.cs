using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatOps.Adapters.Api;

/// <summary>The command API's registration call for the composition root.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates the <c>Api</c> section at start (every token at least 24 characters, with a user, none twice) and registers the
    /// authenticator; map the endpoints with <see cref="CommandApiEndpoints.MapCommandApi"/>. The caller registers ITurnHandler, IRunStore, IAuditLog.
    /// </summary>
    public static IServiceCollection AddCommandApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection("Api"))
            .Validate(o => o.Tokens.All(t => t.Token.Length >= 24), "Api:Tokens: every Token must be at least 24 characters (set it from CHATOPS__Api__Tokens__N__Token).")
            .Validate(o => o.Tokens.All(t => t.User.Length > 0 && !t.User.Any(c => char.IsWhiteSpace(c) || c == '/')), "Api:Tokens: every token needs a User without spaces or '/' (the id the policy sees).")
            .Validate(o => o.Tokens.Select(t => t.Token).Distinct(StringComparer.Ordinal).Count() == o.Tokens.Count, "Api:Tokens: a token is listed twice.")
            .Validate(o => o.MaxBodyBytes is >= 256 and <= 1024 * 1024, "Api:MaxBodyBytes must be between 256 and 1048576.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ApiAuthenticator>();
        return services;
    }
}

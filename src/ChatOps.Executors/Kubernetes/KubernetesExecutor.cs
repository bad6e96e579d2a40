using System.Net;
using System.Text.Json;
using ChatOps.Core.Catalog;
using ChatOps.Executors.Chat;
using ChatOps.Executors.Resilience;
using k8s;
using k8s.Autorest;

namespace ChatOps.Executors.Kubernetes;

/// <summary>Answers pods, logs, describe, events and rollout questions and restarts or scales Deployments through <see cref="IKubernetes"/>.</summary>
public sealed partial class KubernetesExecutor(IKubernetes client, TimeProvider time)
{
    /// <summary>The backend name in <see cref="Core.Execution.RunHandle"/>s.</summary>
    public const string Backend = "kubernetes";

    private DateTimeOffset Now => time.GetUtcNow();

    private string Age(DateTime? when) => when is { } w ? ChatText.Age(Now - new DateTimeOffset(DateTime.SpecifyKind(w, DateTimeKind.Utc))) : "-";

    private static ExecutorException Explain(Exception ex, string what, string? notFound = null)
    {
        if (ex is not HttpOperationException http)
        {
            return BackendErrors.Explain("Kubernetes", ex, what, _ => "", null, "Kubernetes:KubeconfigPath");
        }

        var message = StatusMessage(http.Response?.Content);
        var sentence = http.Response?.StatusCode switch
        {
            HttpStatusCode.NotFound when notFound is not null => notFound,
            HttpStatusCode.Unauthorized => "The cluster refused the bot's credentials (401); check `Kubernetes:KubeconfigPath` or the service account token.",
            HttpStatusCode.Forbidden => $"The bot's Kubernetes account may not {what}: {message}",
            HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity => $"Kubernetes refused to {what}: {message}",
            { } code when (int)code == 429 || (int)code >= 500 => $"The Kubernetes API failed while the bot tried to {what} ({(int)code}): {message}",
            _ => $"Kubernetes could not {what}: {message}",
        };
        return new ExecutorException(sentence, ex);
    }

    /// <summary>The <c>message</c> of a Kubernetes Status body, or the raw text.</summary>
    private static string StatusMessage(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return "no details";
        }

        try
        {
            using var doc = JsonDocument.Parse(content);
            return doc.RootElement.TryGetProperty("message", out var m) ? m.GetString() ?? content : content;
        }
        catch (JsonException)
        {
            return content.Trim();
        }
    }

    private static string Where(KubernetesBinding target) => $"{ChatText.Code(target.Deployment)} in namespace {ChatText.Code(target.Namespace)}";

    private static string NoDeployment(KubernetesBinding target) =>
        $"There is no deployment {ChatText.Code(target.Deployment)} in namespace {ChatText.Code(target.Namespace)}; check the kubernetes binding in catalog.yaml.";

    private static bool Caller(Exception ex, CancellationToken token) => ex is OperationCanceledException && token.IsCancellationRequested;

    private static bool MayHaveRun(Exception ex, CancellationToken token) =>
        ex is HttpOperationException { Response.StatusCode: var code } ? (int)code >= 500 : Outcome.MayHaveRun(ex, token);
}

using ChatOps.Core.Catalog;
using ChatOps.Core.Commands;
using ChatOps.Core.Parsing;
using ChatOps.Executors.Chat;
using ChatOps.Executors.GitLab;
using ChatOps.Executors.Kubernetes;
using ChatOps.Executors.Zadig;

namespace ChatOps.Executors;

public sealed partial class CommandRouter
{
    /// <summary>The binding of the command's service in its environment, or a sentence saying what is missing.</summary>
    private ServiceBinding Binding(ChatCommand command)
    {
        var service = command.Service is { } s
            ? _catalog.Resolve(EntityNames.Service, s) ?? throw new ExecutorException($"The catalog has no service {ChatText.Code(s)}.")
            : throw new ExecutorException("Which service?");
        var environment = command.Environment is { } e
            ? _catalog.Resolve(EntityNames.Environment, e) ?? throw new ExecutorException($"The catalog has no environment {ChatText.Code(e)}.")
            : throw new ExecutorException($"Which environment should {ChatText.Code(service)} be in?");
        return _catalog.FindBinding(service, environment)
            ?? throw new ExecutorException($"The catalog does not say how {ChatText.Code(service)} is deployed or run in {ChatText.Code(environment)}; add a binding for it.");
    }

    private static Placeholders Values(ChatCommand command, ServiceBinding? binding) =>
        new(binding?.Service ?? command.Service, binding?.Environment ?? command.Environment, command.Slots.Ref ?? binding?.GitLab?.Ref);

    private (GitLabExecutor Executor, GitLabBinding Binding) GitLabOf(ServiceBinding binding) =>
        binding.GitLab is not { } gitlab ? throw new ExecutorException($"{ChatText.Code(binding.Service)} has no GitLab pipeline in {ChatText.Code(binding.Environment)}.")
        : _gitLab is null ? throw new ExecutorException("No GitLab is configured (GitLab:BaseUrl), so the bot cannot run its pipelines.")
        : (_gitLab, gitlab);

    private (ZadigExecutor Executor, ZadigBinding Binding) ZadigOf(ServiceBinding binding) =>
        binding.Zadig is not { } zadig ? throw new ExecutorException($"{ChatText.Code(binding.Service)} has no Zadig workflow in {ChatText.Code(binding.Environment)}.")
        : _zadig is null ? throw new ExecutorException("No Zadig is configured (Zadig:BaseUrl), so the bot cannot run workflows.")
        : (_zadig, zadig);

    private DeployBackend DeployOf(ServiceBinding binding) => binding.Deploy
        ?? throw new ExecutorException($"{ChatText.Code(binding.Service)} has no GitLab or Zadig binding in {ChatText.Code(binding.Environment)}, so the bot cannot deploy it.");

    /// <summary>pipeline.run prefers the GitLab pipeline when there is one; deploy follows the binding's <c>deploy</c>.</summary>
    private DeployBackend RunBackend(ChatCommand command, ServiceBinding binding) =>
        command.Intent == IntentNames.PipelineRun && binding.GitLab is not null && _gitLab is not null ? DeployBackend.GitLab : DeployOf(binding);

    /// <summary>A named workflow from <c>zadig_workflows</c> (filled with the command's slots), else the service's own Zadig binding.</summary>
    private (ZadigBinding Binding, Placeholders Values) Workflow(ChatCommand command)
    {
        if (command.Slots.Workflow is { } name)
        {
            var entry = _catalog.FindZadigWorkflow(name) ?? throw new ExecutorException($"The catalog lists no Zadig workflow {ChatText.Code(name)}"
                + (Suggest.Closest(name, _catalog.ZadigWorkflows.Select(w => w.Name)) is { } closest ? $"; did you mean {ChatText.Code(closest)}?" : "; add it under zadig_workflows."));
            var binding = command.Service is not null && command.Environment is not null ? _catalog.FindBinding(
                _catalog.Resolve(EntityNames.Service, command.Service) ?? command.Service,
                _catalog.Resolve(EntityNames.Environment, command.Environment) ?? command.Environment) : null;
            var values = new Placeholders(
                command.Service is { } s ? _catalog.Resolve(EntityNames.Service, s) ?? s : null,
                command.Environment is { } e ? _catalog.Resolve(EntityNames.Environment, e) ?? e : null,
                command.Slots.Ref ?? binding?.GitLab?.Ref);
            return (entry.Binding, values);
        }

        var bound = Binding(command);
        return (ZadigOf(bound).Binding, Values(command, bound));
    }

    /// <summary>The Deployment to look at: the binding's, with the namespace the person named (if any) instead.</summary>
    private KubernetesBinding KubeTarget(ChatCommand command)
    {
        var binding = Binding(command);
        var target = binding.Kubernetes
            ?? throw new ExecutorException($"The catalog has no kubernetes binding for {ChatText.Code(binding.Service)} in {ChatText.Code(binding.Environment)}.");
        return command.Slots.Namespace is { Length: > 0 } ns ? target with { Namespace = ns } : target;
    }

    /// <summary>The namespace of an events question: named, else the service's, else the one namespace the environment's bindings use.</summary>
    private string EventsNamespace(ChatCommand command)
    {
        if (command.Slots.Namespace is { Length: > 0 } named)
        {
            return named;
        }

        if (command.Service is not null)
        {
            return KubeTarget(command).Namespace;
        }

        var environment = command.Environment is { } e ? _catalog.Resolve(EntityNames.Environment, e) ?? e : throw new ExecutorException("Which environment or namespace?");
        var namespaces = _catalog.Bindings.Where(b => b.Environment == environment && b.Kubernetes is not null)
            .Select(b => b.Kubernetes!.Namespace).Distinct(StringComparer.Ordinal).ToList();
        return namespaces.Count == 1 ? namespaces[0]
            : namespaces.Count == 0 ? throw new ExecutorException($"The catalog binds no namespace to {ChatText.Code(environment)}.")
            : throw new ExecutorException($"{ChatText.Code(environment)} spans namespaces {string.Join(", ", namespaces.Select(ChatText.Code))}; say which.");
    }

    private KubernetesExecutor Kube => _kubernetes ?? throw new ExecutorException("No Kubernetes cluster is configured.");

    private static LogRequest Logs(ChatCommand command) => new(command.Slots.Pod, null, command.Slots.Lines, command.Slots.Since);
}

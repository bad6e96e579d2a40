namespace ChatOps.Language.Recognizers;

/// <summary>The words around a value that say what it is ("pipeline 4512", "5 replicas", "namespace work").</summary>
internal static class Cues
{
    public static readonly string[] RefBefore = ["branch", "tag", "ref", "commit", "sha", "revision", "version", "分支", "标签", "版本", "提交"];
    public static readonly string[] RefAfter = ["branch", "tag", "分支", "标签", "版本"];
    public static readonly string[] LooseRefBefore = ["on", "from", "at", "在", "用"];
    public static readonly string[] KnownBranches = ["main", "master", "develop", "trunk"];
    public static readonly string[] BranchPrefixes =
        ["feature", "feat", "fix", "bugfix", "hotfix", "release", "rel", "chore", "topic", "bug", "hf", "refs", "exp", "users", "user", "dependabot", "renovate"];

    public static readonly string[] NamespaceBefore = ["namespace", "ns", "-n", "--namespace", "命名空间", "名字空间", "名称空间"];
    public static readonly string[] NamespaceAfter = ["namespace", "ns", "命名空间", "名字空间"];
    public static readonly string[] PodBefore = ["pod", "pods", "容器组"];
    public static readonly string[] WorkflowBefore = ["workflow", "workflows", "wf", "zadig", "工作流"];
    public static readonly string[] WorkflowAfter = ["workflow", "wf", "工作流", "流水线", "的工作流", "的流水线"];

    public static readonly string[] PipelineBefore = ["pipeline", "pipelines", "pipe", "build", "job", "id", "run", "流水线", "构建", "任务", "编号"];
    public static readonly string[] PipelineAfter = ["号流水线", "号", "这个流水线", "这条流水线", "的流水线", "流水线", "pipeline"];
    public static readonly string[] ReplicasAfter = ["replicas", "replica", "pods", "pod", "instances", "instance", "copies", "nodes", "副本", "个副本", "实例", "个实例", "台", "个pod"];
    public static readonly string[] LinesAfter = ["lines", "line", "ln", "rows", "行", "条"];
    public static readonly string[] LastBefore = ["last", "tail", "latest", "final", "最后", "最近", "末尾", "后", "尾部"];

    /// <summary>Words that look like names next to a cue but never are one.</summary>
    public static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "this", "that", "my", "our", "its", "it", "in", "on", "of", "for", "to", "from", "and", "or",
        "status", "run", "start", "latest", "last", "new", "all", "any", "default", "custom", "zadig", "workflow",
        "workflows", "pipeline", "pipelines", "please", "pls", "is", "was", "with", "which", "what", "current", "same",
        "namespace", "ns", "pod", "pods", "wf", "branch", "tag", "ref", "commit", "job", "jobs", "build", "the-",
        "k8s", "kubernetes", "cluster", "logs", "log", "events", "deployment", "deploy", "task", "tasks", "up", "down",
        "wrong", "right", "other", "old", "previous", "next", "trigger", "kick", "execute", "launch", "rerun", "retry",
        "cancel", "stop", "check", "show", "get", "see", "your", "their", "his", "her", "whole", "entire", "failed",
        "failing", "broken", "stuck", "running", "release", "nightly", "daily", "prod", "production", "staging",
        "are", "were", "you", "we", "i", "still", "have", "has", "did", "do", "does", "been", "started", "in-progress",
    };

    /// <summary>Namespaces every cluster has, recognized without a cue.</summary>
    public static readonly HashSet<string> WellKnownNamespaces = new(StringComparer.Ordinal)
    {
        "kube-system", "kube-public", "kube-node-lease", "ingress-nginx", "cert-manager", "istio-system", "argocd",
        "monitoring", "logging", "gitlab-runner",
    };

    /// <summary>Path segments that make "a/b" ordinary words ("service/env"), not a GitLab project.</summary>
    public static readonly HashSet<string> NotPathSegments = new(StringComparer.Ordinal)
    {
        "service", "services", "svc", "env", "envs", "environment", "environments", "app", "apps", "ns", "pod", "pods",
        "and", "or", "yes", "no", "y", "n", "ok", "on", "off", "true", "false", "deploy", "rollback", "build", "test",
    };
}

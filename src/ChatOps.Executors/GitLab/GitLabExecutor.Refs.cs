using System.Net;
using System.Text.RegularExpressions;
using ChatOps.Executors.Chat;
using Refit;

namespace ChatOps.Executors.GitLab;

public sealed partial class GitLabExecutor
{
    private const int SuggestionPages = 3;

    /// <summary>Says whether <paramref name="reference"/> is a branch or a tag of the project, or throws a sentence with the closest name.</summary>
    internal async Task<string> CheckRefAsync(GitLabProject project, string reference, CancellationToken cancellationToken)
    {
        try
        {
            if (!LooksLikeTag(reference) && await BranchExistsAsync(project, reference, cancellationToken).ConfigureAwait(false))
            {
                return "branch";
            }

            var tags = await _api.ListTagsAsync(Id(project), reference, 1, 100, cancellationToken).ConfigureAwait(false);
            using (tags)
            {
                if (tags.Error is { } error)
                {
                    throw error;
                }

                if (tags.Content?.Any(t => t.Name == reference) == true)
                {
                    return "tag";
                }
            }

            if (LooksLikeTag(reference) && await BranchExistsAsync(project, reference, cancellationToken).ConfigureAwait(false))
            {
                return "branch";
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw Explain(ex, $"look up {ChatText.Code(reference)} in {project.PathWithNamespace}");
        }

        throw new ExecutorException(await NoSuchRefAsync(project, reference, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>"There is no branch `featur/x` in shop/checkout; did you mean `feature/x`?"</summary>
    internal async Task<string> NoSuchRefAsync(GitLabProject project, string reference, CancellationToken cancellationToken)
    {
        var kind = LooksLikeTag(reference) ? "tag" : "branch";
        string? closest = null;
        try
        {
            var branches = await GitLabPaging.AllAsync(
                page => _api.ListBranchesAsync(Id(project), null, page, 100, cancellationToken), SuggestionPages).ConfigureAwait(false);
            var tags = await GitLabPaging.AllAsync(
                page => _api.ListTagsAsync(Id(project), null, page, 100, cancellationToken), SuggestionPages).ConfigureAwait(false);
            closest = Suggest.Closest(reference, branches.Select(b => b.Name).Concat(tags.Select(t => t.Name)));
        }
        catch (ApiException)
        {
            // why: the missing ref is the news; a failed suggestion lookup only loses the hint
        }

        return $"There is no {kind} {ChatText.Code(reference)} in {project.PathWithNamespace}"
            + (closest is null ? "." : $"; did you mean {ChatText.Code(closest)}?");
    }

    private async Task<bool> BranchExistsAsync(GitLabProject project, string reference, CancellationToken cancellationToken)
    {
        try
        {
            await _api.GetBranchAsync(Id(project), reference, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private static bool LooksLikeTag(string reference) => TagShape().IsMatch(reference);

    [GeneratedRegex(@"^v?\d+(\.\d+)+")]
    private static partial Regex TagShape();
}

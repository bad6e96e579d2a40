namespace ChatOps.Core.Catalog;

/// <summary>Thrown when a catalog file is invalid; <see cref="Errors"/> lists every problem with its line.</summary>
public sealed class CatalogException(string path, IReadOnlyList<string> errors)
    : Exception($"{path} is not a valid catalog:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", errors))
{
    /// <summary>Each problem as "line N: what is wrong and what to do".</summary>
    public IReadOnlyList<string> Errors { get; } = errors;
}

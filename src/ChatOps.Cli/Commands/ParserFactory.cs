using ChatOps.Core.Catalog;
using ChatOps.Language;
using ChatOps.Language.Model;

namespace ChatOps.Cli.Commands;

/// <summary>Builds the message parser from a catalog and a model file, turning load failures into one clear line.</summary>
internal static class ParserFactory
{
    public static MessageParser? TryCreate(string catalogPath, string modelPath, TextWriter error)
    {
        try
        {
            return new MessageParser(CatalogLoader.Load(catalogPath), IntentClassifier.Load(modelPath));
        }
        catch (Exception ex) when (ex is CatalogException or ModelCardException or IOException or UnauthorizedAccessException or InvalidOperationException or FormatException)
        {
            error.WriteLine($"chatops: {ex.Message}");
            return null;
        }
    }
}

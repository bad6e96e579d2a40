using ChatOps.Core.Catalog;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace ChatOps.Dialog.Policy;

/// <summary>Reads policy.yaml (docs/policy.md), checking names against the intents and the catalog and reporting every problem with its line.</summary>
public static partial class PolicyLoader
{
    /// <summary>Loads and validates the policy at <paramref name="path"/>.</summary>
    /// <exception cref="PolicyException">The file is missing or invalid; the message lists every problem.</exception>
    public static PolicyOptions Load(string path, ServiceCatalog catalog)
    {
        if (!File.Exists(path)) throw new PolicyException(path, ["the file does not exist; set Policy:Path to a policy.yaml (docs/policy.md)"]);
        return Parse(File.ReadAllText(path), catalog, path);
    }

    /// <summary>Parses policy YAML text; <paramref name="source"/> names it in error messages.</summary>
    public static PolicyOptions Parse(string yaml, ServiceCatalog catalog, string source = "policy")
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            throw new PolicyException(source, [$"line {ex.Start.Line}: {ex.Message}"]);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new PolicyException(source, ["line 1: the policy must be a mapping with at least 'roles'"]);
        }

        var reader = new PolicyReader(catalog);
        var policy = reader.Read(root);
        if (reader.Errors.Count > 0) throw new PolicyException(source, reader.Errors);
        return policy;
    }
}

using System.Text.RegularExpressions;

namespace ChatOps.Core.Catalog;

/// <summary>The service and environment a binding template is read for; null for templates filled at run time.</summary>
internal sealed partial record BindingScope(string? Service, string? Environment)
{
    private static readonly string[] Known = ["service", "environment", "ref"];

    /// <summary>" (service x, environment y)" for messages about one resolved binding, else empty.</summary>
    public string For => Service is null ? "" : $" (service {Service}, environment {Environment})";

    /// <summary>Fills {service} and {environment}; keeps {ref}, or reports it where <paramref name="allowRef"/> is false; reports unknown placeholders.</summary>
    public string Fill(string text, long line, bool allowRef, List<string> errors)
    {
        foreach (Match m in Placeholder().Matches(text))
        {
            var name = m.Groups[1].Value;
            if (!Known.Contains(name))
            {
                errors.Add($"line {line}: unknown placeholder '{{{name}}}'; use {{service}}, {{environment}} or {{ref}}");
            }
            else if (name == "ref" && !allowRef)
            {
                errors.Add($"line {line}: '{{ref}}' cannot be used here; only in variables, parameters and inputs");
            }
        }

        return Service is null ? text : text.Replace("{service}", Service, StringComparison.Ordinal).Replace("{environment}", Environment, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Placeholder();
}

using System.Globalization;
using System.Reflection;

namespace ChatOps.Storage.Migrations;

/// <summary>The ordered migrations embedded in this assembly as <c>Migrations/NNN_name.sql</c>.</summary>
internal static class MigrationCatalog
{
    private const string Prefix = "Migrations/";

    /// <summary>Every migration of this build, by ascending version.</summary>
    public static IReadOnlyList<Migration> All { get; } = Load(typeof(MigrationCatalog).Assembly);

    /// <summary>The highest version this build knows.</summary>
    public static int Latest => All[^1].Version;

    private static List<Migration> Load(Assembly assembly)
    {
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Read(assembly, name))
            .OrderBy(m => m.Version)
            .ToList();
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
                throw new InvalidOperationException($"Migrations must be numbered 1, 2, 3 … without gaps or duplicates; found {migrations[i].Name} as number {i + 1}.");
        }
        return migrations.Count > 0 ? migrations : throw new InvalidOperationException("No embedded migrations found.");
    }

    private static Migration Read(Assembly assembly, string resourceName)
    {
        var fileName = resourceName[Prefix.Length..^".sql".Length];
        var underscore = fileName.IndexOf('_', StringComparison.Ordinal);
        if (underscore <= 0 || !int.TryParse(fileName[..underscore], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            throw new InvalidOperationException($"Migration '{resourceName}' must be named NNN_description.sql.");
        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream);
        return new Migration(version, fileName, reader.ReadToEnd());
    }
}

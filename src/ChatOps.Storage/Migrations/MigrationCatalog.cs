using System.Globalization;
using System.Reflection;

namespace ChatOps.Storage.Migrations;

/// <summary>
/// The ordered migrations embedded in this assembly: SQLite's as <c>Migrations/NNN_name.sql</c> and PostgreSQL's
/// as <c>Migrations/Postgres/NNN_name.sql</c>, where the same number means the same change in each dialect.
/// </summary>
internal static class MigrationCatalog
{
    private const string SqlitePrefix = "Migrations/";
    private const string PostgresPrefix = "Migrations/Postgres/";

    /// <summary>Every SQLite migration of this build, by ascending version.</summary>
    public static IReadOnlyList<Migration> All { get; } = Load(typeof(MigrationCatalog).Assembly, SqlitePrefix);

    /// <summary>The highest SQLite version this build knows.</summary>
    public static int Latest => All[^1].Version;

    /// <summary>Every PostgreSQL migration of this build, by ascending version.</summary>
    public static IReadOnlyList<Migration> Postgres { get; } = Load(typeof(MigrationCatalog).Assembly, PostgresPrefix);

    private static List<Migration> Load(Assembly assembly, string prefix)
    {
        // why: the SQLite prefix is also the start of the Postgres one, so a name with a further '/' belongs to a subfolder.
        var migrations = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal)
                && !name[prefix.Length..].Contains('/', StringComparison.Ordinal))
            .Select(name => Read(assembly, prefix, name))
            .OrderBy(m => m.Version)
            .ToList();
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
                throw new InvalidOperationException($"Migrations must be numbered 1, 2, 3 … without gaps or duplicates; found {prefix}{migrations[i].Name} as number {i + 1}.");
        }
        return migrations.Count > 0 ? migrations : throw new InvalidOperationException($"No embedded migrations found under {prefix}.");
    }

    private static Migration Read(Assembly assembly, string prefix, string resourceName)
    {
        var fileName = resourceName[prefix.Length..^".sql".Length];
        var underscore = fileName.IndexOf('_', StringComparison.Ordinal);
        if (underscore <= 0 || !int.TryParse(fileName[..underscore], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            throw new InvalidOperationException($"Migration '{resourceName}' must be named NNN_description.sql.");
        using var stream = assembly.GetManifestResourceStream(resourceName)!;
        using var reader = new StreamReader(stream);
        return new Migration(version, fileName, reader.ReadToEnd());
    }
}

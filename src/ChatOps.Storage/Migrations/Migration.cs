namespace ChatOps.Storage.Migrations;

/// <summary>One numbered schema change; versions start at 1 and have no gaps.</summary>
internal sealed record Migration(int Version, string Name, string Sql);

using System.Text.RegularExpressions;

namespace ChatOps.Executors.Tests.Support;

/// <summary>Assertions on chat replies that do not depend on column widths.</summary>
public static class TextAssert
{
    /// <summary>Some line of <paramref name="text"/> holds exactly these cells, separated by runs of spaces.</summary>
    public static void HasRow(string text, params string[] cells)
    {
        var pattern = "^" + string.Join(@"\s{2,}", cells.Select(Regex.Escape)) + @"\s*$";
        Assert.True(text.Split('\n').Any(line => Regex.IsMatch(line, pattern)), $"no row [{string.Join(" | ", cells)}] in:\n{text}");
    }

    /// <summary>Every line of the table in <paramref name="text"/> is as wide as its column layout: cells start at the same offsets.</summary>
    public static void IsAligned(string text, string firstHeader)
    {
        var lines = text.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith(firstHeader, StringComparison.Ordinal));
        Assert.True(start > 0 && lines[start - 1] == "```", $"no table starting with {firstHeader} in:\n{text}");
        var header = lines[start];
        var offsets = Regex.Matches(header, @"(?<=\s{2})\S").Select(m => m.Index).ToList();
        foreach (var row in lines.Skip(start + 1).TakeWhile(l => l != "```"))
        {
            Assert.All(offsets.Where(o => o < row.Length), o => Assert.True(row[o - 1] == ' ', $"row not aligned at {o}: {row}"));
        }
    }
}

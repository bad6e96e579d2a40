using System.Diagnostics;

namespace ChatOps.Executors.Tests.Tracking;

/// <summary>The real webhook payloads of go-gitlab's testdata, read from the Debian package that ships them (the Makefile's test-deps installs it).</summary>
public static class GoGitLabFixtures
{
    public const string Package = "golang-github-xanzy-go-gitlab-dev";

    private static readonly Lazy<string?> Folder = new(Find);

    /// <summary>The text of <c>testdata/webhooks/{name}</c>; fails the test with the package to install when it is missing.</summary>
    public static string Read(string name)
    {
        var folder = Folder.Value;
        Assert.True(folder is not null,
            $"go-gitlab's webhook fixtures are missing: install the Debian package {Package} (apt-get install -y {Package}; `make test` does it).");
        return File.ReadAllText(Path.Combine(folder, name));
    }

    private static string? Find()
    {
        const string known = "/usr/share/gocode/src/github.com/xanzy/go-gitlab/testdata/webhooks";
        if (File.Exists(Path.Combine(known, "pipeline.json")))
        {
            return known;
        }

        try
        {
            using var dpkg = Process.Start(new ProcessStartInfo("dpkg", ["-L", Package]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var listed = dpkg.StandardOutput.ReadToEnd();
            dpkg.WaitForExit();
            return listed.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.EndsWith("testdata/webhooks/pipeline.json", StringComparison.Ordinal)) is { } file
                ? Path.GetDirectoryName(file)
                : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}

using System.Globalization;

namespace ChatOps.Soak;

/// <summary>What one soak run does: how many turns by how many people, how often the bot is killed, and how hard the backends fail.</summary>
internal sealed record SoakOptions
{
    public int Turns { get; init; } = 10_000;

    public int Users { get; init; } = 50;

    /// <summary>About this many turns between two kills of the bot process (drawn ±40%); by default 15% of the turns, so every run has about six.</summary>
    public int? RestartEvery { get; init; }

    public int KillEvery => RestartEvery ?? Math.Max(30, Turns * 3 / 20);

    public int Seed { get; init; } = 20261202;

    /// <summary>Share of GitLab, Zadig and Kubernetes requests answered 500, and answered 429.</summary>
    public double ServerErrorRate { get; init; } = 0.02;

    public double RateLimitRate { get; init; } = 0.02;

    /// <summary>Share of GitLab and Zadig webhooks dropped on the way to the bot.</summary>
    public double DropRate { get; init; } = 0.10;

    /// <summary>How long a person waits for an answer before trying again.</summary>
    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Tries per turn (the first one included) before the conversation counts as lost.</summary>
    public int Attempts { get; init; } = 4;

    /// <summary>After the load stops, how long every run has to show its end in chat.</summary>
    public TimeSpan SettleTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Bot processes serving at once. One runs on a SQLite file; more share one PostgreSQL database (a server the harness starts
    /// from Debian's package), each with its own Socket Mode links, and are killed one at a time.</summary>
    public int Replicas { get; init; } = 1;

    /// <summary>Where the figures go: docs/soak.md for one replica, docs/soak-replicas.md for several.</summary>
    public string DocsFile => Replicas > 1 ? "soak-replicas.md" : "soak.md";

    /// <summary>Write <see cref="DocsFile"/> (only for runs of the full size unless --docs is given).</summary>
    public bool WriteDocs { get; init; }

    public static SoakOptions Parse(string[] args)
    {
        var options = new SoakOptions();
        var docs = (bool?)null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int() => int.Parse(Next(), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--turns" => options with { Turns = Int() },
                "--users" => options with { Users = Int() },
                "--restart-every" => options with { RestartEvery = Int() },
                "--seed" => options with { Seed = Int() },
                "--replicas" => options with { Replicas = Math.Max(1, Int()) },
                "--drop-rate" => options with { DropRate = double.Parse(Next(), CultureInfo.InvariantCulture) },
                "--error-rate" => Rates(options, double.Parse(Next(), CultureInfo.InvariantCulture)),
                "--docs" => Set(options, ref docs, true),
                "--no-docs" => Set(options, ref docs, false),
                _ => throw new ArgumentException($"unknown option {args[i]} (--turns N, --users N, --restart-every N, --seed N, --replicas N, --drop-rate R, --error-rate R, --docs, --no-docs)"),
            };
        }

        return options with { WriteDocs = docs ?? options.Turns >= 10_000 };
    }

    private static SoakOptions Rates(SoakOptions options, double rate) => options with { ServerErrorRate = rate, RateLimitRate = rate };

    private static SoakOptions Set(SoakOptions options, ref bool? docs, bool value)
    {
        docs = value;
        return options;
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ChatOps.Storage.Tests.Postgres;

/// <summary>
/// A real PostgreSQL server from Debian's <c>postgresql</c> package, on 127.0.0.1 at a free port in a temporary data folder;
/// started by initdb + pg_ctl (as the <c>postgres</c> user when run as root, which postgres refuses), stopped and deleted on dispose.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private const string Superuser = "chatops";
    private readonly string _bin;
    private readonly string _dataDir;
    private readonly string? _runAs;
    private int _disposed;

    /// <summary>A throwaway server tuned for tests: no fsync, since the data dies with the folder.</summary>
    public PostgresServer() : this(durable: false)
    {
    }

    private PostgresServer(bool durable)
    {
        _bin = FindBinDirectory("/usr/lib/postgresql");
        _runAs = Environment.UserName == "root" ? "postgres" : null;
        // why: the postgres user must reach the folder, and a root TMPDIR (e.g. under /root) would shut it out.
        _dataDir = Path.Combine(_runAs is null ? Path.GetTempPath() : "/tmp", $"chatops-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_dataDir);
        try
        {
            if (_runAs is not null)
                Run("chown", [$"{_runAs}:", _dataDir], asUser: null);
            Run(Path.Combine(_bin, "initdb"), ["-D", _dataDir, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"], _runAs);
            Port = FreePort();
            var settings = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300" +
                (durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
            Run(Path.Combine(_bin, "pg_ctl"), ["-D", _dataDir, "-l", LogPath, "-w", "-t", "60", "-o", settings, "start"], _runAs);
            // why: a test run stopped with Ctrl+C skips the fixture's dispose, and would leave a server behind.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
        }
        catch (Exception e)
        {
            var log = File.Exists(LogPath) ? File.ReadAllText(LogPath) : "(no server log)";
            DeleteDataDirectory();
            throw new InvalidOperationException(
                $"Could not start a PostgreSQL test server from {_bin}: {e.Message}\nServer log:\n{log}\n" +
                "The PostgreSQL tests need a real server (they never pass without one): run `make test-deps`, which installs Debian's 'postgresql'.", e);
        }
    }

    /// <summary>A server that fsyncs each commit as a production one does, for benchmarks.</summary>
    public static PostgresServer StartDurable() => new(durable: true);

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>PostgreSQL's major version, from the bin folder the server runs from.</summary>
    public string Version => Path.GetFileName(Path.GetDirectoryName(_bin))!;

    private string LogPath => Path.Combine(_dataDir, "server.log");

    /// <summary>An Npgsql connection string for <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = Superuser, Database = database }.ConnectionString;

    /// <summary>Creates an empty database and returns its name.</summary>
    public string CreateDatabase()
    {
        var name = $"t_{Guid.NewGuid():N}";
        Admin($"CREATE DATABASE {name}");
        return name;
    }

    /// <summary>Drops a database, closing whatever connections still use it.</summary>
    public void DropDatabase(string name) => Admin($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        try
        {
            Run(Path.Combine(_bin, "pg_ctl"), ["-D", _dataDir, "-m", "immediate", "-w", "stop"], _runAs);
        }
        finally
        {
            DeleteDataDirectory();
        }
    }

    private void Admin(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private void DeleteDataDirectory()
    {
        if (Directory.Exists(_dataDir))
            Directory.Delete(_dataDir, recursive: true);
    }

    /// <summary>The newest <c>root/*/bin</c> holding pg_ctl; throws, saying how to install the server, when there is none.</summary>
    internal static string FindBinDirectory(string root)
    {
        var bins = Directory.Exists(root)
            ? Directory.GetDirectories(root).Select(d => Path.Combine(d, "bin")).Where(b => File.Exists(Path.Combine(b, "pg_ctl"))).ToList()
            : [];
        if (bins.Count == 0)
        {
            var ci = Environment.GetEnvironmentVariable("CI") == "true" ? " (CI=true: this is a failure, not a skip)" : "";
            throw new InvalidOperationException(
                $"No PostgreSQL server found under {root}/*/bin{ci}. The PostgreSQL storage tests start a real server from Debian's " +
                "'postgresql' package: run `make test-deps` (or `apt-get install postgresql`).");
        }
        return bins.OrderBy(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0).Last();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Run(string program, IReadOnlyList<string> arguments, string? asUser)
    {
        var start = new ProcessStartInfo(asUser is null ? program : "runuser")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // why: the postgres user may not be allowed into the test's working directory.
            WorkingDirectory = "/tmp",
        };
        if (asUser is not null)
        {
            foreach (var a in new[] { "-u", asUser, "--", program })
                start.ArgumentList.Add(a);
        }
        foreach (var a in arguments)
            start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(program)} did not finish in 90 s.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with {process.ExitCode}: {stderr.Result.Trim()} {stdout.Result.Trim()}");
    }
}

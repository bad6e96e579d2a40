using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ChatOps.Soak;

/// <summary>`chatops serve --no-sandbox` as a real OS process, on its own SQLite file or on a PostgreSQL database it shares with other
/// replicas: started, SIGKILLed and started again.</summary>
internal sealed class BotProcess : IAsyncDisposable
{
    private readonly SoakWorld _world;
    private readonly string _database;
    private readonly string? _postgres;
    private readonly StreamWriter _log;
    private readonly Lock _gate = new();
    private Process? _process;
    private int _errorLines;

    public BotProcess(SoakWorld world, string folder, string name, string? postgres = null)
    {
        _world = world;
        _postgres = postgres;
        Name = name;
        Directory.CreateDirectory(folder);
        _database = Path.Combine(folder, "chatops.db");
        LogPath = Path.Combine(folder, "bot.log");
        _log = new StreamWriter(LogPath) { AutoFlush = true };
        Address = new Uri($"http://127.0.0.1:{FreePort()}/");
        // why: Ctrl+C or SIGTERM on the harness must not leave a bot running on its own
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill();
    }

    public Uri Address { get; }

    /// <summary>"the bot", or "replica N" when there are several.</summary>
    public string Name { get; }

    public bool Running
    {
        get
        {
            lock (_gate) return _process is { HasExited: false };
        }
    }

    public string DatabasePath => _database;

    public string LogPath { get; }

    /// <summary>Lines the bot logged at Error or Critical level (every start together).</summary>
    public int ErrorLines => Volatile.Read(ref _errorLines);

    /// <summary>Starts the process and waits until /readyz answers 200 (model loaded, store answers, a Slack socket open).</summary>
    public async Task<TimeSpan> StartAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "chatops.dll"), "serve", "--no-sandbox", "--urls", Address.ToString().TrimEnd('/') })
        {
            psi.ArgumentList.Add(arg);
        }

        if (_postgres is null)
        {
            psi.ArgumentList.Add("--db");
            psi.ArgumentList.Add(_database);
        }

        foreach (var (key, value) in _world.BotEnvironment(Address)) psi.Environment[key] = value;
        if (_postgres is not null) (psi.Environment["CHATOPS__Storage__Provider"], psi.Environment["CHATOPS__Storage__Postgres"]) = ("postgres", _postgres);
        psi.Environment["DOTNET_gcServer"] = "0";
        var process = Process.Start(psi) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        lock (_gate) _process = process;
        _world.Connect(Address);
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited) throw new InvalidOperationException($"the bot exited with {process.ExitCode} while starting; see {LogPath}");
            try
            {
                if ((await http.GetAsync("readyz", cancellationToken)).StatusCode == HttpStatusCode.OK) return started.Elapsed;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>SIGKILL, no shutdown: whatever was acknowledged but not finished is gone, as in a crash or an OOM kill.</summary>
    public void Kill()
    {
        Process? process;
        lock (_gate) (process, _process) = (_process, null);
        if (process is null) return;
        lock (_log) _log.WriteLine($"--- soak: SIGKILL pid {process.Id} at {DateTime.UtcNow:O}");
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        process.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await _log.DisposeAsync();
    }

    private void Record(string? line)
    {
        if (line is null) return;
        // why: the health check logs Error while the new process has no Slack socket yet, which is the harness polling /readyz, not a fault
        if ((line.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal) || line.Contains("\"LogLevel\":\"Critical\"", StringComparison.Ordinal))
            && !line.Contains("HealthCheckService", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _errorLines);
        }

        lock (_log) _log.WriteLine(line);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.Sandbox.Hosting;

/// <summary>A bare Kestrel server on 127.0.0.1 that exposes its real base address once started.</summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private Uri? _baseAddress;

    public LoopbackServer(int port, Action<WebApplication> configure)
    {
        // why: the empty builder reads no appsettings or ASPNETCORE_URLS, so the host app cannot redirect us
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(o => o.Listen(IPAddress.Loopback, port));
        builder.Services.AddRouting();
        _app = builder.Build();
        configure(_app);
    }

    public Uri BaseAddress => _baseAddress ?? throw new InvalidOperationException("The emulator is not started.");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _app.StartAsync(cancellationToken).ConfigureAwait(false);
        var addresses = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        _baseAddress = new Uri(addresses.Addresses.First().TrimEnd('/') + "/");
    }

    public async ValueTask DisposeAsync()
    {
        if (_baseAddress is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
    }
}

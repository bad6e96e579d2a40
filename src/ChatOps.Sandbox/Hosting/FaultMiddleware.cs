using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Sandbox.Hosting;

/// <summary>Adds latency, injected 429/5xx and a clock catch-up in front of an emulator's routes.</summary>
internal static class FaultMiddleware
{
    public static void UseSandboxFaults(
        this WebApplication app, FaultKnobs knobs, SimClock clock, Func<HttpContext, FaultKind, Task> writeFault)
    {
        app.Use(async (context, next) =>
        {
            var latency = knobs.Latency;
            if (latency > TimeSpan.Zero)
            {
                // why: network delay is wall-clock time, independent of the simulated clock
                await Task.Delay(latency, context.RequestAborted).ConfigureAwait(false);
            }

            var fault = knobs.Draw();
            if (fault != FaultKind.None)
            {
                await writeFault(context, fault).ConfigureAwait(false);
                return;
            }

            clock.Pump();
            await next(context).ConfigureAwait(false);
        });
    }
}

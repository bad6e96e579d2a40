namespace ChatOps.Executors.Tests.Support;

/// <summary>Sits between the resilience handler and the network: forwards to the emulator, then loses the answer as the plan says.</summary>
public sealed class FaultInjector(FaultPlan plan) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var fault = plan.Take(request);
        if (fault == FaultPlan.FaultKind.Unsent)
        {
            return FaultPlan.Gateway(request);
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var response = await base.SendAsync(request, cancellationToken);
        plan.AddWireTicks(System.Diagnostics.Stopwatch.GetTimestamp() - started);
        plan.OnResponse?.Invoke(response);
        switch (fault)
        {
            case FaultPlan.FaultKind.BadGateway:
                response.Dispose();
                return FaultPlan.Gateway(request);
            case FaultPlan.FaultKind.Hang:
                response.Dispose();
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return FaultPlan.Gateway(request);
            case FaultPlan.FaultKind.ConnectionReset:
                response.Dispose();
                throw new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely (injected).");
            default:
                return response;
        }
    }
}

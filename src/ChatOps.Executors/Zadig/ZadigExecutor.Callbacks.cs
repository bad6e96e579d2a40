using ChatOps.Core.Execution;
using ChatOps.Executors.Tracking;
using Microsoft.Extensions.Options;

namespace ChatOps.Executors.Zadig;

public sealed partial class ZadigExecutor
{
    private readonly RunCallbacks? _callbacks;

    /// <summary>Creates the executor whose product-workflow callbacks (zadig.md §6.2) go to an unguessable per-run URL.</summary>
    public ZadigExecutor(IZadigApi api, IOptions<ZadigOptions> options, RunCallbacks callbacks)
        : this(api, options) => _callbacks = callbacks;

    /// <summary>Where Zadig should report the task of <paramref name="key"/>: the run's own URL when tracking is on, else Zadig:CallbackUrl.</summary>
    internal Uri? CallbackUrlFor(IdempotencyKey key) => _callbacks?.UrlFor(key.Value) ?? _options.CallbackUrl;

    private bool CallsBack => _callbacks?.HasPublicUrl == true || _options.CallbackUrl is not null;
}

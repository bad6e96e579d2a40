namespace ChatOps.Sandbox.Zadig;

/// <summary>A run request Zadig rejects as a plain error (contract §2: HTTP 500, "Internal Error: " + description).</summary>
internal sealed class ZadigInputException(string description) : Exception(description);

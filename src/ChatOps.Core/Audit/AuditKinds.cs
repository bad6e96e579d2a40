namespace ChatOps.Core.Audit;

/// <summary>The kinds of audit rows, one per step a request can take; these strings are stored and never change.</summary>
public static class AuditKinds
{
    public const string Request = "request";
    public const string Question = "question";
    public const string Decision = "decision";
    public const string Confirmation = "confirmation";
    public const string Approval = "approval";
    public const string Cancellation = "cancellation";
    public const string Expiry = "expiry";
    public const string Execution = "execution";
    public const string Result = "result";
    public const string Refusal = "refusal";
    public const string Query = "query";

    /// <summary>Every kind, in the order a request meets them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Request, Question, Decision, Confirmation, Approval, Cancellation, Expiry, Execution, Result, Refusal, Query];
}

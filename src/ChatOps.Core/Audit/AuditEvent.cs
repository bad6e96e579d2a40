namespace ChatOps.Core.Audit;

/// <summary>One thing to put on the audit trail: what happened, who did it, to which request and target, and the rule that decided it.</summary>
/// <param name="Kind">One of <see cref="AuditKinds"/>.</param>
/// <param name="Actor">The user id of whoever acted (the requester, the approver, an API identity, or "system").</param>
/// <param name="Conversation">Where it happened ("workspace/channel/thread"), or the HTTP path for refusals before a conversation exists.</param>
/// <param name="RequestId">The request's id (its idempotency key and run id), when there is a request.</param>
/// <param name="Intent">The command's intent.</param>
/// <param name="Service">The command's services, comma-separated.</param>
/// <param name="Environment">The command's environment.</param>
/// <param name="Ref">The ref the person asked for.</param>
/// <param name="Outcome">"allowed", "refused", "asked", "confirmed", "approved", "started", "succeeded", "failed", …</param>
/// <param name="Rule">The policy rule or check that decided, in words.</param>
/// <param name="Detail">Free text (the request text, the result); secrets are redacted before it is written.</param>
public sealed record AuditEvent(
    string Kind,
    string Actor,
    string Conversation,
    string? RequestId = null,
    string? Intent = null,
    string? Service = null,
    string? Environment = null,
    string? Ref = null,
    string? Outcome = null,
    string? Rule = null,
    string? Detail = null);

using ChatOps.Core.Storage;

namespace ChatOps.Storage.Tests.Contracts;

/// <summary>The stores and the audit log of one replica: one database object, so one connection pool, as one bot process would have.</summary>
public sealed record StoreSet(IConversationStore Conversations, IDefaultsStore Defaults, IIdempotencyStore Claims, IRunStore Runs, IAuditLog Audit, IInboxStore Inbox);

using ChatOps.Core.Chat;
using ChatOps.Storage.Stores;
using Xunit.Abstractions;

namespace ChatOps.Storage.Tests.Sqlite;

public sealed class ConversationRowSizeTests(ITestOutputHelper output) : IDisposable
{
    // why: shaped like ChatOps.Dialog's ConversationJson output (PascalCase, nulls omitted) after a finished deploy.
    private const string IdleState =
        """{"State":"Done","Language":"en","LastOutcome":"Deployed checkout@main to staging: pipeline #48213 succeeded in 3m12s."}""";

    private const string PendingState =
        """
        {"State":"AwaitingConfirmation","Pending":{"Id":"T024BE7LD/C07PAYOPS/1718000000.123456#3","Command":{"Intent":"deploy","Slots":{"Services":["checkout"],"Environment":"staging","Ref":"main"},"Service":"checkout","Environment":"staging"},"RequesterId":"U042ALICE","CreatedAt":"2025-06-01T09:00:00+00:00","ExpiresAt":"2025-06-01T09:05:00+00:00","Plan":"Run the GitLab pipeline of payments/checkout at main with DEPLOY_ENV=staging"},"Language":"en"}
        """;

    private readonly TempDatabase _file = new();

    [Theory]
    [InlineData("idle", IdleState)]
    [InlineData("pending", PendingState)]
    public async Task A_typical_conversation_row_stays_under_two_kilobytes(string kind, string state)
    {
        var store = new SqlConversationStore(_file.Open(), TimeProvider.System);
        await store.SaveAsync(new ConversationKey("T024BE7LD", "C07PAYOPS", "1718000000.123456"), state, 0, null, CancellationToken.None);

        using var raw = _file.OpenRaw();
        var bytes = (long)TempDatabase.Scalar(raw, "SELECT length(CAST(state AS BLOB)) + length(CAST(key AS BLOB)) + 16 FROM conversations")!;
        output.WriteLine($"{kind} conversation row: {bytes} bytes");

        Assert.InRange(bytes, state.Length, 2047);
    }

    public void Dispose() => _file.Dispose();
}

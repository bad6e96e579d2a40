namespace ChatOps.Core.Chat;

/// <summary>Identifies one conversation: a thread in a channel, or a direct-message user (Thread = user id, Channel = "dm").</summary>
public sealed record ConversationKey(string Workspace, string Channel, string Thread)
{
    /// <summary>The stable text form used as a storage key: "workspace/channel/thread".</summary>
    public override string ToString() => $"{Workspace}/{Channel}/{Thread}";
}

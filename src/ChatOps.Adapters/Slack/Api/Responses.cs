namespace ChatOps.Adapters.Slack.Api;

/// <summary>auth.test success fields (§6.2): the bot's own user id and bot id, used to ignore its own messages.</summary>
public sealed record AuthTestResponse : SlackResponse
{
    public string? Url { get; init; }

    public string? Team { get; init; }

    public string? User { get; init; }

    public string? TeamId { get; init; }

    public string? UserId { get; init; }

    public string? BotId { get; init; }
}

/// <summary>apps.connections.open success field (§1.1): the WebSocket URL to connect to once.</summary>
public sealed record ConnectionsOpenResponse : SlackResponse
{
    public string? Url { get; init; }
}

/// <summary>chat.postMessage success fields (§6.2): where the message landed (a D… id when posted to a U… id).</summary>
public sealed record PostMessageResponse : SlackResponse
{
    public string? Channel { get; init; }

    public string? Ts { get; init; }
}

/// <summary>chat.update success fields (§6.2).</summary>
public sealed record UpdateMessageResponse : SlackResponse
{
    public string? Channel { get; init; }

    public string? Ts { get; init; }
}

/// <summary>chat.postEphemeral success field (§6.2); the ts cannot be used with chat.update.</summary>
public sealed record PostEphemeralResponse : SlackResponse
{
    public string? MessageTs { get; init; }
}

/// <summary>users.info success field (§6.2).</summary>
public sealed record UsersInfoResponse : SlackResponse
{
    public SlackUser? User { get; init; }
}

/// <summary>The users.info user object (§6.2); <see cref="SlackUserProfile.Email"/> is absent without users:read.email and for bots.</summary>
public sealed record SlackUser
{
    public string Id { get; init; } = "";

    public string? TeamId { get; init; }

    public string? Name { get; init; }

    public string? RealName { get; init; }

    public bool Deleted { get; init; }

    public bool IsBot { get; init; }

    public SlackUserProfile? Profile { get; init; }
}

/// <summary>The users.info profile (§6.2).</summary>
public sealed record SlackUserProfile
{
    public string? Email { get; init; }

    public string? DisplayName { get; init; }

    public string? RealName { get; init; }
}

/// <summary>files.getUploadURLExternal success fields (contract: docs.slack.dev/reference/methods/files.getUploadURLExternal): POST the bytes to <see cref="UploadUrl"/>.</summary>
public sealed record GetUploadUrlResponse : SlackResponse
{
    /// <summary>Where to POST the file's bytes (raw or multipart); HTTP 200 means uploaded. An absolute URL, not under the Web API base.</summary>
    public string? UploadUrl { get; init; }

    /// <summary>The F… id to complete the upload with.</summary>
    public string? FileId { get; init; }
}

/// <summary>files.completeUploadExternal success field (contract: docs.slack.dev/reference/methods/files.completeUploadExternal): the files shared.</summary>
public sealed record CompleteUploadResponse : SlackResponse
{
    public IReadOnlyList<UploadedFile>? Files { get; init; }
}

/// <summary>conversations.replies (docs.slack.dev/reference/methods/conversations.replies): a page of a thread, parent first.</summary>
public sealed record RepliesResponse : SlackResponse
{
    public List<ThreadMessage> Messages { get; init; } = [];

    public bool HasMore { get; init; }

    public RepliesPaging? ResponseMetadata { get; init; }
}

/// <summary>One message of a thread, with the fields the bot reads.</summary>
public sealed record ThreadMessage(string? Ts, string? ThreadTs, string? BotId, SlackMetadata? Metadata);

/// <summary>The cursor of the next page; empty on the last.</summary>
public sealed record RepliesPaging(string? NextCursor);

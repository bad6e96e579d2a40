using Refit;

namespace ChatOps.Adapters.Slack.Api;

/// <summary>The Slack Web API methods the bot calls (shared/contracts/slack.md §6.2, and the file upload from docs.slack.dev), relative to <c>https://slack.com/api/</c>.</summary>
/// <remarks>The bot token is added by <see cref="SlackAuthHandler"/>; <c>ok:false</c> answers come back as data and <see cref="SlackResponse.EnsureOk"/> turns them into <see cref="SlackApiException"/>.</remarks>
[Headers("Accept: application/json")]
public interface ISlackWebApi
{
    /// <summary>§6.2 auth.test: who the bot token belongs to (bot user id and bot id, for the loop guard).</summary>
    [Post("/auth.test")]
    Task<AuthTestResponse> AuthTestAsync(CancellationToken cancellationToken);

    /// <summary>§1.1 apps.connections.open: a fresh single-use Socket Mode URL; the app-level token goes in the header only.</summary>
    [Post("/apps.connections.open")]
    Task<ConnectionsOpenResponse> OpenConnectionAsync([Authorize("Bearer")] string appToken, CancellationToken cancellationToken);

    /// <summary>§6.2 chat.postMessage (JSON body): posts a message, in a thread when <c>thread_ts</c> is set.</summary>
    [Post("/chat.postMessage")]
    Task<PostMessageResponse> PostMessageAsync([Body] PostMessageRequest request, CancellationToken cancellationToken);

    /// <summary>§6.2 chat.update (JSON body): replaces the text and blocks of a message the bot posted.</summary>
    [Post("/chat.update")]
    Task<UpdateMessageResponse> UpdateMessageAsync([Body] UpdateMessageRequest request, CancellationToken cancellationToken);

    /// <summary>§6.2 chat.postEphemeral (JSON body): a message only <c>user</c> sees; it cannot be updated later.</summary>
    [Post("/chat.postEphemeral")]
    Task<PostEphemeralResponse> PostEphemeralAsync([Body] PostEphemeralRequest request, CancellationToken cancellationToken);

    /// <summary>files.getUploadURLExternal (JSON body; needs files:write): an upload URL and file id for <c>length</c> bytes (contract: docs.slack.dev/reference/methods/files.getUploadURLExternal).</summary>
    [Post("/files.getUploadURLExternal")]
    Task<GetUploadUrlResponse> GetUploadUrlExternalAsync([Body] GetUploadUrlRequest request, CancellationToken cancellationToken);

    /// <summary>files.completeUploadExternal (JSON body; needs files:write): shares uploaded files, once, in a channel or thread (contract: docs.slack.dev/reference/methods/files.completeUploadExternal).</summary>
    [Post("/files.completeUploadExternal")]
    Task<CompleteUploadResponse> CompleteUploadExternalAsync([Body] CompleteUploadRequest request, CancellationToken cancellationToken);

    /// <summary>conversations.replies (GET query; channels:history, groups:history, im:history): a page of the thread of <paramref name="ts"/>,
    /// with each message's metadata when <paramref name="includeAllMetadata"/> is "true" (docs.slack.dev/reference/methods/conversations.replies).</summary>
    [Get("/conversations.replies")]
    Task<RepliesResponse> GetRepliesAsync(string channel, string ts, [AliasAs("include_all_metadata")] string includeAllMetadata, int limit, string? cursor,
        CancellationToken cancellationToken);

    /// <summary>§6.2 users.info (GET query): a user's profile; <c>profile.email</c> needs the users:read.email scope.</summary>
    [Get("/users.info")]
    Task<UsersInfoResponse> GetUserAsync(string user, CancellationToken cancellationToken);
}

namespace ChatOps.Adapters.Slack.Api;

/// <summary>
/// files.getUploadURLExternal arguments (contract: docs.slack.dev/reference/methods/files.getUploadURLExternal; form or JSON body):
/// <see cref="Filename"/> and <see cref="Length"/> in bytes are required (0 answers missing_argument); <see cref="SnippetType"/> is the
/// syntax of a snippet, which may be at most 1 MB (snippet_too_large).
/// </summary>
public sealed record GetUploadUrlRequest(string Filename, long Length, string? SnippetType = null);

/// <summary>
/// files.completeUploadExternal arguments (contract: docs.slack.dev/reference/methods/files.completeUploadExternal; form or JSON body):
/// without <see cref="ChannelId"/> the file stays private; <see cref="ThreadTs"/> must be a thread's parent ts, never a reply's;
/// <see cref="InitialComment"/> is the text of the sharing message. The method may be called once per upload.
/// </summary>
public sealed record CompleteUploadRequest(IReadOnlyList<UploadedFile> Files, string? ChannelId = null, string? ThreadTs = null, string? InitialComment = null);

/// <summary>One entry of files.completeUploadExternal's <c>files</c> argument and answer: the file id and its optional title (same contract).</summary>
public sealed record UploadedFile(string Id, string? Title = null);

using System.Text;

namespace ChatOps.Sandbox.Slack;

/// <summary>
/// A file of the emulated workspace, from files.getUploadURLExternal to its share by files.completeUploadExternal
/// (contract: docs.slack.dev/reference/methods/files.getUploadURLExternal, …/files.completeUploadExternal).
/// </summary>
public sealed class SlackStoredFile
{
    internal SlackStoredFile(string id, string uploadTicket, string filename, long length, string? snippetType)
    {
        Id = id;
        UploadTicket = uploadTicket;
        Filename = filename;
        Length = length;
        SnippetType = snippetType;
    }

    /// <summary>The F… id getUploadURLExternal returned.</summary>
    public string Id { get; }

    /// <summary>The last path segment of its upload_url.</summary>
    internal string UploadTicket { get; }

    /// <summary>The <c>filename</c> argument.</summary>
    public string Filename { get; }

    /// <summary>The <c>length</c> argument (bytes announced).</summary>
    public long Length { get; }

    /// <summary>The <c>snippet_type</c> argument, when given.</summary>
    public string? SnippetType { get; }

    /// <summary>The bytes POSTed to the upload URL, or null while none were.</summary>
    public byte[]? Content { get; internal set; }

    /// <summary>How the bytes came: <c>raw</c> or <c>multipart</c>.</summary>
    public string? UploadedAs { get; internal set; }

    /// <summary>The content as UTF-8 text.</summary>
    public string? Text => Content is null ? null : Encoding.UTF8.GetString(Content);

    /// <summary>The title given to files.completeUploadExternal.</summary>
    public string? Title { get; internal set; }

    /// <summary>Where it was shared (null: completed without channel_id, so private).</summary>
    public string? Channel { get; internal set; }

    /// <summary>The thread it was shared in.</summary>
    public string? ThreadTs { get; internal set; }

    /// <summary>True once files.completeUploadExternal accepted it (it may be called once).</summary>
    public bool Completed { get; internal set; }
}

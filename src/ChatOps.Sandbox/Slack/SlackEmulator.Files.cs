using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatOps.Sandbox.Slack;

/// <summary>
/// Slack's external upload flow, written from docs.slack.dev/reference/methods/files.getUploadURLExternal and
/// …/files.completeUploadExternal (the shared contract has no section for it): get an upload URL and file id, POST the bytes
/// (raw or multipart), then complete the upload once to share the file in a channel or thread.
/// </summary>
public sealed partial class SlackEmulator
{
    // why: "snippets … are limited to 1MB" (snippet_too_large, files.getUploadURLExternal)
    private const long SnippetLimit = 1024 * 1024;

    // why: a subset of Slack's file types; a snippet_type outside it answers unknown_snippet_type
    private static readonly HashSet<string> SnippetTypes = new(StringComparer.Ordinal)
    {
        "auto", "text", "shell", "bash", "json", "yaml", "csv", "diff", "markdown", "python", "javascript", "typescript", "csharp",
        "go", "java", "kotlin", "sql", "xml", "html", "css", "dockerfile", "powershell", "ruby", "rust",
    };

    private readonly Dictionary<string, SlackStoredFile> _files = new(StringComparer.Ordinal);
    private int _fileSeq;

    /// <summary>Every file an upload URL was handed out for, in order.</summary>
    public IReadOnlyList<SlackStoredFile> Files
    {
        get
        {
            lock (_gate) return [.. _files.Values.OrderBy(f => f.Id, StringComparer.Ordinal)];
        }
    }

    /// <summary>The file with this id, or null.</summary>
    public SlackStoredFile? File(string id)
    {
        lock (_gate) return _files.GetValueOrDefault(id);
    }

    private void MapFileUploads(WebApplication app) =>
        app.MapPost("/upload/v1/{ticket}", (HttpContext context, string ticket) => OnUploadAsync(context, ticket));

    /// <summary>files.getUploadURLExternal: <c>filename</c> and <c>length</c> required, <c>snippet_type</c> optional → <c>upload_url</c>, <c>file_id</c>.</summary>
    private JsonObject GetUploadUrl(JsonObject args)
    {
        if (!Options.FilesScope) return MissingScope("files:write");
        if (Str(args, "filename") is not { } filename) return Fail("invalid_arguments");
        if (Length(args["length"]) is not { } length) return Fail("invalid_arguments");
        if (length <= 0) return Fail("missing_argument"); // "Typically only occurs when the length provided is 0."
        var snippetType = Str(args, "snippet_type");
        if (snippetType is not null && !SnippetTypes.Contains(snippetType)) return Fail("unknown_snippet_type");
        if (snippetType is not null && length > SnippetLimit) return Fail("snippet_too_large");

        var file = new SlackStoredFile($"F{Interlocked.Increment(ref _fileSeq):D10}", Guid.NewGuid().ToString("N"), filename, length, snippetType);
        lock (_gate) _files[file.Id] = file;
        Changed();
        return new JsonObject { ["ok"] = true, ["upload_url"] = new Uri(BaseAddress, "upload/v1/" + file.UploadTicket).ToString(), ["file_id"] = file.Id };
    }

    /// <summary>The upload POST: raw bytes or a multipart form; HTTP 200 on success, anything else is a failure (files.getUploadURLExternal usage info).</summary>
    private async Task<IResult> OnUploadAsync(HttpContext context, string ticket)
    {
        SlackStoredFile? file;
        lock (_gate) file = _files.Values.FirstOrDefault(f => f.UploadTicket == ticket && !f.Completed);
        if (file is null) return Hosting.Reply.Text("404 Not Found", 404);
        if (Knobs.FailUploads) return Hosting.Reply.Text("500 Internal Server Error", 500);

        var request = context.Request;
        byte[] content;
        string how;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            if (form.Files.Count == 0) return Hosting.Reply.Text("400 Bad Request: no file part", 400);
            using var part = new MemoryStream();
            await form.Files[0].CopyToAsync(part, context.RequestAborted).ConfigureAwait(false);
            (content, how) = (part.ToArray(), "multipart");
        }
        else
        {
            using var raw = new MemoryStream();
            await request.Body.CopyToAsync(raw, context.RequestAborted).ConfigureAwait(false);
            (content, how) = (raw.ToArray(), "raw");
        }

        lock (_gate) (file.Content, file.UploadedAs) = (content, how);
        Changed();
        return Hosting.Reply.Text(string.Create(CultureInfo.InvariantCulture, $"OK - {content.Length}"));
    }

    /// <summary>files.completeUploadExternal: <c>files</c> [{id, title}] required; <c>channel_id</c>, <c>thread_ts</c>, <c>initial_comment</c> share them.</summary>
    private JsonObject CompleteUpload(JsonObject args)
    {
        if (!Options.FilesScope) return MissingScope("files:write");
        var entries = args["files"] switch
        {
            JsonArray array => array,
            JsonValue text when text.TryGetValue<string>(out var json) => TryParse(json) as JsonArray, // form bodies carry it as a JSON string
            _ => null,
        };
        if (entries is not { Count: > 0 } || entries.Any(e => e is not JsonObject o || Str(o, "id") is null)) return Fail("invalid_arguments");
        if (args["channels"] is not null) return Fail("invalid_arguments"); // this emulator shares with channel_id only

        var channel = Str(args, "channel_id");
        if (channel is not null && !(channel.StartsWith('C') || channel.StartsWith('G') || channel.StartsWith('D'))) return Fail("channel_not_found");
        var threadTs = channel is null ? null : Str(args, "thread_ts");
        var shared = new List<SlackStoredFile>();
        lock (_gate)
        {
            foreach (var entry in entries.Cast<JsonObject>())
            {
                // why: "Could not find the file from the upload ticket" — an unknown id, bytes never POSTed, or completed already (it may be called once)
                if (!_files.TryGetValue(Str(entry, "id")!, out var file) || file.Content is null || file.Completed) return Fail("file_not_found");
                shared.Add(file);
            }

            foreach (var (file, entry) in shared.Zip(entries.Cast<JsonObject>()))
            {
                (file.Completed, file.Title, file.Channel, file.ThreadTs) = (true, Str(entry, "title") ?? file.Filename, channel, threadTs);
            }
        }

        if (channel is not null)
        {
            var message = Store(channel, threadTs, Options.BotUserId, Options.BotId, Str(args, "initial_comment") ?? "", null, m => (m.Subtype, m.Files) = ("file_share", shared));
            EchoOwnMessage(message);
        }

        Changed();
        return new JsonObject
        {
            ["ok"] = true,
            ["files"] = new JsonArray([.. shared.Select(f => (JsonNode)new JsonObject { ["id"] = f.Id, ["title"] = f.Title })]),
        };
    }

    private static long? Length(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<long>(out var n) => n,
        JsonValue v when v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    private static JsonObject MissingScope(string needed) => new() { ["ok"] = false, ["error"] = "missing_scope", ["needed"] = needed, ["provided"] = "chat:write" };
}

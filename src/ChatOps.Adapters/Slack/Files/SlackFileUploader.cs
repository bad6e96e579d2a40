using System.Net;
using System.Net.Http.Headers;
using System.Text;
using ChatOps.Adapters.Slack.Api;
using Microsoft.Extensions.Logging;

namespace ChatOps.Adapters.Slack.Files;

/// <summary>
/// Slack's external upload flow (contract: docs.slack.dev/reference/methods/files.getUploadURLExternal and …/files.completeUploadExternal):
/// get an upload URL, POST the bytes to it, then complete the upload once to share the file. Both Web API calls go through the
/// <see cref="SlackOutbox"/> (429 + Retry-After honoured); a failure is logged and reported as null/false so the caller can fall back.
/// </summary>
public sealed class SlackFileUploader(SlackOutbox outbox, IHttpClientFactory http, ILogger<SlackFileUploader> log)
{
    /// <summary>The named HttpClient for upload URLs: absolute addresses Slack hands out, not under the Web API base, and without our token.</summary>
    public const string HttpClientName = "ChatOps.Slack.Upload";

    // why: "snippets … are limited to 1MB" (snippet_too_large); a bigger file is uploaded as a plain file
    private const int SnippetLimit = 1024 * 1024;

    /// <summary>Steps 1–2: an upload URL for <paramref name="content"/>, then its UTF-8 bytes POSTed raw; null (logged) when either fails.</summary>
    public async Task<StagedFile?> StageAsync(string filename, string content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var bytes = Encoding.UTF8.GetBytes(content);
        if (bytes.Length == 0) return null;
        try
        {
            var request = new GetUploadUrlRequest(filename, bytes.Length, bytes.Length <= SnippetLimit ? "text" : null);
            var answer = await outbox.SendAsync("files.getUploadURLExternal", null, (api, ct) => api.GetUploadUrlExternalAsync(request, ct), cancellationToken).ConfigureAwait(false);
            if (answer.UploadUrl is not { } url || answer.FileId is not { } fileId) throw new SlackApiException("files.getUploadURLExternal", "no_upload_url");

            using var client = http.CreateClient(HttpClientName);
            using var body = new ByteArrayContent(bytes);
            body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            using var response = await client.PostAsync(new Uri(url), body, cancellationToken).ConfigureAwait(false);

            // why: "Slack will return HTTP 200 if the upload is successful; a non-200 response indicates a failure"
            if (response.StatusCode != HttpStatusCode.OK) throw new HttpRequestException($"the upload URL answered {(int)response.StatusCode}", null, response.StatusCode);
            return new StagedFile(fileId, filename);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            SlackLog.UploadFailed(log, ex, filename, "upload");
            return null;
        }
    }

    /// <summary>Step 3: shares a staged file in <paramref name="channel"/> (in the thread whose parent is <paramref name="threadTs"/>); false (logged) when Slack refuses.</summary>
    public async Task<bool> ShareAsync(StagedFile file, string title, string channel, string? threadTs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        try
        {
            var request = new CompleteUploadRequest([new UploadedFile(file.Id, title)], channel, threadTs);
            await outbox.SendAsync("files.completeUploadExternal", channel, (api, ct) => api.CompleteUploadExternalAsync(request, ct), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            SlackLog.UploadFailed(log, ex, file.Filename, "share");
            return false;
        }
    }
}

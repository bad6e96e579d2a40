using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatOps.Sandbox.Slack;

namespace ChatOps.Adapters.Tests.Slack.Emulator;

/// <summary>The emulator's upload flow checked with a plain HttpClient against docs.slack.dev/reference/methods/files.getUploadURLExternal and …/files.completeUploadExternal.</summary>
public class SlackEmulatorFilesTests
{
    private static async Task<JsonObject> CallAsync(HttpClient http, SlackEmulator slack, string method, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, method) { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", slack.Options.BotToken);
        using var response = await http.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private static string? Error(JsonObject answer) => answer["error"]?.GetValue<string>();

    [Fact]
    public async Task Arguments_unknown_files_and_uploads_never_posted_answer_the_documented_errors()
    {
        await using var slack = new SlackEmulator();
        await slack.StartAsync();
        using var http = new HttpClient { BaseAddress = slack.ApiBase };

        Assert.Equal("missing_argument", Error(await CallAsync(http, slack, "files.getUploadURLExternal", new { filename = "a.txt", length = 0 })));
        Assert.Equal("invalid_arguments", Error(await CallAsync(http, slack, "files.getUploadURLExternal", new { length = 3 })));
        Assert.Equal("unknown_snippet_type", Error(await CallAsync(http, slack, "files.getUploadURLExternal", new { filename = "a.txt", length = 3, snippet_type = "klingon" })));
        Assert.Equal("snippet_too_large", Error(await CallAsync(http, slack, "files.getUploadURLExternal", new { filename = "a.txt", length = 2_000_000, snippet_type = "text" })));

        var got = await CallAsync(http, slack, "files.getUploadURLExternal", new { filename = "a.txt", length = 3 });
        var id = got["file_id"]!.GetValue<string>();
        Assert.Equal("file_not_found", Error(await CallAsync(http, slack, "files.completeUploadExternal", new { files = new[] { new { id = "F0NOPE" } }, channel_id = "C0OPS" })));
        Assert.Equal("file_not_found", Error(await CallAsync(http, slack, "files.completeUploadExternal", new { files = new[] { new { id } }, channel_id = "C0OPS" })));
        Assert.Equal("invalid_arguments", Error(await CallAsync(http, slack, "files.completeUploadExternal", new { channel_id = "C0OPS" })));

        using var form = new MultipartFormDataContent { { new ByteArrayContent("abc"u8.ToArray()), "filename", "a.txt" } };
        using var upload = await http.PostAsync(new Uri(got["upload_url"]!.GetValue<string>()), form);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        Assert.Equal("channel_not_found", Error(await CallAsync(http, slack, "files.completeUploadExternal", new { files = new[] { new { id } }, channel_id = "#ops" })));

        var done = await CallAsync(http, slack, "files.completeUploadExternal", new { files = new[] { new { id, title = "A" } }, channel_id = "C0OPS", thread_ts = "1700000000.000100" });
        Assert.Equal((id, "A"), (done["files"]![0]!["id"]!.GetValue<string>(), done["files"]![0]!["title"]!.GetValue<string>()));
        Assert.Equal("file_not_found", Error(await CallAsync(http, slack, "files.completeUploadExternal", new { files = new[] { new { id } }, channel_id = "C0OPS" })));

        var share = Assert.Single(slack.Messages("C0OPS"));
        Assert.Equal(("file_share", "1700000000.000100", "abc", "multipart"), (share.Subtype, share.ThreadTs, share.Files[0].Text, share.Files[0].UploadedAs));
        using var late = await http.PostAsync(new Uri(got["upload_url"]!.GetValue<string>()), new ByteArrayContent([1]));
        Assert.Equal(HttpStatusCode.NotFound, late.StatusCode);
    }
}

using ChatOps.Cli.Hosting;
using ChatOps.Core.Chat;
using ChatOps.Core.Security;
using Microsoft.Extensions.DependencyInjection;

namespace ChatOps.EndToEnd.Tests.Hosting;

/// <summary>Messages posted outside a turn (the tracker's, with failed jobs' log lines) are masked like the dialog's replies.</summary>
public class RedactingChatAdapterTests
{
    private const string Secret = "configured-deploy-secret-0815";

    private sealed class Recording : IChatAdapter
    {
        public List<Reply> Sent { get; } = [];

        public Task<MessageRef?> SendAsync(ConversationKey conversation, Reply reply, MessageRef? thread, CancellationToken cancellationToken)
        {
            Sent.Add(reply);
            return Task.FromResult<MessageRef?>(new MessageRef("C1", "1.0"));
        }

        public Task UpdateAsync(MessageRef message, Reply reply, CancellationToken cancellationToken)
        {
            Sent.Add(reply);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task A_failed_jobs_log_line_with_a_token_is_masked_in_the_live_message_and_the_note()
    {
        var inner = new Recording();
        var chat = new RedactingChatAdapter(inner, new SecretRedactor([Secret]));
        var log = $"$ curl -H 'PRIVATE-TOKEN: glpat-abcdefghijklmnopqrst' …\nError: {Secret} rejected";
        await chat.UpdateAsync(new MessageRef("C1", "1.0"), new Reply("deploy failed after 12s\n" + log, [], RunId: "r1"), CancellationToken.None);
        var posted = await chat.SendAsync(new ConversationKey("T", "C1", "1.0"), new Reply("@alice deploy failed", [], Attachment: log), null, CancellationToken.None);

        Assert.Equal("1.0", posted!.MessageId);
        Assert.Equal(2, inner.Sent.Count);
        Assert.All(inner.Sent, r => Assert.DoesNotContain(Secret, r.Text + r.Attachment, StringComparison.Ordinal));
        Assert.All(inner.Sent, r => Assert.DoesNotContain("glpat-abcdefghijklmnopqrst", r.Text + r.Attachment, StringComparison.Ordinal));
        Assert.Contains("deploy failed after 12s", inner.Sent[0].Text, StringComparison.Ordinal);
        Assert.Equal("r1", inner.Sent[0].RunId);
        Assert.Contains("****", inner.Sent[1].Attachment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_serve_host_gives_the_tracker_and_the_sweep_the_redacting_adapter()
    {
        await using var bot = await BotHost.StartAsync(BotSurface.Serve, ChatOps.EndToEnd.Tests.Serve.ServeHost.Bare(), default);
        Assert.IsType<RedactingChatAdapter>(bot.Services.GetRequiredService<IChatAdapter>());
    }
}

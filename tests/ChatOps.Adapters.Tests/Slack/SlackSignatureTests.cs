using System.Text;
using ChatOps.Adapters.Slack.Http;
using Microsoft.Extensions.Time.Testing;

namespace ChatOps.Adapters.Tests.Slack;

public class SlackSignatureTests
{
    private const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string Timestamp = "1531420618";

    // Contract §3, test vector 1 (official Slack docs; used verbatim by the python and java SDK tests).
    private const string CommandBody = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    private const string CommandSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private const string EventBody = """{"token":"x","team_id":"T111","api_app_id":"A111","type":"event_callback","event_id":"Ev111","event_time":1531420618,"event":{"type":"app_mention","user":"U111","text":"<@U0BOT> deploy checkout to uat","ts":"1531420618.000100","channel":"C111","event_ts":"1531420618.000100"}}""";
    private const string FormBody = "payload=%7B%22type%22%3A%22block_actions%22%2C%22user%22%3A%7B%22id%22%3A%22U111%22%7D%2C%22actions%22%3A%5B%7B%22action_id%22%3A%22confirm%22%2C%22block_id%22%3A%22b1%22%2C%22value%22%3A%22req-42%22%2C%22type%22%3A%22button%22%7D%5D%7D";

    private static SlackSignature AtTheVectorsTime(int offsetSeconds = 0) =>
        new(Secret, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1531420618 + offsetSeconds)));

    [Theory]
    [InlineData(CommandBody, CommandSignature)]
    [InlineData(EventBody, "v0=72ee0e85fe19d3d7c5ade146228c3a2bb41e7b8287313017eafe67697cb73a5a")]
    [InlineData(FormBody, "v0=871754f787abedaf1af91cfd6064c3bc4047b95400bb4b3fea568f527899700c")]
    public void The_contract_test_vectors_compute_and_verify(string body, string signature)
    {
        var signer = AtTheVectorsTime();
        Assert.Equal(signature, signer.Compute(Timestamp, Encoding.UTF8.GetBytes(body)));
        Assert.Equal(SignatureCheck.Valid, signer.Verify(Timestamp, signature, Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void A_changed_body_does_not_match()
    {
        Assert.Equal(SignatureCheck.Mismatch, AtTheVectorsTime().Verify(Timestamp, CommandSignature, Encoding.UTF8.GetBytes(CommandBody + "------")));
    }

    [Fact]
    public void The_real_clock_finds_the_2018_vector_expired()
    {
        var signer = new SlackSignature(Secret, TimeProvider.System);
        Assert.Equal(SignatureCheck.Stale, signer.Verify(Timestamp, CommandSignature, Encoding.UTF8.GetBytes(CommandBody)));
    }

    [Theory]
    [InlineData(300, SignatureCheck.Valid)]
    [InlineData(301, SignatureCheck.Stale)]
    [InlineData(-301, SignatureCheck.Stale)]
    public void The_window_is_five_minutes_either_way(int clockOffset, SignatureCheck expected)
    {
        Assert.Equal(expected, AtTheVectorsTime(clockOffset).Verify(Timestamp, CommandSignature, Encoding.UTF8.GetBytes(CommandBody)));
    }

    [Theory]
    [InlineData(null, CommandSignature)]
    [InlineData(Timestamp, null)]
    [InlineData("yesterday", CommandSignature)]
    public void Missing_or_malformed_headers_are_refused(string? timestamp, string? signature)
    {
        Assert.Equal(SignatureCheck.Missing, AtTheVectorsTime().Verify(timestamp, signature, Encoding.UTF8.GetBytes(CommandBody)));
    }

    [Fact]
    public void A_signature_from_another_secret_does_not_match()
    {
        var other = new SlackSignature("another-secret", TimeProvider.System).Compute(Timestamp, Encoding.UTF8.GetBytes(CommandBody));
        Assert.Equal(SignatureCheck.Mismatch, AtTheVectorsTime().Verify(Timestamp, other, Encoding.UTF8.GetBytes(CommandBody)));
    }
}

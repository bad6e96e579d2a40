using ChatOps.Sandbox.Slack;

namespace ChatOps.Soak;

/// <summary>One person in their own channel, starting one conversation after another (a new thread each) until the soak has its turns.</summary>
internal sealed class SimulatedUser(SlackEmulator slack, SlackPerson person, string channel, Ledger ledger, SoakOptions options, Func<int> restarts, int seed)
{
    private readonly Random _random = new(seed);
    private readonly SlackScriptedUser _user = slack.User(person.Id);

    public async Task RunAsync(Func<bool> more, CancellationToken cancellationToken)
    {
        while (more() && !cancellationToken.IsCancellationRequested)
        {
            var zh = _random.NextDouble() < 0.35;
            var service = Phrases.Services[_random.Next(Phrases.Services.Length)];
            var talk = new Conversation(slack, _user, channel, ledger, options);
            var roll = _random.NextDouble();
            var script = roll switch
            {
                < 0.28 => "prod deploy, confirmed",
                < 0.36 => "prod deploy, Cancel pressed",
                < 0.43 => "prod deploy, never mind",
                < 0.63 => "uat deploy",
                < 0.77 => "pods",
                < 0.88 => "logs",
                _ => "restart, confirmed",
            };
            await (script switch
            {
                "prod deploy, confirmed" => ConfirmedAsync(talk, Phrases.DeployProd(service, zh, _random), "pipeline #", zh, script, cancellationToken),
                "prod deploy, Cancel pressed" => CancelledAsync(talk, Phrases.DeployProd(service, zh, _random), zh, byText: false, script, cancellationToken),
                "prod deploy, never mind" => CancelledAsync(talk, Phrases.DeployProd(service, zh, _random), zh, byText: true, script, cancellationToken),
                "uat deploy" => StartedAsync(talk, Phrases.DeployUat(service, zh, _random), script, cancellationToken),
                "pods" => LookupAsync(talk, Phrases.Pods(service, zh, _random), script, cancellationToken),
                "logs" => LookupAsync(talk, Phrases.Logs(service, zh, _random), script, cancellationToken),
                _ => ConfirmedAsync(talk, Phrases.Restart(service, zh, _random), "Restarting deployment", zh, script, cancellationToken),
            });
            await Task.Delay(_random.Next(100, 600), cancellationToken);
        }
    }

    private async Task ConfirmedAsync(Conversation talk, string text, string started, bool zh, string script, CancellationToken ct)
    {
        if (await PromptAsync(talk, text, script, ct) is not var (prompt, key)) return;
        ledger.Confirmed[key] = "pressed, no answer";
        ledger.ConfirmThreads[key] = (talk.Channel, talk.ThreadTs!);
        var answer = await talk.ClickAsync(prompt, "confirm:", Phrases.TypedConfirm(zh), ct);
        // why: the prompt was asked of one bot process and the Confirm answered by a later one: the pending request lived in the store
        if (restarts() != PromptEpoch) ledger.ConfirmAfterRestart();
        if (answer is null)
        {
            ledger.LoseConversation($"{script}: no answer to Confirm in {talk.Channel}/{talk.ThreadTs}");
            return;
        }

        ledger.Confirmed[key] = answer.Contains(started) ? "started" : answer.Text;
        if (Phrases.SaysAlreadyRunning(answer)) ledger.Stalled.Add((talk.Channel, talk.ThreadTs!, script));
        if (answer.Contains(started)) ledger.Announced.Add((talk.Channel, answer.Message!.Ts, script));
        else ledger.Surprise($"{script}: '{Short(answer.Text)}'");
        ledger.Finish(script);
    }

    private async Task CancelledAsync(Conversation talk, string text, bool zh, bool byText, string script, CancellationToken ct)
    {
        if (await PromptAsync(talk, text, script, ct) is not var (prompt, key)) return;
        ledger.Cancelled[key] = script;
        var answer = byText ? await talk.SayAsync(Phrases.NeverMind(zh, _random), ct) : await talk.ClickAsync(prompt, "cancel:", Phrases.TypedCancel(zh), ct);
        if (answer is null)
        {
            ledger.LoseConversation($"{script}: no answer to the cancel in {talk.Channel}/{talk.ThreadTs}");
            return;
        }

        if (!Phrases.SaysCancelled(answer)) ledger.Surprise($"{script}: '{Short(answer.Text)}'");
        ledger.Finish(script);
    }

    private async Task StartedAsync(Conversation talk, string text, string script, CancellationToken ct)
    {
        var answer = await talk.SayAsync(text, ct);
        if (answer is null)
        {
            ledger.LoseConversation($"{script}: no answer in {talk.Channel}/{talk.ThreadTs}");
            return;
        }

        if (answer.Contains("pipeline #")) ledger.Announced.Add((talk.Channel, answer.Message!.Ts, script));
        else ledger.Surprise($"{script}: '{Short(answer.Text)}'");
        if (Phrases.SaysAlreadyRunning(answer)) ledger.Stalled.Add((talk.Channel, talk.ThreadTs!, script));
        ledger.Finish(script);
    }

    private async Task LookupAsync(Conversation talk, string text, string script, CancellationToken ct)
    {
        var answer = await talk.SayAsync(text, ct);
        if (answer is null)
        {
            ledger.LoseConversation($"{script}: no answer in {talk.Channel}/{talk.ThreadTs}");
            return;
        }

        if (Phrases.SaysAlreadyRunning(answer)) ledger.Stalled.Add((talk.Channel, talk.ThreadTs!, script));

        ledger.Finish(script);
    }

    private int PromptEpoch { get; set; }

    /// <summary>Asks for something that needs confirmation and returns the prompt and its request key (the id on its buttons).</summary>
    private async Task<(SlackStoredMessage Prompt, string Key)?> PromptAsync(Conversation talk, string text, string script, CancellationToken ct)
    {
        PromptEpoch = restarts();
        var answer = await talk.SayAsync(text, ct);
        if (answer is null)
        {
            ledger.LoseConversation($"{script}: no answer to the request in {talk.Channel}/{talk.ThreadTs}");
            return null;
        }

        if (answer.Message is { } prompt && Conversation.ButtonOf(prompt, "confirm:") is { } confirm)
        {
            return (prompt, confirm["confirm:".Length..]);
        }

        ledger.Surprise($"{script}: no confirmation asked: '{Short(answer.Text)}'");
        return null;
    }

    private static string Short(string text) => text.Length <= 140 ? text.ReplaceLineEndings(" ") : text[..140].ReplaceLineEndings(" ") + "…";
}

using System.Text.RegularExpressions;
using ChatOps.Core.Parsing;
using ChatOps.Dialog.Replies;

namespace ChatOps.Dialog;

public sealed partial class TurnHandler
{
    [GeneratedRegex(@"channel|频道|本群|这个群|群里|\bhere\b|this room", RegexOptions.IgnoreCase)]
    private static partial Regex ChannelWords();

    private async Task SetContextAsync(TurnContext c, ParseResult parse, CancellationToken ct)
    {
        var e = parse.Entities;
        if (e.Service is null && e.Environment is null)
        {
            c.Say("ContextSetNothing");
            return;
        }

        var isChannel = ChannelWords().IsMatch(parse.Text);
        var scope = isChannel ? ChannelScope(c) : UserScope(c);
        var current = await defaults.GetAsync(scope, ct);
        await defaults.SetAsync(scope, current with { Service = e.Service ?? current.Service, Environment = e.Environment ?? current.Environment }, ct);
        var key = isChannel ? "ContextSetChannel" : "ContextSetUser";
        if (e.Service is not null) c.Say(key, Texts.Get("Slot_service", c.Language), e.Service);
        if (e.Environment is not null) c.Say(key, Texts.Get("Slot_environment", c.Language), e.Environment);
    }

    private async Task ShowContextAsync(TurnContext c, CancellationToken ct)
    {
        var user = await defaults.GetAsync(UserScope(c), ct);
        var channel = await defaults.GetAsync(ChannelScope(c), ct);
        var none = Texts.Get("None", c.Language);
        c.Say("ContextShow", user.Service ?? none, user.Environment ?? none, channel.Service ?? none, channel.Environment ?? none);
    }
}

namespace ChatOps.Cli.Hosting;

/// <summary>Where people talk to the bot in this process: the terminal (<c>chatops console</c>) or Slack and the API (<c>chatops serve</c>).</summary>
public enum BotSurface
{
    Console,
    Serve,
}

namespace ChatOps.Core.Chat;

/// <summary>A button or choice: what it says, the action id it sends, and its style.</summary>
public sealed record ReplyButton(string Label, string ActionId, ButtonStyle Style = ButtonStyle.Default);

/// <summary>How a button looks: primary for Confirm, danger for actions on protected environments.</summary>
public enum ButtonStyle
{
    Default,
    Primary,
    Danger,
}

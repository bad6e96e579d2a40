namespace ChatOps.Adapters.Api;

/// <summary>A button: post its <see cref="Action"/> back in the same conversation to press it.</summary>
public sealed record ApiButton(string Label, string Action);

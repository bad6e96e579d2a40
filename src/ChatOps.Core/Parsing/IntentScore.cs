namespace ChatOps.Core.Parsing;

/// <summary>One intent and the classifier's calibrated probability for it.</summary>
public readonly record struct IntentScore(string Intent, float Score);

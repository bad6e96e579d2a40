namespace ChatOps.Language.Model;

/// <summary>The model or its card cannot be used by this build; the message says what to run.</summary>
public sealed class ModelCardException(string message) : Exception(message);

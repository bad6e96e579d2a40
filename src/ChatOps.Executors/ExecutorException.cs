namespace ChatOps.Executors;

/// <summary>A problem the person in the chat can act on; <see cref="Exception.Message"/> is the sentence to show.</summary>
public sealed class ExecutorException(string sentence, Exception? inner = null) : Exception(sentence, inner);

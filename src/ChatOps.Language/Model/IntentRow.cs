using Microsoft.ML.Data;

namespace ChatOps.Language.Model;

/// <summary>One row the ML.NET pipeline reads: the delexicalised text and, for training, its intent.</summary>
public sealed class IntentRow
{
    public string Text { get; set; } = "";
    public string Intent { get; set; } = "";
}

/// <summary>What the model writes for a row: one probability per intent, in the model's slot order.</summary>
public sealed class IntentPrediction
{
    [ColumnName("Score")]
    public float[] Score { get; set; } = [];
}

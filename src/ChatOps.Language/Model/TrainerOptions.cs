namespace ChatOps.Language.Model;

/// <summary>Hyperparameters of the intent model, recorded in the model card.</summary>
public sealed record TrainerOptions
{
    public int Seed { get; init; } = 42;
    public int WordNgramLength { get; init; } = 2;
    public int CharNgramLength { get; init; } = 3;
    public float L2Regularization { get; init; } = 0.001f;
    public float L1Regularization { get; init; } = 0.0f;
    public int Folds { get; init; } = 5;

    /// <summary>"lbfgs" (maximum entropy), "sdca" (maximum entropy) or "svm" (one-versus-all linear SVM, Platt-calibrated).</summary>
    public string Algorithm { get; init; } = "lbfgs";

    /// <summary>"split": word and character n-grams normalized apart, then joined; "joint": one vector normalized together.</summary>
    public string Featurizer { get; init; } = "split";

    /// <summary>N-gram weighting: "tf" or "tfidf".</summary>
    public string Weighting { get; init; } = "tfidf";

    /// <summary>The largest share of in-scope lines the out-of-scope threshold may reject on the folds.</summary>
    public double MaxFalseRejection { get; init; } = 0.02;
}

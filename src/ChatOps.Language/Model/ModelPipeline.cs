using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms;
using Microsoft.ML.Transforms.Text;

namespace ChatOps.Language.Model;

/// <summary>The one ML.NET pipeline definition: word and character n-grams into a maximum-entropy classifier.</summary>
internal static class ModelPipeline
{
    public static string TrainerName(TrainerOptions o) => o.Algorithm switch { "sdca" => "SdcaMaximumEntropy", "svm" => "OneVersusAll(LinearSvm)", _ => "LbfgsMaximumEntropy" };

    public static IEstimator<ITransformer> Build(MLContext ml, TrainerOptions o)
    {
        var weighting = o.Weighting == "tfidf" ? NgramExtractingEstimator.WeightingCriteria.TfIdf : NgramExtractingEstimator.WeightingCriteria.Tf;
        TextFeaturizingEstimator.Options Featurizer(bool words, bool chars) => new()
        {
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepDiacritics = false,
            KeepPunctuations = true,
            KeepNumbers = true,
            WordFeatureExtractor = words ? new WordBagEstimator.Options { NgramLength = o.WordNgramLength, UseAllLengths = true, Weighting = weighting } : null,
            // Characters carry Chinese without a word segmenter.
            CharFeatureExtractor = chars ? new WordBagEstimator.Options { NgramLength = o.CharNgramLength, UseAllLengths = true, Weighting = weighting } : null,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };

        var label = ml.Transforms.Conversion.MapValueToKey("Label", nameof(IntentRow.Intent));
        IEstimator<ITransformer> features = o.Featurizer == "joint"
            ? label.Append(ml.Transforms.Text.FeaturizeText("Features", Featurizer(true, true), nameof(IntentRow.Text)))
            : label
                // Apart, each normalized on its own: the many character n-grams would otherwise drown the words.
                .Append(ml.Transforms.Text.FeaturizeText("WordFeatures", Featurizer(true, false), nameof(IntentRow.Text)))
                .Append(ml.Transforms.Text.FeaturizeText("CharFeatures", Featurizer(false, true), nameof(IntentRow.Text)))
                .Append(ml.Transforms.Concatenate("Features", "WordFeatures", "CharFeatures"));
        return (o.Algorithm switch
        {
            "sdca" => features.Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                L2Regularization = o.L2Regularization, NumberOfThreads = 1, MaximumNumberOfIterations = 200,
            })),
            "svm" => features.Append(ml.MulticlassClassification.Trainers.OneVersusAll(
                ml.BinaryClassification.Trainers.LinearSvm(numberOfIterations: 50), useProbabilities: true)),
            _ => features.Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                L2Regularization = o.L2Regularization,
                L1Regularization = o.L1Regularization,
                NumberOfThreads = 1, // one thread keeps training deterministic for a seed
            })),
        });
    }
}

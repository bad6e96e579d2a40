namespace ChatOps.Language.Recognizers;

/// <summary>Finds entity spans in a message; never throws, whatever the input.</summary>
public interface IEntityRecognizer
{
    /// <summary>Adds every span this recognizer claims to <paramref name="matches"/>; overlaps are settled later.</summary>
    void Recognize(RecognizerInput input, List<EntityMatch> matches);
}

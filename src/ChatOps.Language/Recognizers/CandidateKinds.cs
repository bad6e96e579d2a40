namespace ChatOps.Language.Recognizers;

/// <summary>Match kinds that are not yet an entity: the parsed intent decides what they become.</summary>
public static class CandidateKinds
{
    /// <summary>A number with no cue around it ("scale cart to 5", "retry 4512").</summary>
    public const string Number = "number";

    /// <summary>A hyphenated name that is nothing the catalog knows ("release-train", "devops-uat").</summary>
    public const string Name = "name";

    /// <summary>A branch-like word after "on"/"from" ("on canary-release"): a ref, unless the intent is about a workflow.</summary>
    public const string LooseRef = "loose_ref";

    /// <summary>A number preceded by "last"/"tail"/"最后": lines for logs, otherwise a plain number.</summary>
    public const string LastCount = "last_count";
}

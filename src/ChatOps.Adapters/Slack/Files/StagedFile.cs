namespace ChatOps.Adapters.Slack.Files;

/// <summary>A file whose bytes Slack has (files.getUploadURLExternal + upload POST) but that nobody sees until files.completeUploadExternal shares it.</summary>
/// <param name="Id">The F… id from files.getUploadURLExternal.</param>
/// <param name="Filename">The name it was announced with.</param>
public sealed record StagedFile(string Id, string Filename);

namespace ChatOps.Storage.Tests;

/// <summary>Starts many tasks on the thread pool and releases them at once, so they really contend.</summary>
internal static class Race
{
    public static async Task<T[]> RunAsync<T>(int count, Func<int, Task<T>> body)
    {
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(0, count)
            .Select(i => Task.Run(async () =>
            {
                await start.Task;
                return await body(i);
            }))
            .ToArray();
        start.SetResult();
        return await Task.WhenAll(tasks);
    }
}

using System.Diagnostics;

namespace Xen.Hvm.DiskImages.Internal;

/// <summary>The synchronous twins run the asynchronous core with <c>async: false</c>: every await then completes at once.</summary>
internal static class Synchronous
{
    public static void Run(ValueTask task)
    {
        Debug.Assert(task.IsCompleted, "A synchronous write completed synchronously.");
        task.GetAwaiter().GetResult();
    }

    public static T Result<T>(ValueTask<T> task)
    {
        Debug.Assert(task.IsCompleted, "A synchronous write completed synchronously.");
        return task.GetAwaiter().GetResult();
    }
}

using System.Text;

namespace XenCfg;

/// <summary>
/// Runs a command's per-file work on every core and prints each file's output in the order the files were given, as
/// if they had been done one after another: each file writes to a recorder, replayed once it and those before it are
/// done. One file runs directly on the command's own writers.
/// </summary>
internal static class ParallelFiles
{
    /// <summary>Runs <paramref name="work"/> for each path; returns the worst exit code.</summary>
    /// <param name="paths">The files, in the order their output is printed.</param>
    /// <param name="context">Where the output goes.</param>
    /// <param name="work">The work for one file: it writes only to the context it is given and returns an exit code.</param>
    public static int Run(IReadOnlyList<string> paths, CliContext context, Func<string, CliContext, int> work)
    {
        if (paths.Count == 1)
        {
            return work(paths[0], context);
        }

        int code = ExitCodes.Ok;
        var done = paths.AsParallel()
            .AsOrdered()
            .WithDegreeOfParallelism(Environment.ProcessorCount)
            .WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .Select(path =>
            {
                var recorder = new Recorder();
                int fileCode = work(path, new CliContext(recorder.Out, recorder.Error, context.IsTerminal));
                return (recorder, fileCode);
            });
        try
        {
            foreach (var (recorder, fileCode) in done)
            {
                recorder.ReplayTo(context);
                code = ExitCodes.Worst(code, fileCode);
            }
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count == 1)
        {
            // What one file threw, as it would have been thrown without the parallel run.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
        }

        return code;
    }

    /// <summary>What one file wrote to standard output and error, in the order written.</summary>
    private sealed class Recorder
    {
        private readonly List<(bool IsError, string Text)> _chunks = [];
        private readonly StringBuilder _pending = new();
        private bool _pendingIsError;

        public Recorder()
        {
            Out = new Writer(this, isError: false);
            Error = new Writer(this, isError: true);
        }

        public TextWriter Out { get; }

        public TextWriter Error { get; }

        public void ReplayTo(CliContext context)
        {
            Cut(!_pendingIsError); // closes the last chunk
            foreach (var (isError, text) in _chunks)
            {
                (isError ? context.Error : context.Out).Write(text);
            }
        }

        private void Append(bool isError, ReadOnlySpan<char> text)
        {
            Cut(isError);
            _pending.Append(text);
        }

        /// <summary>Closes the pending chunk when the other stream is written next.</summary>
        private void Cut(bool nextIsError)
        {
            if (nextIsError != _pendingIsError && _pending.Length > 0)
            {
                _chunks.Add((_pendingIsError, _pending.ToString()));
                _pending.Clear();
            }

            _pendingIsError = nextIsError;
        }

        private sealed class Writer(Recorder owner, bool isError) : TextWriter
        {
            public override Encoding Encoding => Encoding.UTF8;

            public override void Write(char value) => owner.Append(isError, [value]);

            public override void Write(string? value) => owner.Append(isError, value);

            public override void Write(char[] buffer, int index, int count) => owner.Append(isError, buffer.AsSpan(index, count));

            public override void Write(ReadOnlySpan<char> buffer) => owner.Append(isError, buffer);
        }
    }
}

using System.Diagnostics.CodeAnalysis;
using Xen.Hvm.Config.Internal;
using Xen.Hvm.Config.Parsing;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Config;

/// <summary>
/// Reads Xen domain config files. Parsing never throws on bad input: problems are diagnostics on the document, and
/// <see cref="ConfigDocument.ToFullString"/> gives back the input exactly.
/// </summary>
public static class XenConfig
{
    /// <summary>Parses config text in the dialect of <see cref="XenConfigParseOptions.Dialect"/> (by default, the one the text is written in).</summary>
    /// <param name="text">The text.</param>
    /// <param name="path">A path or name for diagnostics, or <see langword="null"/>.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="XenConfigParseOptions.Default"/>.</param>
    /// <returns>The document, with diagnostics for anything wrong.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static ConfigDocument Parse(string text, string? path = null, XenConfigParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= XenConfigParseOptions.Default;
        ParsedConfig parsed = ConfigParser.Parse(text, path, options.Dialect);
        if (parsed.Diagnostics.HasErrors && XmlStart(text) is int at)
        {
            parsed.Diagnostics.Add(DiagnosticDescriptors.LooksLikeLibvirtXml, at, 1);
        }

        return new ConfigDocument(options, parsed);
    }

    /// <summary>Where an XML document starts (<c>&lt;?xml</c> or <c>&lt;domain</c> after a byte order mark and white
    /// space), or null: folders of configs often hold libvirt's domain files too.</summary>
    private static int? XmlStart(string text)
    {
        int i = 0;
        while (i < text.Length && (text[i] == '\uFEFF' || char.IsWhiteSpace(text[i])))
        {
            i++;
        }

        ReadOnlySpan<char> rest = text.AsSpan(i);
        return rest.StartsWith("<?xml", StringComparison.Ordinal) || rest.StartsWith("<domain", StringComparison.Ordinal) ? i : null;
    }

    /// <summary>Parses the bytes of a config file. Bytes that are not valid UTF-8 are kept, so <see cref="ConfigDocument.ToBytes"/> gives them back.</summary>
    /// <param name="bytes">The file content.</param>
    /// <param name="path">A path or name for diagnostics, or <see langword="null"/>.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The document.</returns>
    public static ConfigDocument Parse(ReadOnlySpan<byte> bytes, string? path = null, XenConfigParseOptions? options = null) =>
        Parse(Hvm.Internal.ByteText.Decode(bytes), path, options);

    /// <summary>Reads and parses a config file.</summary>
    /// <param name="path">The file path; also used in diagnostics.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The file cannot be read (<see cref="TryLoad"/> reports it as a diagnostic instead).</exception>
    /// <exception cref="UnauthorizedAccessException">The file is not readable.</exception>
    public static ConfigDocument Load(string path, XenConfigParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllBytes(path), path, options);
    }

    /// <summary>
    /// Reads and parses a config file; a file that cannot be read is reported as an XH2009 diagnostic (in words of
    /// our own: "it does not exist", "permission denied", ...) instead of an exception.
    /// </summary>
    /// <param name="path">The file path; also used in diagnostics.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <param name="document">The document, when the file was read (it may still have diagnostics of its own).</param>
    /// <param name="error">Why the file could not be read, when it could not.</param>
    /// <returns><see langword="true"/> when the file was read.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public static bool TryLoad(string path, XenConfigParseOptions? options, [NotNullWhen(true)] out ConfigDocument? document, [NotNullWhen(false)] out Diagnostic? error)
    {
        ArgumentNullException.ThrowIfNull(path);
        document = null;
        if (!ConfigFiles.TryRead(path, out byte[]? bytes, out error))
        {
            return false;
        }

        document = Parse(bytes, path, options);
        return true;
    }

    /// <summary>
    /// Reads and parses many config files (a fleet's <c>/etc/xen</c>) on every core, and gives the results in the order
    /// of <paramref name="paths"/>, each as soon as it and those before it are done: a file that cannot be read is
    /// reported as <see cref="TryLoad"/> reports it (<c>XH2009</c>), never as an exception.
    /// </summary>
    /// <remarks>
    /// The results are computed lazily: enumerating starts the work, which runs a little ahead of the consumer (a few
    /// dozen files per thread) on up to <paramref name="maxDegreeOfParallelism"/> threads of the pool, and stopping the
    /// enumeration stops it (what is under way is finished). Documents are
    /// independent of each other, so the consumer may keep, drop or process each as it comes (parsing is thread-safe;
    /// a <see cref="ConfigDocument"/> itself is not, and is handed to the consumer alone).
    /// </remarks>
    /// <param name="paths">The files; enumerated once.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <param name="maxDegreeOfParallelism">How many files are parsed at once: <see langword="null"/> for one per core
    /// (<see cref="Environment.ProcessorCount"/>), 1 for one at a time on the consumer's thread.</param>
    /// <returns>One result per path, in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="paths"/> is <see langword="null"/>, or (when enumerated) holds a <see langword="null"/> path.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegreeOfParallelism"/> is below 1.</exception>
    public static IEnumerable<LoadResult> LoadAll(IEnumerable<string> paths, XenConfigParseOptions? options = null, int? maxDegreeOfParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (maxDegreeOfParallelism is { } degree)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(degree, 1, nameof(maxDegreeOfParallelism));
        }

        int threads = Math.Min(maxDegreeOfParallelism ?? Environment.ProcessorCount, 512);
        return InOrder(threads == 1 ? paths.Select(LoadOne) : InBatches(paths, threads, LoadOne));

        // A null path gives a null result, turned into the exception on the consumer's thread at its place in order.
        LoadResult? LoadOne(string? path) =>
            path is null ? null
            : TryLoad(path, options, out var document, out var error) ? new LoadResult(path, document, null)
            : new LoadResult(path, null, error);

        static IEnumerable<LoadResult> InOrder(IEnumerable<LoadResult?> results)
        {
            foreach (var result in results)
            {
                yield return result ?? throw new ArgumentNullException(nameof(paths), "A path is null.");
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="load"/> over the paths in batches of <see cref="LoadBatchSize"/>, <paramref name="threads"/>
    /// batches at a time on the thread pool, and yields the results batch by batch in order; the next batch is started
    /// as one is handed over. (A task per batch, not per file: a config parses in microseconds, so work handed out one
    /// file at a time costs more in coordination than it gains on two cores.)
    /// </summary>
    private static IEnumerable<LoadResult?> InBatches(IEnumerable<string> paths, int threads, Func<string?, LoadResult?> load)
    {
        var running = new Queue<Task<LoadResult?[]>>();
        using IEnumerator<string> source = paths.GetEnumerator();
        bool more = true;
        StartBatches();
        while (running.Count > 0)
        {
            LoadResult?[] done = running.Dequeue().GetAwaiter().GetResult();
            StartBatches();
            foreach (var result in done)
            {
                yield return result;
            }
        }

        void StartBatches()
        {
            while (more && running.Count < threads)
            {
                var batch = new List<string?>(LoadBatchSize);
                while (batch.Count < LoadBatchSize && (more = source.MoveNext()))
                {
                    batch.Add(source.Current);
                }

                if (batch.Count > 0)
                {
                    running.Enqueue(Task.Run(() => batch.Select(load).ToArray()));
                }
            }
        }
    }

    /// <summary>The files <see cref="LoadAll"/> hands to one thread at a time.</summary>
    private const int LoadBatchSize = 32;

    /// <summary>One file of <see cref="LoadAll"/>: its document, or why it could not be read.</summary>
    /// <param name="Path">The path, as it was given.</param>
    /// <param name="Document">The document, when the file was read (it may still have diagnostics of its own).</param>
    /// <param name="Error">Why the file could not be read (<c>XH2009</c>), when it could not.</param>
    public sealed record LoadResult(string Path, ConfigDocument? Document, Diagnostic? Error)
    {
        /// <summary>Gets a value indicating whether the file was read (then <see cref="Document"/> is set and <see cref="Error"/> is not).</summary>
        [MemberNotNullWhen(true, nameof(Document))]
        [MemberNotNullWhen(false, nameof(Error))]
        public bool IsLoaded => Document is not null;
    }

    /// <summary>Reads a config file from a stream, to its end, and parses it as <see cref="Parse(ReadOnlySpan{byte}, string?, XenConfigParseOptions?)"/> does.</summary>
    /// <param name="stream">The stream, read from its current position; it is not closed.</param>
    /// <param name="path">A path or name for diagnostics, or <see langword="null"/>.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    /// <exception cref="NotSupportedException">The stream does not support reading.</exception>
    public static ConfigDocument Parse(Stream stream, string? path = null, XenConfigParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), path, options);
    }

    /// <summary>Reads a config file from a stream asynchronously, to its end, and parses it.</summary>
    /// <param name="stream">The stream, read from its current position; it is not closed.</param>
    /// <param name="path">A path or name for diagnostics, or <see langword="null"/>.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    /// <exception cref="NotSupportedException">The stream does not support reading.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled.</exception>
    public static async Task<ConfigDocument> ParseAsync(Stream stream, string? path = null, XenConfigParseOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        return Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), path, options);
    }

    /// <summary>Reads and parses a config file asynchronously.</summary>
    /// <param name="path">The file path; also used in diagnostics.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file is not readable.</exception>
    public static async Task<ConfigDocument> LoadAsync(string path, XenConfigParseOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        return Parse(bytes, path, options);
    }
}

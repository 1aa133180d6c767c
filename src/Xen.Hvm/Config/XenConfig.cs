using Xen.Hvm.Config.Parsing;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Config;

/// <summary>
/// Reads Xen domain config files. Parsing never throws on bad input: problems are diagnostics on the document, and
/// <see cref="ConfigDocument.ToFullString"/> gives back the input exactly.
/// </summary>
public static class XenConfig
{
    /// <summary>Parses config text.</summary>
    /// <param name="text">The text.</param>
    /// <param name="path">A path or name for diagnostics, or <see langword="null"/>.</param>
    /// <param name="options">The options, or <see langword="null"/> for <see cref="XenConfigParseOptions.Default"/>.</param>
    /// <returns>The document, with diagnostics for anything wrong.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static ConfigDocument Parse(string text, string? path = null, XenConfigParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= XenConfigParseOptions.Default;
        var bag = new DiagnosticBag();
        SyntaxData data = XlParser.Parse(text, bag, out bool likelyPython);
        if (likelyPython && bag.ErrorCount > 0)
        {
            bag.Add(DiagnosticDescriptors.LooksLikePython, 0, 0);
        }

        string reason = options.Dialect == ConfigDialect.Xl ? "the xl dialect was requested" : "xl is the default dialect";
        return new ConfigDocument(path, options, data, bag, ConfigDialect.Xl, reason);
    }

    /// <summary>Parses the bytes of a config file. Bytes that are not valid UTF-8 are kept, so <see cref="ConfigDocument.ToBytes"/> gives them back.</summary>
    /// <param name="bytes">The file content.</param>
    /// <param name="path">A path or name for diagnostics, or <see langword="null"/>.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The document.</returns>
    public static ConfigDocument Parse(ReadOnlySpan<byte> bytes, string? path = null, XenConfigParseOptions? options = null) =>
        Parse(Internal.ByteText.Decode(bytes), path, options);

    /// <summary>Reads and parses a config file.</summary>
    /// <param name="path">The file path; also used in diagnostics.</param>
    /// <param name="options">The options, or <see langword="null"/> for the defaults.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file is not readable.</exception>
    public static ConfigDocument Load(string path, XenConfigParseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllBytes(path), path, options);
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

namespace XenCfg;

/// <summary>Reads input files for the commands, describing failures in our own words (never a .NET exception's text).</summary>
internal static class CliFiles
{
    /// <summary>Reads a file's bytes; on failure prints <c>xencfg: cannot read 'PATH': REASON</c>.</summary>
    public static bool TryReadAllBytes(string path, CliContext context, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out byte[]? bytes)
    {
        bytes = TryRead(path, context, File.ReadAllBytes);
        return bytes is not null;
    }

    /// <summary>Reads a text file, or standard input for <c>-</c>; on failure prints <c>xencfg: cannot read 'PATH': REASON</c>.</summary>
    public static bool TryReadAllText(string path, CliContext context, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? text)
    {
        text = TryRead(path, context, p => p == "-" ? Console.In.ReadToEnd() : File.ReadAllText(p));
        return text is not null;
    }

    private static T? TryRead<T>(string path, CliContext context, Func<string, T> read)
        where T : class
    {
        try
        {
            return read(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            context.Error.WriteLine($"xencfg: cannot read '{path}': {Describe(ex, path)}");
            return null;
        }
    }

    /// <summary>Says why a file operation failed, from the exception's type, in words a user can act on.</summary>
    public static string Describe(Exception ex, string? path = null) => ex switch
    {
        FileNotFoundException or DirectoryNotFoundException => "it does not exist",
        UnauthorizedAccessException when path is not null && Directory.Exists(path) => "it is a directory, not a file",
        UnauthorizedAccessException => "permission denied",
        PathTooLongException => "the path is too long",
        ArgumentException or NotSupportedException => "the path is not valid",
        IOException when path is not null && Directory.Exists(path) => "it is a directory, not a file",
        IOException io => $"an I/O error (code {io.HResult & 0xFFFF})",
        _ => "an unexpected error",
    };
}

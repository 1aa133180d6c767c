using System.CommandLine;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.DiskImages;
using Xen.Hvm.Text;

namespace XenCfg;

/// <summary>What <c>mkimage</c>, <c>convert-image</c> and <c>image-info</c> share: format names, option parsing, error reporting.</summary>
internal static class ImageCommandHelpers
{
    public static Option<string?> FormatOption(string name, string alias, string description) => new(name, alias) { Description = description };

    public static Option<string?> OptionsOption() => new("--options", "-o")
    {
        Description = "Format options as qemu-img takes them, e.g. compat=0.10,cluster_size=2M,backing_file=base.qcow2 (qcow2), subformat=fixed (vhd), preallocation=full (raw).",
    };

    public static Option<bool> OverwriteOption() => new("--overwrite") { Description = "Replace an existing target file (never done otherwise). A device is never replaced: see --device." };

    public static Option<bool> DeviceOption() => new("--device")
    {
        Description = "Write onto a target that is a block device (or a symbolic link to one, such as /dev/vg/lv) in place; without it such a target is refused.",
    };

    public static Option<string[]> BackingUnderOption() => new("--backing-under")
    {
        Description = "Open qcow2 backing files of the source only when their real path (links resolved) is under this folder (repeatable). Default: none are opened.",
        AllowMultipleArgumentsPerToken = false,
        DefaultValueFactory = _ => [],
    };

    /// <summary>Builds the backing-file policy from <c>--backing-under</c> folders (none means <see cref="BackingFilePolicy.None"/>).</summary>
    public static BackingFilePolicy BackingPolicy(string[]? folders) =>
        folders is { Length: > 0 } ? BackingFilePolicy.AllowUnder(folders) : BackingFilePolicy.None;

    /// <summary>Says which backing files a command opened, so that a reader of the output knows what was trusted.</summary>
    public static string DescribePolicy(BackingFilePolicy policy) => policy.AllowsNone
        ? "Backing files: none opened (policy: none; --backing-under FOLDER allows those under FOLDER)."
        : $"Backing files: opened only {policy} (real paths; regular files only).";

    /// <summary>Parses raw, qcow2, vhd or vpc; prints an error and returns null otherwise.</summary>
    public static DiskImageFormat? ParseFormat(CliContext context, string command, string? name)
    {
        DiskImageFormat? format = name?.ToLowerInvariant() switch
        {
            "raw" => DiskImageFormat.Raw,
            "qcow2" => DiskImageFormat.Qcow2,
            "vhd" or "vpc" => DiskImageFormat.Vhd,
            _ => null,
        };
        if (format is null)
        {
            context.Error.WriteLine($"xencfg {command}: unknown format '{name}': use raw, qcow2 or vhd (vpc).");
        }

        return format;
    }

    /// <summary>Parses <c>-o</c> options (empty means defaults); prints diagnostics and returns null when invalid.</summary>
    public static Option<bool> NoFlushOption() => new("--no-flush")
    {
        Description = "Do not flush the new image to disk before it is renamed into place (like qemu-img's default cache mode, unsafe): faster, but a crash soon after may leave a damaged image under the target name.",
    };

    public static DiskImageOptions? ParseOptions(CliContext context, DiskImageFormat format, string? text, bool overwrite, bool device = false, bool noFlush = false)
    {
        var parsed = DiskImage.ParseOptions(format, text ?? string.Empty);
        if (!parsed.TryGetValue(out var options))
        {
            Report(context, "-o", parsed.Diagnostics);
            return null;
        }

        return options with { Overwrite = overwrite, WriteToDevice = device, FlushToDisk = !noFlush };
    }

    public static void Report(CliContext context, string source, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            string line = d.Location.Path is null ? $"{source}{d.Location.Start}: {Severity(d)} {d.Id}: {d.Message}" : d.ToString();
            context.Error.WriteLine(s_flagHints.TryGetValue(d.Id, out string? hint) ? line + " " + hint : line);
        }
    }

    /// <summary>The library's messages name its API; the command line names the flag that gives the consent.</summary>
    private static readonly Dictionary<string, string> s_flagHints = new(StringComparer.Ordinal)
    {
        [DiagnosticIds.ImageTargetExists] = "(use --overwrite to replace it)",
        [DiagnosticIds.TargetIsDevice] = "(use --device to write the device in place)",
        [DiagnosticIds.BackingFileNotAllowed] = "(use --backing-under FOLDER to allow backing files there)",
    };

    /// <summary>
    /// Runs an image action and maps failures to exit codes by <see cref="ExitCodes.For"/>: an unreadable image 1, a
    /// bad request or I/O 2. Every failure is printed as a diagnostic with an ID, in our words: no runtime exception
    /// text reaches the user.
    /// </summary>
    public static int Guard(CliContext context, string command, string path, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (DiskImageException ex)
        {
            Report(context, command, ex.Diagnostics);
            return ExitCodes.Worst(ExitCodes.Failed, ExitCodes.For(ex.Diagnostics));
        }
        catch (ArgumentException ex)
        {
            // The library checks every option before it writes: what it refuses here is the command line's request.
            Report(context, command, [Create(DiagnosticIds.InvalidImageRequest, path, OwnText(ex))]);
            return ExitCodes.UsageOrIo;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            string where = ex is FileNotFoundException { FileName: { } file } ? file : path;
            Report(context, command, [Create(DiagnosticIds.ImageFileAccess, where, "used", Reason(ex))]);
            return ExitCodes.UsageOrIo;
        }
    }

    public static string Name(DiskImageFormat format) => format switch
    {
        DiskImageFormat.Qcow2 => "qcow2",
        DiskImageFormat.Vhd => "vhd",
        _ => "raw",
    };

    public static string Describe(long bytes) => $"{new ByteSize(bytes)} ({bytes} bytes)";

    private static Diagnostic Create(string id, string path, params object?[] arguments)
    {
        DiagnosticCatalog.TryGet(id, out var descriptor);
        return Diagnostic.Create(descriptor!, new SourceLocation(path, default, default, default), arguments);
    }

    /// <summary>The library's own sentence of an argument exception, without the runtime's "(Parameter 'x')" and "Actual value was" additions.</summary>
    private static string OwnText(ArgumentException ex)
    {
        string text = ex.Message;
        int cut = ex.ParamName is null ? -1 : text.IndexOf(" (Parameter '", StringComparison.Ordinal);
        text = cut >= 0 ? text[..cut] : text;
        int actual = text.IndexOf(Environment.NewLine, StringComparison.Ordinal);
        return (actual >= 0 ? text[..actual] : text).TrimEnd('.');
    }

    private static string Reason(Exception ex) => ex switch
    {
        FileNotFoundException or DirectoryNotFoundException => "it does not exist",
        UnauthorizedAccessException => "permission denied",
        IOException io when (io.HResult & 0xFFFF) is 0x50 or 0xB7 || io.HResult == 17 => "it already exists (use --overwrite to replace it)",
        IOException io when (io.HResult & 0xFFFF) is 0x70 or 0x27 || io.HResult == 28 => "no space left on the device",
        _ => "an I/O error occurred",
    };

    private static string Severity(Diagnostic d) => d.Severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}

using System.CommandLine;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.DiskImages;

namespace XenCfg;

/// <summary>What <c>mkimage</c>, <c>convert-image</c> and <c>image-info</c> share: format names, option parsing, error reporting.</summary>
internal static class ImageCommandHelpers
{
    public static Option<string?> FormatOption(string name, string alias, string description) => new(name, alias) { Description = description };

    public static Option<string?> OptionsOption() => new("--options", "-o")
    {
        Description = "Format options as qemu-img takes them, e.g. compat=0.10,cluster_size=2M,backing_file=base.qcow2 (qcow2), subformat=fixed (vhd), preallocation=full (raw).",
    };

    public static Option<bool> OverwriteOption() => new("--overwrite") { Description = "Replace an existing target file (never done otherwise)." };

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
    public static DiskImageOptions? ParseOptions(CliContext context, DiskImageFormat format, string? text, bool overwrite)
    {
        if (!DiskImageOptions.TryParse(format, text ?? string.Empty, out var options, out var diagnostics))
        {
            Report(context, "-o", diagnostics);
            return null;
        }

        return options with { Overwrite = overwrite };
    }

    public static void Report(CliContext context, string source, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            context.Error.WriteLine(d.Location.Path is null ? $"{source}{d.Location.Start}: {Severity(d)} {d.Id}: {d.Message}" : d.ToString());
        }
    }

    /// <summary>Runs an image action and maps failures to exit codes: invalid input 1, I/O 2.</summary>
    public static int Guard(CliContext context, string command, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (DiskImageException ex)
        {
            Report(context, command, ex.Diagnostics);
            return ExitCodes.Failed;
        }
        catch (ArgumentException ex)
        {
            context.Error.WriteLine($"xencfg {command}: {ex.Message}");
            return ExitCodes.Failed;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            context.Error.WriteLine($"xencfg {command}: {ex.Message}");
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

    private static string Severity(Diagnostic d) => d.Severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}

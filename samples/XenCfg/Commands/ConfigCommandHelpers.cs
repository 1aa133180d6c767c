using System.CommandLine;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;

namespace XenCfg.Commands;

/// <summary>What the config commands share: the dialect option and loading files with I/O errors reported.</summary>
internal static class ConfigCommandHelpers
{
    public static Option<string> DialectOption() => new("--dialect")
    {
        Description = "The config dialect: auto (xl when the file is valid xl, xm when it is Python), xl (Xen 4.x, libxlu) or xm (legacy Python, never run).",
        DefaultValueFactory = _ => "auto",
    };

    public static bool TryGetDialect(string value, CliContext context, out ConfigDialect dialect)
    {
        switch (value.ToLowerInvariant())
        {
            case "auto":
                dialect = ConfigDialect.Auto;
                return true;
            case "xl":
                dialect = ConfigDialect.Xl;
                return true;
            case "xm":
                dialect = ConfigDialect.Xm;
                return true;
            default:
                context.Error.WriteLine($"xencfg: unknown dialect '{value}' (expected auto, xl or xm)");
                dialect = ConfigDialect.Auto;
                return false;
        }
    }

    /// <summary>Loads a config; a file that cannot be read is printed as its XH2009 diagnostic and gives null.</summary>
    public static ConfigDocument? TryLoad(string path, ConfigDialect dialect, CliContext context)
    {
        if (XenConfig.TryLoad(path, new XenConfigParseOptions { Dialect = dialect }, out var document, out var error))
        {
            return document;
        }

        context.Error.WriteLine(error.ToString());
        context.Error.WriteLine($"{path}: not read");
        return null;
    }

    public static void WriteDiagnostics(ConfigDocument document, TextWriter writer) => WriteDiagnostics(document.Diagnostics, writer);

    public static void WriteDiagnostics(IEnumerable<Diagnostic> diagnostics, TextWriter writer)
    {
        foreach (Diagnostic d in diagnostics)
        {
            writer.WriteLine(d.ToString());
        }
    }
}

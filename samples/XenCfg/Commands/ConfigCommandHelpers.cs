using System.CommandLine;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;

namespace XenCfg.Commands;

/// <summary>What the config commands share: the dialect option and loading files with I/O errors reported.</summary>
internal static class ConfigCommandHelpers
{
    public static Option<string> DialectOption() => new("--dialect")
    {
        Description = "The config dialect: xl (Xen 4.x, libxlu), xm (legacy Python) or auto.",
        DefaultValueFactory = _ => "xl",
    };

    public static bool TryGetDialect(string value, CliContext context, out ConfigDialect dialect)
    {
        switch (value.ToLowerInvariant())
        {
            case "xl":
                dialect = ConfigDialect.Xl;
                return true;
            default:
                context.Error.WriteLine($"xencfg: unknown dialect '{value}' (expected xl)");
                dialect = ConfigDialect.Xl;
                return false;
        }
    }

    public static ConfigDocument? TryLoad(string path, ConfigDialect dialect, CliContext context)
    {
        try
        {
            return XenConfig.Load(path, new XenConfigParseOptions { Dialect = dialect });
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Error.WriteLine($"xencfg: cannot read '{path}': {ex.Message}");
            return null;
        }
    }

    public static void WriteDiagnostics(ConfigDocument document, TextWriter writer)
    {
        foreach (Diagnostic d in document.Diagnostics)
        {
            writer.WriteLine(d.ToString());
        }
    }
}

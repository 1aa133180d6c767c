using System.CommandLine;
using System.Globalization;
using Xen.Hvm.Capabilities;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Model;

namespace XenCfg.Commands;

/// <summary>What the commands that read a config as a toolstack does share: <c>--toolstack</c> and <c>--xen</c>.</summary>
internal static class ModelCommandHelpers
{
    /// <summary>The last Xen release with xend (xm); xm's default version.</summary>
    public static readonly XenVersion LastXend = new(4, 4);

    /// <summary>xl's default version: the release the library follows.</summary>
    public static readonly XenVersion DefaultXl = new(4, 17);

    public static Option<string> ToolstackOption() => new("--toolstack")
    {
        Description = "The toolstack that reads the config: xl (libxl, Xen 4.0+; the default) or xm (xend, up to Xen 4.4).",
        DefaultValueFactory = _ => "xl",
    };

    public static Option<string?> XenOption() => new("--xen")
    {
        Description = "The Xen version of the toolstack, as MAJOR.MINOR (default: 4.17 for xl, 4.4 for xm).",
    };

    /// <summary>Reads <c>--toolstack</c> and <c>--xen</c>; a bad value is reported and gives false (exit 2).</summary>
    public static bool TryGetTarget(string toolstackText, string? versionText, CliContext context, out Toolstack toolstack, out XenVersion version)
    {
        version = DefaultXl;
        switch (toolstackText.ToLowerInvariant())
        {
            case "xl":
                toolstack = Toolstack.Xl;
                break;
            case "xm":
                toolstack = Toolstack.Xm;
                version = LastXend;
                break;
            default:
                context.Error.WriteLine($"xencfg: unknown toolstack '{toolstackText}' (expected xl or xm)");
                toolstack = Toolstack.Xl;
                return false;
        }

        if (versionText is null)
        {
            return true;
        }

        if (!XenVersion.TryParse(versionText, CultureInfo.InvariantCulture, out version) || version.Major < 2)
        {
            context.Error.WriteLine($"xencfg: --xen expects a Xen version such as 4.17, got '{versionText}'");
            return false;
        }

        if (toolstack == Toolstack.Xm && LastXend < version)
        {
            context.Error.WriteLine($"xencfg: xm (xend) was removed in Xen 4.5: use --xen 4.4 or earlier, or --toolstack xl");
            return false;
        }

        if (toolstack == Toolstack.Xl && version < new XenVersion(4, 0))
        {
            context.Error.WriteLine($"xencfg: xl first shipped with Xen 4.0: use --xen 4.0 or later, or --toolstack xm");
            return false;
        }

        return true;
    }

    public static Option<string?> UnameOption() => new("--uname")
    {
        Description = "xm files: what os.uname() answers, as 'SYSNAME NODENAME RELEASE VERSION MACHINE'; without it, values that depend on the host are unknown.",
    };

    public static Option<string[]> VarOption() => new("--var")
    {
        Description = "xm files: an 'xm create FILE NAME=VALUE' argument (repeatable), such as vmid=2 or memory=1024.",
        AllowMultipleArgumentsPerToken = false,
        DefaultValueFactory = _ => [],
    };

    /// <summary>Reads <c>--uname</c> and <c>--var</c> into the context an xm file is evaluated in; a bad value is reported and gives null (exit 2).</summary>
    public static XmEvaluationContext? TryGetXmContext(string? uname, string[] assignments, CliContext context)
    {
        XmHostProfile? host = null;
        if (uname is not null && !XmHostProfile.TryParse(uname, out host))
        {
            context.Error.WriteLine($"xencfg: --uname expects 'SYSNAME NODENAME RELEASE VERSION MACHINE', got '{uname}'");
            return null;
        }

        if (assignments.FirstOrDefault(static a => a.IndexOf('=', StringComparison.Ordinal) <= 0) is { } bad)
        {
            context.Error.WriteLine($"xencfg: --var expects NAME=VALUE, got '{bad}'");
            return null;
        }

        return new XmEvaluationContext { Host = host }.WithCommandLine(assignments);
    }

    /// <summary>Returns <c>xl 4.17</c>.</summary>
    public static string Describe(Toolstack toolstack, XenVersion version) =>
        (toolstack == Toolstack.Xm ? "xm " : "xl ") + version.ToString("M", CultureInfo.InvariantCulture);
}

using System.Reflection;
using Xen.Hvm.Diagnostics;

namespace XenCfg.Commands;

/// <summary><c>xencfg check --explain ID</c>: the ID's entry of docs/diagnostics.md (built into xencfg), or its descriptor when the entry is missing.</summary>
internal static class CheckExplain
{
    private const string Resource = "XenCfg.diagnostics.md";

    public static int Print(string id, CliContext context)
    {
        if (!DiagnosticCatalog.TryGet(id.Trim(), out DiagnosticDescriptor? descriptor))
        {
            context.Error.WriteLine($"xencfg: '{id}' is not a diagnostic ID (they look like XH8012)");
            return ExitCodes.UsageOrIo;
        }

        string? entry = Entry(descriptor.Id);
        if (entry is null)
        {
            context.Out.WriteLine($"{descriptor.Id}: {descriptor.Title}");
            context.Out.WriteLine();
            context.Out.WriteLine($"Severity: {descriptor.DefaultSeverity}. Area: {descriptor.Category}.");
            context.Out.WriteLine($"Message: {descriptor.MessageFormat}");
        }
        else
        {
            context.Out.WriteLine(entry);
        }

        context.Out.WriteLine();
        context.Out.WriteLine("See " + descriptor.HelpLink);
        return ExitCodes.Ok;
    }

    /// <summary>The lines from <c>### ID:</c> to the next heading, without the heading's hashes.</summary>
    internal static string? Entry(string id)
    {
        using Stream? stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(Resource);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        bool inside = false;
        while (reader.ReadLine() is { } line)
        {
            if (line.StartsWith('#'))
            {
                if (inside)
                {
                    break;
                }

                inside = line.StartsWith("### " + id + ":", StringComparison.Ordinal);
                if (inside)
                {
                    lines.Add(line[4..]);
                }

                continue;
            }

            if (inside)
            {
                lines.Add(line);
            }
        }

        return lines.Count == 0 ? null : string.Join('\n', lines).TrimEnd();
    }
}

using System.Collections;
using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Xen.Hvm.Capabilities;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;

namespace XenCfg.Commands;

/// <summary>
/// <c>xencfg show [--dialect auto|xl|xm] [--toolstack xl|xm] [--xen 4.17] [--uname U] [--var N=V]... [--all] [--json] FILE</c>: the typed view of a
/// config, as the toolstack will use it: one table grouped as xl.cfg(5) groups the options, with each option's value,
/// where it comes from (the file, a default, derived from other options, the host) and the line that sets it.
/// </summary>
internal static class ShowCommand
{
    private const string None = "-";

    public static Command Create(CliContext context)
    {
        var dialect = ConfigCommandHelpers.DialectOption();
        var toolstack = ModelCommandHelpers.ToolstackOption();
        var xen = ModelCommandHelpers.XenOption();
        var uname = ModelCommandHelpers.UnameOption();
        var vars = ModelCommandHelpers.VarOption();
        var all = new Option<bool>("--all") { Description = "Also list the options nothing takes the place of (no kernel, no disks...)." };
        var json = new Option<bool>("--json") { Description = "Print JSON: the target, the guest type and one object per option (group, option, value, source, derived_from, line, note)." };
        var file = new Argument<string>("FILE") { Description = "The config file." };
        var command = new Command("show", "Print what the toolstack makes of a config: every option's value and whether it comes from the file, a default or other options.")
        {
            dialect, toolstack, xen, uname, vars, all, json, file,
        };
        command.SetAction(result =>
        {
            if (!ConfigCommandHelpers.TryGetDialect(result.GetValue(dialect)!, context, out ConfigDialect d) ||
                !ModelCommandHelpers.TryGetTarget(result.GetValue(toolstack)!, result.GetValue(xen), context, out Toolstack t, out XenVersion v))
            {
                return ExitCodes.UsageOrIo;
            }

            if (ModelCommandHelpers.TryGetXmContext(result.GetValue(uname), result.GetValue(vars) ?? [], context) is not { } xm)
            {
                return ExitCodes.UsageOrIo;
            }

            string path = result.GetValue(file)!;
            ConfigDocument? doc = ConfigCommandHelpers.TryLoad(path, d, context);
            if (doc is null)
            {
                return ExitCodes.UsageOrIo;
            }

            BindResult bound = DomainConfig.Bind(doc, new BindOptions { Toolstack = t, XenVersion = v, XmContext = xm });
            EffectiveConfig effective = bound.Config.GetEffectiveValues(t, v);
            Row[] rows = Rows(bound, effective, result.GetValue(all)).ToArray();

            // Standard output is the view; diagnostics and the summary line go to standard error.
            if (result.GetValue(json))
            {
                WriteJson(context.Out, effective, rows);
            }
            else
            {
                WriteTable(context.Out, path, effective, rows);
            }

            IReadOnlyList<Diagnostic> diagnostics = [.. doc.Diagnostics, .. bound.Diagnostics];
            ConfigCommandHelpers.WriteDiagnostics(doc, context.Error);
            ConfigCommandHelpers.WriteDiagnostics(bound.Diagnostics, context.Error);
            context.Error.WriteLine(CliSummary.Config(path, doc, CliSummary.Count(rows.Count(static r => r.Source == EffectiveValueSource.File), "option") + " from the file", bound.Diagnostics));
            return ExitCodes.For(diagnostics);
        });
        return command;
    }

    /// <summary>One line of the view.</summary>
    private sealed record Row(OptionDefinition Option, IReadOnlyList<string> Value, EffectiveValueSource Source, IReadOnlyList<string> DerivedFrom, int? Line, string? Note);

    private static IEnumerable<Row> Rows(BindResult bound, EffectiveConfig effective, bool all)
    {
        ConfigDialect dialect = bound.Document.Dialect;
        bool arm = effective.Any(static v => v.Option.Group == OptionGroup.Arm && v.FileValue is not null);

        // Grouped as xl.cfg(5) groups the options (the catalogue keeps a few out of their group's run).
        foreach (EffectiveValue v in effective.OrderBy(static v => v.Option.Group))
        {
            // A value nothing takes the place of is noise, unless the toolstack requires it (no name) or --all asks;
            // so are the Arm options of a config that sets none of them.
            bool nothing = v.Source == EffectiveValueSource.Unset && v.Value is null && v.FileValue is null && v.Default?.Kind != OptionDefaultKind.Required;
            if (!all && (nothing || (v.Option.Group == OptionGroup.Arm && !arm)))
            {
                continue;
            }

            // A value the toolstack does not use shows what the file says; the source says why it is not used.
            object? shown = v.Source is EffectiveValueSource.Ignored or EffectiveValueSource.NotRead or EffectiveValueSource.NotApplicable ? v.FileValue : v.Value;
            int? line = bound.TryGetLocation(v.Option, out var location) ? location.Line : null;
            string? note = v.Source switch
            {
                EffectiveValueSource.File or EffectiveValueSource.Default => null,
                EffectiveValueSource.Derived => v.DerivedFrom.Count == 0 ? null : "from " + string.Join(", ", v.DerivedFrom.Select(static o => o.Name)),
                EffectiveValueSource.Host when v.Value is not null => null,
                _ => v.Note,
            };
            yield return new Row(v.Option, Format(shown, v.Option.Unit, dialect), v.Source, [.. v.DerivedFrom.Select(static o => o.Name)], line, note);
        }
    }

    private static void WriteTable(TextWriter o, string path, EffectiveConfig effective, Row[] rows)
    {
        o.WriteLine($"{path}: {GuestTypeName(effective.GuestType)} guest, as {ModelCommandHelpers.Describe(effective.Toolstack, effective.Version)} reads it");
        if (rows.Length == 0)
        {
            return;
        }

        // A value that is a list of more than one item, or too long for the column, goes below its row, one item a line.
        const int MaxValue = 32;
        bool Inline(Row r) => r.Value.Count == 1 && r.Value[0].Length <= MaxValue;
        int option = rows.Max(static r => r.Option.Name.Length) + 2;
        int value = Math.Max("VALUE".Length, rows.Where(Inline).Select(static r => r.Value[0].Length).DefaultIfEmpty(0).Max());
        int source = Math.Max("SOURCE".Length, rows.Max(static r => SourceName(r.Source).Length));
        o.WriteLine();
        o.WriteLine(("OPTION".PadRight(option) + "  " + "VALUE".PadRight(value) + "  " + "SOURCE".PadRight(source) + "  LINE  NOTE").TrimEnd());
        OptionGroup? group = null;
        foreach (Row r in rows)
        {
            if (r.Option.Group != group)
            {
                group = r.Option.Group;
                o.WriteLine(r.Option.Group.GetTitle());
            }

            bool inline = Inline(r);
            string cell = inline ? r.Value[0] : CliSummary.Count(r.Value.Count, "item") + ":";
            string line = r.Line?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
            o.WriteLine(("  " + r.Option.Name.PadRight(option - 2) + "  " + cell.PadRight(value) + "  " + SourceName(r.Source).PadRight(source) + "  " + line.PadRight(4) + "  " + r.Note).TrimEnd());
            if (!inline)
            {
                foreach (string item in r.Value)
                {
                    o.WriteLine("    " + item);
                }
            }
        }
    }

    private static void WriteJson(TextWriter o, EffectiveConfig effective, Row[] rows)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("toolstack", effective.Toolstack == Toolstack.Xm ? "xm" : "xl");
            w.WriteString("xen", effective.Version.ToString("M", CultureInfo.InvariantCulture));
            w.WriteString("guest_type", GuestTypeName(effective.GuestType).ToLowerInvariant());
            w.WriteStartArray("options");
            foreach (Row r in rows)
            {
                w.WriteStartObject();
                w.WriteString("group", r.Option.Group.GetTitle());
                w.WriteString("option", r.Option.Name);
                w.WriteStartArray("value");
                foreach (string item in r.Value.Where(static s => s != None))
                {
                    w.WriteStringValue(item);
                }

                w.WriteEndArray();
                w.WriteString("source", SourceName(r.Source));
                w.WriteStartArray("derived_from");
                foreach (string name in r.DerivedFrom)
                {
                    w.WriteStringValue(name);
                }

                w.WriteEndArray();
                if (r.Line is { } line)
                {
                    w.WriteNumber("line", line);
                }
                else
                {
                    w.WriteNull("line");
                }

                if (r.Note is { } note)
                {
                    w.WriteString("note", note);
                }
                else
                {
                    w.WriteNull("note");
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        o.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static string SourceName(EffectiveValueSource source) => source switch
    {
        EffectiveValueSource.File => "file",
        EffectiveValueSource.Default => "default",
        EffectiveValueSource.Derived => "derived",
        EffectiveValueSource.Host => "host",
        EffectiveValueSource.Unset => "unset",
        EffectiveValueSource.Ignored => "ignored",
        EffectiveValueSource.NotApplicable => "not applicable",
        EffectiveValueSource.NotRead => "not read",
        _ => source.ToString().ToLowerInvariant(),
    };

    private static string GuestTypeName(GuestType type) => type switch
    {
        GuestType.Hvm => "HVM",
        GuestType.Pvh => "PVH",
        _ => "PV",
    };

    /// <summary>A typed value as a config spells it, one string per list item: <c>1</c>/<c>0</c>, <c>512 MiB</c>, spec strings in the file's dialect.</summary>
    private static string[] Format(object? value, string? unit, ConfigDialect dialect) => value switch
    {
        null => [None],
        bool b => [b ? "1" : "0"],
        long l => [l.ToString(CultureInfo.InvariantCulture) + (unit is null ? string.Empty : " " + unit)],
        string s => [s],
        ViridianSetting { Groups: { } groups } => [string.Join(", ", groups.Select(g => g.ToSpecString(dialect)))],
        ViridianSetting { Enabled: { } enabled } => [enabled ? "1" : "0"],
        GfxPassthruSetting g => [g.Kind is { } kind ? kind.Spelling : g.Enabled ? "1" : "0"],
        ISpecValue spec => [spec.ToSpecString(dialect)],
        // The model's OneOrList<T> instances, named so that no reflection is needed (the native xencfg is trimmed).
        OneOrList<string> o => Format(o.Items, unit, dialect),
        OneOrList<CpuListSpec> o => Format(o.Items, unit, dialect),
        OneOrList<CpuidSpec> o => Format(o.Items, unit, dialect),
        OneOrList<EmulatedUsbDeviceSpec> o => Format(o.Items, unit, dialect),
        _ when value.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(OneOrList<>) =>
            throw new NotSupportedException($"ShowCommand.Format does not know {type}: add it beside OneOrList<string>."),
        IEnumerable items => Items(items, unit, dialect),
        _ => [value.ToString() ?? None],
    };

    private static string[] Items(IEnumerable items, string? unit, ConfigDialect dialect)
    {
        string[] text = items.Cast<object?>().SelectMany(i => Format(i, unit, dialect)).ToArray();
        return text.Length == 0 ? ["(empty list)"] : text;
    }
}

using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Spectre.Console;
using Xen.Hvm.Capabilities;
using Xen.Hvm.Diagnostics;

namespace XenCfg;

/// <summary><c>xencfg caps [--json] [FILE|-]</c>: decodes <c>xm info</c> / <c>xl info</c> output: a summary (host,
/// machine, memory, CPUs, Xen version and the three capability fields), the derived facts, then the CPU features.</summary>
internal static class CapsCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON (host, machine, nr_cpus, cpu_mhz, total_memory_mib, free_memory_mib, xen_version, layout, features, facts, xen_caps, virt_caps, diagnostics)." };
        var file = new Argument<string?>("FILE")
        {
            Description = "A file with 'xm info' or 'xl info' output; '-' or nothing reads standard input.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("caps", "Decode 'xm info' / 'xl info' output: hw_caps CPU features, xen_caps, virt_caps and what they mean for HVM guests.");
        command.Add(json);
        command.Add(file);
        command.SetAction(parse => Run(context, parse.GetValue(file), parse.GetValue(json)));
        return command;
    }

    private static int Run(CliContext context, string? file, bool json)
    {
        string path = file is null or "-" ? "<stdin>" : file;
        if (path == "<stdin>" && !Console.IsInputRedirected)
        {
            // Waiting on a terminal without a word would look like a hang.
            context.Error.WriteLine("xencfg caps: reading 'xl info' output from standard input (paste it, then Ctrl-D)...");
        }
        if (!CliFiles.TryReadAllText(file ?? "-", context, out string? text))
        {
            return ExitCodes.UsageOrIo;
        }

        ParseResult<HostInfo> result = HostInfo.Parse(text, new HostInfoParseOptions { Path = path });
        if (result.PartialValue is not { } info)
        {
            // Host info reading gives what it could read even from bad text; nothing at all is a failure.
            Commands.ConfigCommandHelpers.WriteDiagnostics(result.Diagnostics, context.Error);
            return ExitCodes.Failed;
        }

        if (json)
        {
            WriteJson(context.Out, info, result.Diagnostics);
        }
        else
        {
            // Text with no field at all gets no table of unknowns: its diagnostics say what it is instead.
            if (info.Fields.Count > 0 && context.IsTerminal)
            {
                WriteTables(context.Out, info);
            }
            else if (info.Fields.Count > 0)
            {
                WritePlain(context.Out, info);
            }

            Commands.ConfigCommandHelpers.WriteDiagnostics(result.Diagnostics, context.Error);
        }

        // Standard output is the report (or JSON); the summary line goes with the diagnostics, to standard error.
        context.Error.WriteLine(string.Join(", ", new[]
        {
            path + ": " + (info.Fields.Count == 0 ? "no host info" : "host info"),
            CliSummary.Count(info.Fields.Count, "field"),
            info.XenVersion is { } version ? "Xen " + version : null,
            CliSummary.Problems(result.Diagnostics),
        }.Where(p => p is not null)));
        return ExitCodes.For(result.Diagnostics);
    }

    private static string LayoutText(HwCaps? hw) => hw is null || hw.Layout == HwCapsLayout.Unknown
        ? "unknown"
        : hw.Layout + " (" + hw.LayoutSource.ToString().ToLowerInvariant() + ")";

    private static string StateName(FactState state) => state switch
    {
        FactState.NotApplicable => "n/a",
        _ => state.ToString().ToLowerInvariant(),
    };

    private static string StateText(HostFact fact) => fact.Value is { } v ? v + " (" + StateName(fact.State) + ")" : StateName(fact.State);

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>What admins look for first: memory, CPUs and their clock, the machine.</summary>
    private static string MemoryText(HostInfo info) => (info.TotalMemoryMiB, info.FreeMemoryMiB) switch
    {
        ({ } total, { } free) => $"{Number(total)} MiB total, {Number(free)} MiB free",
        ({ } total, null) => $"{Number(total)} MiB total",
        (null, { } free) => $"{Number(free)} MiB free",
        _ => "-",
    };

    private static string CpusText(HostInfo info)
    {
        var sb = new StringBuilder(info.NrCpus?.ToString(CultureInfo.InvariantCulture) ?? "-");
        bool arm = info.Facts.Vendor == CpuVendor.Arm;
        if (info.CpuMhz is { } mhz && !arm)
        {
            sb.Append(" at ").Append(mhz.ToString(CultureInfo.InvariantCulture)).Append(" MHz");
        }

        var topology = new List<string>();
        if (info.NrNodes is { } nodes)
        {
            topology.Add(nodes + (nodes == 1 ? " node" : " nodes"));
        }

        if (info.CoresPerSocket is { } cores)
        {
            topology.Add(cores + (cores == 1 ? " core" : " cores") + " per socket");
        }

        if (info.ThreadsPerCore is { } threads)
        {
            topology.Add(threads + (threads == 1 ? " thread" : " threads") + " per core");
        }

        if (topology.Count > 0)
        {
            sb.Append(" (").Append(string.Join(", ", topology)).Append(')');
        }

        if (info.CpuMhz is { } timer && arm)
        {
            // Xen on ARM fills cpu_khz from the generic timer: 1.920 on a HiKey960, 54.000 on a Raspberry Pi 4.
            sb.Append("; cpu_mhz ").Append(timer.ToString(CultureInfo.InvariantCulture)).Append(" is the ARM generic timer's frequency, not the CPU clock");
        }

        return sb.ToString();
    }

    private static IEnumerable<(string Label, string Value)> Summary(HostInfo info)
    {
        yield return ("host", info.Host ?? "-");
        yield return ("machine", info.Machine ?? "-");
        yield return ("memory", MemoryText(info));
        yield return ("cpus", CpusText(info));
        yield return ("xen_version", info.XenVersion?.ToString() ?? "-");
        yield return ("hw_caps", info.HwCaps?.Text ?? "-");
        yield return ("layout", LayoutText(info.HwCaps));
        yield return ("xen_caps", info.XenCaps is null ? "-" : string.Join(' ', info.XenCaps.Tokens.Select(t => t.Text).Concat(info.XenCaps.UnknownTokens)));
        yield return ("virt_caps", info.VirtCaps is null ? "-" : string.Join(' ', info.VirtCaps.Tokens));
    }

    private static IEnumerable<(string Word, string Register, string Hex, string Names)> Words(HwCaps hw)
    {
        for (int i = 0; i < hw.Words.Count; i++)
        {
            string names = string.Join(' ', hw.FeaturesOf(i).Select(f => f.DisplayName));
            yield return ("w" + i.ToString(CultureInfo.InvariantCulture), hw.RegisterOf(i).ToShortName(),
                hw.Words[i].ToString("x8", CultureInfo.InvariantCulture), names.Length == 0 ? "-" : names);
        }
    }

    private static string? NoFeaturesReason(HostInfo info) =>
        info.HwCaps is null ? "no hw_caps field"
        : !info.HwCaps.IsReadable && info.HwCaps.Words.Count == 0 ? "hw_caps is unreadable"
        : !info.HwCaps.HasX86Information ? "no x86 feature information (hw_caps is all zero" + (info.Facts.Vendor == CpuVendor.Arm ? ": ARM host)" : ")")
        : null;

    private static void WritePlain(TextWriter o, HostInfo info)
    {
        foreach (var (label, value) in Summary(info))
        {
            o.WriteLine($"{label,-12} {value}");
        }

        o.WriteLine();
        int title = info.Facts.Max(f => f.Title.Length);
        int state = info.Facts.Max(f => StateText(f).Length);
        int source = info.Facts.Max(f => f.Source.Length);
        o.WriteLine("Fact".PadRight(title) + "  " + "State".PadRight(state) + "  " + "Source".PadRight(source) + "  Caveat");
        foreach (HostFact f in info.Facts)
        {
            o.WriteLine((f.Title.PadRight(title) + "  " + StateText(f).PadRight(state) + "  " + f.Source.PadRight(source) + "  " + (f.Caveat ?? string.Empty)).TrimEnd());
        }

        o.WriteLine();
        o.WriteLine("Features");
        if (NoFeaturesReason(info) is { } reason)
        {
            o.WriteLine("  " + reason);
            return;
        }

        foreach (var (word, register, hex, names) in Words(info.HwCaps!))
        {
            o.WriteLine($"  {word}  {register,-9}  {hex}  {names}");
        }
    }

    private static void WriteTables(TextWriter o, HostInfo info)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(o) });
        var summary = new Table().HideHeaders().AddColumn("Field").AddColumn("Value");
        foreach (var (label, value) in Summary(info))
        {
            summary.AddRow(Markup.Escape(label), Markup.Escape(value));
        }

        console.Write(summary);
        var facts = new Table().Title("Facts").AddColumn("Fact").AddColumn("State").AddColumn("Source").AddColumn("Caveat");
        foreach (HostFact f in info.Facts)
        {
            string colour = f.State switch { FactState.Yes => "green", FactState.No => "red", FactState.Probable or FactState.Unlikely => "yellow", _ => "grey" };
            facts.AddRow(Markup.Escape(f.Title), $"[{colour}]{Markup.Escape(StateText(f))}[/]", Markup.Escape(f.Source), Markup.Escape(f.Caveat ?? string.Empty));
        }

        console.Write(facts);
        if (NoFeaturesReason(info) is { } reason)
        {
            console.MarkupLine("[grey]Features: " + Markup.Escape(reason) + "[/]");
            return;
        }

        var words = new Table().Title("Features").AddColumn("Word").AddColumn("Register").AddColumn("Hex").AddColumn("Features");
        foreach (var (word, register, hex, names) in Words(info.HwCaps!))
        {
            words.AddRow(word, register, hex, Markup.Escape(names));
        }

        console.Write(words);
    }

    private static void WriteJson(TextWriter o, HostInfo info, IReadOnlyList<Diagnostic> diagnostics)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            WriteStringOrNull(w, "host", info.Host);
            WriteStringOrNull(w, "machine", info.Machine);
            WriteNumberOrNull(w, "nr_cpus", info.NrCpus);
            WriteNumberOrNull(w, "cpu_mhz", info.CpuMhz);
            WriteNumberOrNull(w, "total_memory_mib", info.TotalMemoryMiB);
            WriteNumberOrNull(w, "free_memory_mib", info.FreeMemoryMiB);
            WriteStringOrNull(w, "xen_version", info.XenVersion?.ToString());
            WriteStringOrNull(w, "hw_caps", info.HwCaps?.Text);
            WriteStringOrNull(w, "layout", info.HwCaps is { Layout: not HwCapsLayout.Unknown } hw ? hw.Layout.ToString() : null);
            w.WriteStartArray("features");
            foreach (CpuFeature f in info.HwCaps?.Features ?? [])
            {
                if (!f.IsMirror)
                {
                    w.WriteStringValue(f.Name);
                }
            }

            w.WriteEndArray();
            w.WriteStartObject("facts");
            foreach (HostFact f in info.Facts)
            {
                w.WriteStartObject(f.Key);
                w.WriteString("title", f.Title);
                w.WriteString("state", StateName(f.State));
                WriteStringOrNull(w, "value", f.Value);
                w.WriteString("source", f.Source);
                WriteStringOrNull(w, "caveat", f.Caveat);
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteStartArray("xen_caps");
            foreach (XenCapability t in info.XenCaps?.Tokens ?? [])
            {
                w.WriteStartObject();
                w.WriteString("token", t.Text);
                w.WriteString("kind", t.Kind.ToString().ToLowerInvariant());
                w.WriteString("abi", t.AbiVersion);
                w.WriteString("architecture", t.ArchitectureText);
                w.WriteBoolean("pae", t.IsPae);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("virt_caps");
            foreach (string t in info.VirtCaps?.Tokens ?? [])
            {
                w.WriteStringValue(t);
            }

            w.WriteEndArray();
            w.WriteStartArray("diagnostics");
            foreach (Diagnostic d in diagnostics)
            {
                w.WriteStartObject();
                w.WriteString("id", d.Id);
                w.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
                w.WriteNumber("line", d.Location.Line);
                w.WriteNumber("column", d.Location.Column);
                w.WriteString("message", d.Message);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        o.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteNumberOrNull(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteStringOrNull(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}

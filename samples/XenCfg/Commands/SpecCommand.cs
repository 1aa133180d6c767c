using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;

namespace XenCfg;

/// <summary><c>xencfg spec KIND [--dialect xl|xm] [--] TEXT|-</c>: parses one spec string and prints its fields as JSON
/// with the canonical xl and xm forms and what each form leaves out. A spec that starts with '-' goes after '--'; '-'
/// reads it from standard input.</summary>
internal static class SpecCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        IncludeFields = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase), new TextValueConverter<MacAddress>(), new TextValueConverter<PciAddress>(), new TextValueConverter<VirtualDevice>() },
    };

    public static Command Create(CliContext context)
    {
        var kind = new Argument<string>("kind") { Description = "The spec language: " + string.Join(", ", SpecString.Names) + " (or a key that uses one, e.g. cpus_soft)." };
        var text = new Argument<string>("text")
        {
            Description = "The spec string, as it is between the quotes (escapes already decoded). A spec that starts with '-' goes after '--' "
                + "(xencfg spec disk -- '-x,raw,xvda'); '-' reads it from standard input (one final line break is dropped).",
        };
        var dialect = new Option<string>("--dialect") { Description = "Read it as xl (default) or xm." };
        var command = new Command("spec", "Parse a spec string (disk, vif, pci, ...) and print its fields and canonical xl and xm forms as JSON. "
            + "Put a spec that starts with '-' after '--'; give '-' to read it from standard input.")
        {
            kind,
            text,
            dialect,
        };
        command.SetAction(parseResult => Run(context, parseResult.GetValue(kind), parseResult.GetValue(text), parseResult.GetValue(dialect)));
        return command;
    }

    private static int Run(CliContext context, string? kindName, string? text, string? dialectName)
    {
        if (!SpecString.TryGetKind(kindName, out SpecKind kind))
        {
            context.Error.WriteLine($"xencfg: unknown spec kind '{kindName}'; expected one of {string.Join(", ", SpecString.Names)}.");
            return ExitCodes.UsageOrIo;
        }

        ConfigDialect dialect;
        switch (dialectName)
        {
            case null or "xl":
                dialect = ConfigDialect.Xl;
                break;
            case "xm":
                dialect = ConfigDialect.Xm;
                break;
            default:
                context.Error.WriteLine($"xencfg: unknown dialect '{dialectName}'; expected xl or xm.");
                return ExitCodes.UsageOrIo;
        }

        if (text == "-")
        {
            if (!Console.IsInputRedirected)
            {
                context.Error.WriteLine("xencfg spec: reading the spec from standard input (type it, then Ctrl-D)...");
            }

            if (!CliFiles.TryReadAllText("-", context, out string? input))
            {
                return ExitCodes.UsageOrIo;
            }

            // The spec is one value: the line break that echo or a here-string adds is not part of it.
            text = input.EndsWith("\r\n", StringComparison.Ordinal) ? input[..^2] : input.EndsWith('\n') ? input[..^1] : input;
        }

        var result = SpecString.Parse(kind, text ?? string.Empty, dialect);
        SpecPrintResult? xl = result.PartialValue is { } v ? SpecString.Print(v, ConfigDialect.Xl) : null;
        SpecPrintResult? xm = result.PartialValue is { } w ? SpecString.Print(w, ConfigDialect.Xm) : null;
        var output = new SpecOutput(
            SpecString.Name(kind),
            dialect == ConfigDialect.Xm ? "xm" : "xl",
            text ?? string.Empty,
            result.Success,
            result.PartialValue,
            xl?.Text,
            xm?.Text,
            result.Diagnostics.Select(d => new DiagnosticOutput(d.Id, d.Severity.ToString().ToLowerInvariant(), d.Span.Start, d.Span.Length, d.Message)).ToArray(),
            PrintDiagnostics(xl, "xl").Concat(PrintDiagnostics(xm, "xm")).ToArray());
        context.Out.WriteLine(JsonSerializer.Serialize(output, JsonOptions));
        return result.HasErrors ? ExitCodes.Failed : ExitCodes.Ok;
    }

    /// <summary>What the canonical form of a dialect leaves out of the value (XH2040, XH2041).</summary>
    private static IEnumerable<PrintDiagnosticOutput> PrintDiagnostics(SpecPrintResult? printed, string dialect) =>
        printed?.Diagnostics.Select(d => new PrintDiagnosticOutput(dialect, d.Id, d.Severity.ToString().ToLowerInvariant(), d.Message)) ?? [];

    private sealed record SpecOutput(string Kind, string Dialect, string Text, bool Valid, object? Value, string? Xl, string? Xm, DiagnosticOutput[] Diagnostics, PrintDiagnosticOutput[] PrintDiagnostics);

    private sealed record PrintDiagnosticOutput(string Dialect, string Id, string Severity, string Message);

    private sealed record DiagnosticOutput(string Id, string Severity, int Start, int Length, string Message);

    /// <summary>Writes a value type by its <see cref="object.ToString"/>.</summary>
    private sealed class TextValueConverter<T> : JsonConverter<T>
        where T : struct
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }
}

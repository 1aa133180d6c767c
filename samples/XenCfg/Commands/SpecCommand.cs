using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;

namespace XenCfg;

/// <summary><c>xencfg spec KIND [--dialect xl|xm] [--] TEXT|-</c>: parses one spec string and prints its fields as JSON
/// with the canonical xl and xm forms and what each form leaves out. A spec that starts with '-' goes after '--'; '-'
/// reads it from standard input.</summary>
internal static class SpecCommand
{
    // Source-generated serialization (SpecJsonContext), so that the native (AOT) xencfg writes the same JSON: every
    // spec record is registered there, and each enum they use gets a camelCase converter here; an enum missing from
    // this list fails loudly (MissingEnumConverter) rather than printing a number.
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        IncludeFields = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        TypeInfoResolver = SpecJsonContext.Default,
        Converters =
        {
            CamelCase<SmbiosKey>(),
            CamelCase<VifIntervalUnit>(),
            CamelCase<EmulatedUsbDeviceKind>(),
            CamelCase<DiskSpecification>(),
            CamelCase<HvmDiskEmulation>(),
            CamelCase<VirtualDeviceKind>(),
            CamelCase<DiskDeviceType>(),
            CamelCase<ViridianGroup>(),
            CamelCase<P9Type>(),
            CamelCase<PciRdmPolicy>(),
            CamelCase<UsbControllerType>(),
            CamelCase<VifRateUnit>(),
            CamelCase<DiskAccess>(),
            CamelCase<DiskFormat>(),
            CamelCase<DiskKeywordKind>(),
            CamelCase<VnumaKey>(),
            CamelCase<CpuidForm>(),
            CamelCase<VifType>(),
            CamelCase<ChannelConnection>(),
            CamelCase<DiskBackendType>(),
            new TextValueConverter<MacAddress>(),
            new TextValueConverter<PciAddress>(),
            new TextValueConverter<VirtualDevice>(),
            new MissingEnumConverter(),
        },
    };

    private static JsonStringEnumConverter<T> CamelCase<T>()
        where T : struct, Enum => new(JsonNamingPolicy.CamelCase);

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
        context.Out.WriteLine(JsonSerializer.Serialize(output, (JsonTypeInfo<SpecOutput>)JsonOptions.GetTypeInfo(typeof(SpecOutput))));
        return result.HasErrors ? ExitCodes.Failed : ExitCodes.Ok;
    }

    /// <summary>What the canonical form of a dialect leaves out of the value (XH2040, XH2041).</summary>
    private static IEnumerable<PrintDiagnosticOutput> PrintDiagnostics(SpecPrintResult? printed, string dialect) =>
        printed?.Diagnostics.Select(d => new PrintDiagnosticOutput(dialect, d.Id, d.Severity.ToString().ToLowerInvariant(), d.Message)) ?? [];

    internal sealed record SpecOutput(string Kind, string Dialect, string Text, bool Valid, object? Value, string? Xl, string? Xm, DiagnosticOutput[] Diagnostics, PrintDiagnosticOutput[] PrintDiagnostics);

    internal sealed record PrintDiagnosticOutput(string Dialect, string Id, string Severity, string Message);

    internal sealed record DiagnosticOutput(string Id, string Severity, int Start, int Length, string Message);

    /// <summary>Writes a value type by its <see cref="object.ToString"/>.</summary>
    private sealed class TextValueConverter<T> : JsonConverter<T>
        where T : struct
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => throw new NotSupportedException();

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }

    /// <summary>Refuses an enum that has no converter in <see cref="JsonOptions"/>.</summary>
    private sealed class MissingEnumConverter : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException($"SpecCommand.JsonOptions has no converter for the enum {typeToConvert.Name}: add CamelCase<{typeToConvert.Name}>().");
    }
}

/// <summary>The types <c>xencfg spec</c> writes, for System.Text.Json's source generator (no reflection at run time).</summary>
[JsonSourceGenerationOptions(IncludeFields = true)]
[JsonSerializable(typeof(SpecCommand.SpecOutput))]
[JsonSerializable(typeof(DiskSpec))]
[JsonSerializable(typeof(VifSpec))]
[JsonSerializable(typeof(PciSpec))]
[JsonSerializable(typeof(VfbSpec))]
[JsonSerializable(typeof(ChannelSpec))]
[JsonSerializable(typeof(VtpmSpec))]
[JsonSerializable(typeof(P9Spec))]
[JsonSerializable(typeof(UsbControllerSpec))]
[JsonSerializable(typeof(UsbPassthroughSpec))]
[JsonSerializable(typeof(EmulatedUsbDeviceSpec))]
[JsonSerializable(typeof(CpuListSpec))]
[JsonSerializable(typeof(CpuidSpec))]
[JsonSerializable(typeof(ViridianSpec))]
[JsonSerializable(typeof(SmbiosSpec))]
[JsonSerializable(typeof(VnumaOption))]
[JsonSerializable(typeof(IoPortRange))]
[JsonSerializable(typeof(IoMemRange))]
[JsonSerializable(typeof(IrqSpec))]
internal sealed partial class SpecJsonContext : JsonSerializerContext;

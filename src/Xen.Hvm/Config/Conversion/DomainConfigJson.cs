using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Xen.Hvm.Config.Conversion.Internal.Json;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Text;

namespace Xen.Hvm.Config.Conversion;

/// <summary>
/// The typed model as JSON, and back: one key per option the model sets, named as the config names it
/// (<c>"memory": 512</c>, <c>"on_crash": "restart"</c>), closed sets by their xl spelling, device lists as arrays of
/// objects with snake-case keys (<c>{"target": "/img", "format": "raw", "vdev": "xvda", ...}</c>), and
/// <c>other_settings</c> for the keys no option claims. Options the model leaves unset are not written. The
/// serializer is System.Text.Json's source generator (no reflection: trim- and AOT-safe); <see cref="GetSchema"/> is
/// the JSON Schema of the format, published as <c>docs/domain-config.schema.json</c>.
/// </summary>
/// <remarks>
/// Reading gives back an equal model (<see cref="DomainConfig"/> value equality). A closed set is written in xl's
/// spelling, so a value read from the integer form (<c>tsc_mode = 1</c>) keeps its meaning but not its spelling.
/// </remarks>
public static class DomainConfigJson
{
    private static readonly Lazy<JsonSerializerOptions> s_options = new(CreateOptions);

    /// <summary>
    /// Gets the serializer options of the format (the source-generated contract with the option names), read-only;
    /// use them with <see cref="JsonSerializer"/> to embed a model in larger documents.
    /// </summary>
    public static JsonSerializerOptions Options => s_options.Value;

    /// <summary>Writes a model as JSON.</summary>
    /// <param name="config">The model.</param>
    /// <param name="indented">Whether to indent (two spaces); <see langword="true"/> by default.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="config"/> is <see langword="null"/>.</exception>
    public static string Serialize(DomainConfig config, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(config);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented, Encoder = Options.Encoder }))
        {
            Serialize(writer, config);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>Writes a model as JSON to a writer.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="config">The model.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void Serialize(Utf8JsonWriter writer, DomainConfig config)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(config);
        JsonSerializer.Serialize(writer, config, TypeInfo);
    }

    /// <summary>Reads a model from JSON; the text's errors are diagnostics (XH9080, XH9081), never exceptions.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="path">The file the text came from, for the diagnostics; or null.</param>
    /// <returns>The model, or the diagnostics that say why there is none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public static ParseResult<DomainConfig> Parse(string json, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        var lines = LineMap.Create(json);
        try
        {
            using (JsonDocument.Parse(json))
            {
            }
        }
        catch (JsonException e)
        {
            return Failed(DiagnosticDescriptors.ModelJsonSyntax, json, path, lines, e);
        }

        try
        {
            DomainConfig? config = JsonSerializer.Deserialize(json, TypeInfo);
            return config is null
                ? Failed(DiagnosticDescriptors.ModelJsonMismatch, json, path, lines, new JsonException(null, "$", 0, 0))
                : new ParseResult<DomainConfig>(config, [], static (m, d) => new XenConfigException(m, d));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            return Failed(DiagnosticDescriptors.ModelJsonMismatch, json, path, lines, e as JsonException);
        }
    }

    /// <summary>Gets the JSON Schema (draft 2020-12) of the format: every option with its summary and type.</summary>
    /// <returns>A new schema object.</returns>
    public static JsonObject GetSchema() => ModelJsonSchema.Create(Options);

    private static JsonTypeInfo<DomainConfig> TypeInfo => (JsonTypeInfo<DomainConfig>)Options.GetTypeInfo(typeof(DomainConfig));

    private static JsonSerializerOptions CreateOptions()
    {
        // Text stays readable (names, paths, non-ASCII); only what JSON itself needs is escaped. The output is data,
        // not HTML: a page that embeds it must escape it as it would any text.
        var options = new JsonSerializerOptions(ModelJsonContext.Default.Options)
        {
            TypeInfoResolver = ModelJsonContext.Default.WithAddedModifier(ModelJsonSchema.NameOptions),
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.MakeReadOnly();
        return options;
    }

    private static ParseResult<DomainConfig> Failed(DiagnosticDescriptor descriptor, string json, string? path, LineMap lines, JsonException? e)
    {
        int offset = e is { LineNumber: { } line } ? Offset(json, lines, (int)line, (int)(e.BytePositionInLine ?? 0)) : 0;
        var location = SourceLocation.Create(path, new TextSpan(offset, offset < json.Length ? 1 : 0), lines);
        Diagnostic d = descriptor == DiagnosticDescriptors.ModelJsonSyntax
            ? Diagnostic.Create(descriptor, location)
            : Diagnostic.Create(descriptor, location, e?.Path ?? "$");
        return new ParseResult<DomainConfig>(null, [d], static (m, ds) => new XenConfigException(m, ds));
    }

    /// <summary>The character offset of a zero-based line and UTF-8 byte position, as System.Text.Json reports them.</summary>
    private static int Offset(string json, LineMap lines, int line, int bytes)
    {
        if (line >= lines.LineCount)
        {
            return json.Length;
        }

        int start = lines.GetLineStart(line);
        int at = start;
        int count = 0;
        while (at < json.Length && json[at] != '\n' && count < bytes)
        {
            count += char.IsHighSurrogate(json[at]) ? 4 : Encoding.UTF8.GetByteCount(json.AsSpan(at, 1));
            at += char.IsHighSurrogate(json[at]) ? 2 : 1;
        }

        return Math.Min(at, json.Length);
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Conversion.Internal.Json;

// The converters of the model's own value types. Each reads exactly what it writes; elements go through the
// source-generated contract of their type (options.GetTypeInfo), so nothing here needs reflection.

/// <summary>A closed set as its spelling: xl's for a known member, the file's for an unrecognised one.</summary>
internal sealed class ConfigEnumConverter<T> : JsonConverter<ConfigEnum<T>>
    where T : struct, Enum
{
    public override ConfigEnum<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String ? ConfigEnum<T>.FromSpelling(reader.GetString()!) : throw new JsonException();

    public override void Write(Utf8JsonWriter writer, ConfigEnum<T> value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.WithCanonicalSpelling().Spelling);
}

/// <summary>Reads and writes the items of a list through the contract of their type.</summary>
internal static class JsonItems
{
    public static List<T> ReadArray<T>(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException();
        }

        var info = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(JsonSerializer.Deserialize(ref reader, info) ?? throw new JsonException());
        }

        return items;
    }

    public static T ReadOne<T>(ref Utf8JsonReader reader, JsonSerializerOptions options) =>
        JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T))) ?? throw new JsonException();

    public static void WriteArray<T>(Utf8JsonWriter writer, IEnumerable<T> items, JsonSerializerOptions options)
    {
        var info = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        writer.WriteStartArray();
        foreach (T item in items)
        {
            JsonSerializer.Serialize(writer, item, info);
        }

        writer.WriteEndArray();
    }
}

internal sealed class ValueListConverter<T> : JsonConverter<ValueList<T>>
{
    public override ValueList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ValueList.From(JsonItems.ReadArray<T>(ref reader, options));

    public override void Write(Utf8JsonWriter writer, ValueList<T> value, JsonSerializerOptions options) => JsonItems.WriteArray(writer, value, options);
}

internal sealed class SpecListConverter<T> : JsonConverter<SpecList<T>>
{
    public override SpecList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(JsonItems.ReadArray<T>(ref reader, options));

    public override void Write(Utf8JsonWriter writer, SpecList<T> value, JsonSerializerOptions options) => JsonItems.WriteArray(writer, value, options);
}

/// <summary>A string-or-list option: one value, or an array when the file used the list form.</summary>
internal sealed class OneOrListConverter<T> : JsonConverter<OneOrList<T>>
{
    public override OneOrList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.StartArray
            ? OneOrList<T>.List(ValueList.From(JsonItems.ReadArray<T>(ref reader, options)))
            : OneOrList<T>.One(JsonItems.ReadOne<T>(ref reader, options));

    public override void Write(Utf8JsonWriter writer, OneOrList<T> value, JsonSerializerOptions options)
    {
        if (value.IsList)
        {
            JsonItems.WriteArray(writer, value.Items, options);
        }
        else
        {
            JsonSerializer.Serialize(writer, value.Items[0], (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
        }
    }
}

/// <summary>vNUMA ranges as <c>[[from, to], ...]</c>.</summary>
internal sealed class RangeListConverter : JsonConverter<SpecList<(ulong From, ulong To)>>
{
    public override SpecList<(ulong From, ulong To)> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException();
        }

        var ranges = new List<(ulong, ulong)>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartArray || !reader.Read() || !reader.TryGetUInt64(out ulong from) ||
                !reader.Read() || !reader.TryGetUInt64(out ulong to) || !reader.Read() || reader.TokenType != JsonTokenType.EndArray)
            {
                throw new JsonException();
            }

            ranges.Add((from, to));
        }

        return new SpecList<(ulong From, ulong To)>(ranges);
    }

    public override void Write(Utf8JsonWriter writer, SpecList<(ulong From, ulong To)> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach ((ulong from, ulong to) in value)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(from);
            writer.WriteNumberValue(to);
            writer.WriteEndArray();
        }

        writer.WriteEndArray();
    }
}

/// <summary>A value type that reads as text: written with ToString, read with its parser.</summary>
internal abstract class TextConverter<T> : JsonConverter<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && TryParse(reader.GetString()!, out T? value) ? value! : throw new JsonException();

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(Format(value));

    protected abstract bool TryParse(string text, out T? value);

    protected abstract string Format(T value);
}

internal sealed class MacAddressConverter : TextConverter<MacAddress>
{
    protected override bool TryParse(string text, out MacAddress value) => MacAddress.TryParse(text, out value);

    protected override string Format(MacAddress value) => value.ToString();
}

internal sealed class PciAddressConverter : TextConverter<PciAddress>
{
    protected override bool TryParse(string text, out PciAddress value) => PciAddress.TryParse(text, out value);

    protected override string Format(PciAddress value) => value.ToString();
}

/// <summary>A CPU list as its spec string (<c>"0-3,^1"</c>, <c>"node:0"</c>).</summary>
internal sealed class CpuListSpecConverter : TextConverter<CpuListSpec>
{
    protected override bool TryParse(string text, out CpuListSpec? value) => CpuListSpec.TryParse(text, ConfigDialect.Xl, out value);

    protected override string Format(CpuListSpec value) => value.ToSpecString();
}

/// <summary>viridian: a boolean, or the list of enlightenment groups.</summary>
internal sealed class ViridianSettingConverter : JsonConverter<ViridianSetting>
{
    public override ViridianSetting Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => ViridianSetting.FromBoolean(true),
        JsonTokenType.False => ViridianSetting.FromBoolean(false),
        JsonTokenType.StartArray => ViridianSetting.FromGroups(ValueList.From(JsonItems.ReadArray<ViridianSpec>(ref reader, options))),
        _ => throw new JsonException(),
    };

    public override void Write(Utf8JsonWriter writer, ViridianSetting value, JsonSerializerOptions options)
    {
        if (value.Groups is { } groups)
        {
            JsonItems.WriteArray(writer, groups, options);
        }
        else
        {
            writer.WriteBooleanValue(value.Enabled == true);
        }
    }
}

/// <summary>
/// A raw config value: a string, an integer, a float (always with a fraction or exponent, so it reads back as one),
/// a list, or <c>{"unknown": "source"}</c> for an xm value the evaluator could not know.
/// </summary>
internal sealed class ConfigValueConverter : JsonConverter<ConfigValue>
{
    public override ConfigValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new ConfigString(reader.GetString()!);
            case JsonTokenType.Number when reader.TryGetInt64(out long integer) && !IsFloatText(reader):
                return new ConfigInteger(integer);
            case JsonTokenType.Number when reader.TryGetDouble(out double number):
                return new ConfigFloat(number);
            case JsonTokenType.StartArray:
                return new ConfigList(JsonItems.ReadArray<ConfigValue>(ref reader, options));
            case JsonTokenType.StartObject:
                if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName || reader.GetString() != "unknown" ||
                    !reader.Read() || reader.TokenType != JsonTokenType.String)
                {
                    throw new JsonException();
                }

                string source = reader.GetString()!;
                return reader.Read() && reader.TokenType == JsonTokenType.EndObject ? new ConfigUnknown(source, default) : throw new JsonException();
            default:
                throw new JsonException();
        }
    }

    public override void Write(Utf8JsonWriter writer, ConfigValue value, JsonSerializerOptions options)
    {
        switch (value)
        {
            case ConfigString s:
                writer.WriteStringValue(s.Value);
                break;
            case ConfigInteger n:
                writer.WriteNumberValue(n.Value);
                break;
            case ConfigFloat f when double.IsFinite(f.Value):
                string text = f.Value.ToString("R", CultureInfo.InvariantCulture);
                writer.WriteRawValue(text.AsSpan().IndexOfAny('.', 'E') < 0 ? text + ".0" : text);
                break;
            case ConfigFloat f:
                writer.WriteStringValue(f.Value.ToString("R", CultureInfo.InvariantCulture));
                break;
            case ConfigList l:
                JsonItems.WriteArray(writer, l.Items, options);
                break;
            case ConfigUnknown u:
                writer.WriteStartObject();
                writer.WriteString("unknown", u.Source);
                writer.WriteEndObject();
                break;
        }
    }

    private static bool IsFloatText(Utf8JsonReader reader)
    {
        ReadOnlySpan<byte> raw = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan;
        return raw.IndexOfAny((byte)'.', (byte)'e', (byte)'E') >= 0;
    }
}

/// <summary>An enum of the spec records as its member name in snake case (<c>read_write</c>).</summary>
internal sealed class SnakeCaseEnumConverter<T> : JsonStringEnumConverter<T>
    where T : struct, Enum
{
    public SnakeCaseEnumConverter()
        : base(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
    {
    }
}

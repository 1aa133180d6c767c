using System.Text.Json.Nodes;
using Xen.Hvm.Specs.Internal;

namespace Xen.Hvm.Config.Model.Internal.Libxl;

/// <summary>The C string handling xl's own spec readers use (vdispl, vkb, vsnd, pvcalls: <c>strtok</c>,
/// <c>MATCH_OPTION</c>, <c>strtoul</c>), for the lists the model keeps as strings.</summary>
internal static class LibxlSpecText
{
    /// <summary><c>strtok</c>: the non-empty pieces between delimiters.</summary>
    public static string[] Strtok(string text, char delimiter) =>
        text.Split(delimiter, StringSplitOptions.RemoveEmptyEntries);

    /// <summary><c>MATCH_OPTION(key, item, value)</c>: the text after <c>key=</c> when the item starts with it.</summary>
    public static string? Option(string item, string key) =>
        item.Length > key.Length && item[key.Length] == '=' && item.StartsWith(key, StringComparison.Ordinal)
            ? item[(key.Length + 1)..]
            : null;

    /// <summary><c>strtoul(text, NULL, radix)</c>: 0 when no digits.</summary>
    public static ulong Strtoul(string text, int radix) => CNumbers.StrToUL(text, 0, radix, out _, out _);

    /// <summary><c>sscanf(text, "%ux%u")</c> == 2.</summary>
    public static bool TryResolution(string text, out uint width, out uint height)
    {
        width = 0;
        height = 0;
        ulong w = CNumbers.StrToUL(text, 0, 10, out int end, out _);
        if (end == 0 || end >= text.Length || text[end] != 'x')
        {
            return false;
        }

        ulong h = CNumbers.StrToUL(text, end + 1, 10, out int end2, out _);
        if (end2 == end + 1)
        {
            return false;
        }

        width = unchecked((uint)w);
        height = unchecked((uint)h);
        return true;
    }
}

/// <summary><c>xlu_rdm_parse</c> of Xen 4.17 with its quirk: a valid <c>policy=</c> makes the whole string fail (the
/// check is inverted), so only <c>strategy=host</c> alone is ever applied, and the policy stays unset.</summary>
internal readonly record struct LibxlRdm(bool Accepted, bool StrategyHost)
{
    public static LibxlRdm Parse(string text)
    {
        if (text.Length == 0)
        {
            return default;
        }

        bool host = false;
        foreach (string item in text.Split(','))
        {
            int eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                return default;
            }

            string key = item[..eq];
            string value = item[(eq + 1)..];
            switch (key)
            {
                case "strategy" when value == "host":
                    host = true;
                    break;
                case "policy" when value.Equals("strict", StringComparison.OrdinalIgnoreCase) || value.Equals("relaxed", StringComparison.OrdinalIgnoreCase):
                    return default;
                case "policy":
                    break;
                default:
                    return default;
            }
        }

        return new LibxlRdm(true, host);
    }
}

/// <summary><c>parse_vkb_list</c>/<c>parse_vkb_config</c>: one <c>vkb=</c> item.</summary>
internal static class LibxlVkb
{
    private static readonly (string Key, string Field, bool Flag)[] Numbers =
    [
        ("feature-disable-keyboard", "feature_disable_keyboard", true),
        ("feature-disable-pointer", "feature_disable_pointer", true),
        ("feature-abs-pointer", "feature_abs_pointer", true),
        ("feature-raw-pointer", "feature_raw_pointer", true),
        ("feature-multi-touch", "feature_multi_touch", true),
        ("multi-touch-width", "multi_touch_width", false),
        ("multi-touch-height", "multi_touch_height", false),
        ("multi-touch-num-contacts", "multi_touch_num_contacts", false),
        ("width", "width", false),
        ("height", "height", false),
    ];

    public static JsonObject? Parse(string spec, int devid, out string? error)
    {
        error = null;
        var vkb = new JsonObject { ["devid"] = devid };
        var values = new Dictionary<string, ulong>(StringComparer.Ordinal);
        string? backendType = null;
        foreach (string token in LibxlSpecText.Strtok(spec, ','))
        {
            string item = token.TrimStart(' ');
            if (LibxlSpecText.Option(item, "backend") is { } backend)
            {
                vkb["backend_domname"] = backend;
            }
            else if (LibxlSpecText.Option(item, "backend-type") is { } type)
            {
                backendType = type.ToLowerInvariant() switch
                {
                    "qemu" => "qemu",
                    "linux" => "linux",
                    _ => null,
                };
                if (backendType is null)
                {
                    error = "Unknown backend_type \"" + type + "\" in vkb spec";
                    return null;
                }
            }
            else if (LibxlSpecText.Option(item, "unique-id") is { } id)
            {
                vkb["unique_id"] = id;
            }
            else if (Array.FindIndex(Numbers, n => LibxlSpecText.Option(item, n.Key) is not null) is >= 0 and var i)
            {
                values[Numbers[i].Field] = LibxlSpecText.Strtoul(LibxlSpecText.Option(item, Numbers[i].Key)!, 0);
            }
            else
            {
                error = "Unknown string \"" + item + "\" in vkb spec";
                return null;
            }
        }

        if (backendType is null)
        {
            error = "backend-type should be set in vkb spec";
            return null;
        }

        vkb["backend_type"] = backendType;
        bool touch = Get("multi_touch_width") != 0 || Get("multi_touch_height") != 0 || Get("multi_touch_num_contacts") != 0;
        if (touch)
        {
            values["feature_multi_touch"] = 1;
        }
        else if (Get("feature_multi_touch") != 0)
        {
            error = "multi-touch-width, multi-touch-height, multi-touch-num-contacts should be set for multi touch in vkb spec";
            return null;
        }

        foreach (var (_, field, flag) in Numbers)
        {
            if (values.TryGetValue(field, out ulong v))
            {
                vkb[field] = flag ? JsonValue.Create(v != 0) : LibxlIdl.Number(unchecked((uint)v));
            }
        }

        return vkb;

        ulong Get(string field) => values.TryGetValue(field, out ulong v) ? v : 0;
    }
}

/// <summary><c>parse_vsnd_item</c>: the items of one <c>vsnd=</c> card (<c>card, ...</c>, <c>pcm, ...</c>,
/// <c>stream, ...</c>).</summary>
internal sealed class LibxlVsnd
{
    private static readonly string[] Formats =
    [
        "s8", "u8", "s16_le", "s16_be", "u16_le", "u16_be", "s24_le", "s24_be", "u24_le", "u24_be", "s32_le", "s32_be", "u32_le",
        "u32_be", "f32_le", "f32_be", "f64_le", "f64_be", "iec958_subframe_le", "iec958_subframe_be", "mu_law", "a_law",
        "ima_adpcm", "mpeg", "gsm",
    ];

    private readonly JsonArray _pcms = [];

    public LibxlVsnd(int devid)
    {
        Card = new JsonObject { ["devid"] = devid, ["params"] = new JsonObject() };
    }

    public JsonObject Card { get; }

    /// <summary>Reads one item; returns xl's message when it refuses it.</summary>
    public string? Item(string spec)
    {
        string? kind = null;
        foreach (string token in LibxlSpecText.Strtok(spec, ','))
        {
            string item = token.TrimStart(' ');
            if (kind is null)
            {
                kind = item.ToLowerInvariant();
                switch (kind)
                {
                    case "card":
                        break;
                    case "pcm":
                        NewPcm();
                        break;
                    case "stream":
                        if (_pcms.Count == 0)
                        {
                            NewPcm();
                        }

                        ((JsonArray)_pcms[^1]!["streams"]!).Add((JsonNode)new JsonObject { ["params"] = new JsonObject() });
                        break;
                    default:
                        return "Invalid key: " + item;
                }

                continue;
            }

            string? error = kind switch
            {
                "card" => Param(Card, item, ("backend", "backend_domname"), ("short-name", "short_name"), ("long-name", "long_name")),
                "pcm" => Param((JsonObject)_pcms[^1]!, item, ("name", "name")),
                _ => Stream(item),
            };
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    private void NewPcm()
    {
        _pcms.Add((JsonNode)new JsonObject { ["params"] = new JsonObject(), ["streams"] = new JsonArray() });
        Card["pcms"] = _pcms;
    }

    private string? Stream(string item)
    {
        var streams = (JsonArray)_pcms[^1]!["streams"]!;
        if (streams.Count == 0)
        {
            return "No vsnd stream";
        }

        var stream = (JsonObject)streams[^1]!;
        if (Params((JsonObject)stream["params"]!, item, out string? error))
        {
            return error;
        }

        if (LibxlSpecText.Option(item, "unique-id") is { } id)
        {
            stream["unique_id"] = id;
        }
        else if (LibxlSpecText.Option(item, "type") is { } type)
        {
            switch (type.ToLowerInvariant())
            {
                case "p":
                case "c":
                    stream["type"] = type.ToLowerInvariant();
                    break;
                default:
                    return "Invalid stream type: " + type;
            }
        }
        else
        {
            return "Invalid parameter: " + item;
        }

        return null;
    }

    private static string? Param(JsonObject target, string item, params (string Key, string Field)[] strings)
    {
        if (Params((JsonObject)target["params"]!, item, out string? error))
        {
            return error;
        }

        foreach (var (key, field) in strings)
        {
            if (LibxlSpecText.Option(item, key) is { } value)
            {
                target[field] = value;
                return null;
            }
        }

        return "Invalid parameter: " + item;
    }

    /// <summary><c>parse_vsnd_params</c>: true when the item is one of the shared parameters.</summary>
    private static bool Params(JsonObject parameters, string item, out string? error)
    {
        error = null;
        if (LibxlSpecText.Option(item, "sample-rates") is { } rates)
        {
            parameters["sample_rates"] = new JsonArray(LibxlSpecText.Strtok(rates, ';')
                .Select(r => (JsonNode?)LibxlIdl.Number(unchecked((uint)LibxlSpecText.Strtoul(r, 0)))).ToArray());
        }
        else if (LibxlSpecText.Option(item, "sample-formats") is { } formats)
        {
            var names = new List<JsonNode?>();
            foreach (string f in LibxlSpecText.Strtok(formats, ';'))
            {
                string name = f.ToLowerInvariant();
                if (Array.IndexOf(Formats, name) < 0)
                {
                    error = "Invalid pcm format: " + f;
                    return true;
                }

                names.Add(name);
            }

            parameters["sample_formats"] = new JsonArray(names.ToArray());
        }
        else if (LibxlSpecText.Option(item, "channels-min") is { } min)
        {
            parameters["channels_min"] = LibxlIdl.Number(unchecked((uint)LibxlSpecText.Strtoul(min, 0)));
        }
        else if (LibxlSpecText.Option(item, "channels-max") is { } max)
        {
            parameters["channels_max"] = LibxlIdl.Number(unchecked((uint)LibxlSpecText.Strtoul(max, 0)));
        }
        else if (LibxlSpecText.Option(item, "buffer-size") is { } size)
        {
            parameters["buffer_size"] = LibxlIdl.Number(unchecked((uint)LibxlSpecText.Strtoul(size, 0)));
        }
        else
        {
            return false;
        }

        return true;
    }
}

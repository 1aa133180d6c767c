using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Config.Model.Internal;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Conversion.Internal.Json;

/// <summary>
/// The option names of the model JSON, and its JSON Schema, made from the same contract the serializer uses (so the
/// two cannot disagree) and from the catalogue (each option's summary).
/// </summary>
internal static class ModelJsonSchema
{
    public const string Id = "https://github.com/xen-hvm/Xen.Hvm/blob/main/docs/domain-config.schema.json";

    private static readonly Dictionary<string, OptionDefinition> s_options =
        OptionCatalog.All.ToDictionary(static o => JsonNamingPolicy.SnakeCaseLower.ConvertName(o.PropertyName), StringComparer.Ordinal);

    private static readonly Dictionary<OptionDefinition, int> s_order =
        OptionCatalog.All.Select(static (o, i) => (o, i)).ToDictionary(static p => p.o, static p => p.i);

    /// <summary>The spellings of each closed set of the model, for the schema's examples.</summary>
    private static readonly Dictionary<Type, Func<IReadOnlyList<string>>> s_spellings = new()
    {
        [typeof(Altp2mMode)] = ModelEnums.Spellings<Altp2mMode>,
        [typeof(BiosKind)] = ModelEnums.Spellings<BiosKind>,
        [typeof(DeviceModelVersion)] = ModelEnums.Spellings<DeviceModelVersion>,
        [typeof(GicVersion)] = ModelEnums.Spellings<GicVersion>,
        [typeof(GuestType)] = ModelEnums.Spellings<GuestType>,
        [typeof(HdType)] = ModelEnums.Spellings<HdType>,
        [typeof(PassthroughMode)] = ModelEnums.Spellings<PassthroughMode>,
        [typeof(ShutdownAction)] = ModelEnums.Spellings<ShutdownAction>,
        [typeof(TeeType)] = ModelEnums.Spellings<TeeType>,
        [typeof(TimerMode)] = ModelEnums.Spellings<TimerMode>,
        [typeof(TscMode)] = ModelEnums.Spellings<TscMode>,
        [typeof(VendorDevice)] = ModelEnums.Spellings<VendorDevice>,
        [typeof(VgaKind)] = ModelEnums.Spellings<VgaKind>,
        [typeof(VuartType)] = ModelEnums.Spellings<VuartType>,
        [typeof(XendStartAction)] = ModelEnums.Spellings<XendStartAction>,
        [typeof(XendStopAction)] = ModelEnums.Spellings<XendStopAction>,
        [typeof(GfxPassthruKind)] = ModelEnums.Spellings<GfxPassthruKind>,
    };

    /// <summary>A contract modifier: the properties of <see cref="DomainConfig"/> take their options' names, in the
    /// catalogue's order (name first), and other_settings comes last.</summary>
    public static void NameOptions(JsonTypeInfo info)
    {
        if (info.Type != typeof(DomainConfig))
        {
            return;
        }

        foreach (JsonPropertyInfo property in info.Properties)
        {
            if (s_options.TryGetValue(property.Name, out OptionDefinition? option))
            {
                property.Name = option.Name;
                property.Order = s_order[option];
            }
            else
            {
                property.Order = int.MaxValue;
            }
        }
    }

    public static JsonObject Create(JsonSerializerOptions options)
    {
        var defs = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
        JsonObject body = ObjectSchema(options, typeof(DomainConfig), defs, describe: true);
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = Id,
            ["title"] = "Xen.Hvm DomainConfig",
            ["description"] = "A Xen guest config as the typed model of Xen.Hvm reads it: one key per option the config sets, " +
                "named as the config names it; other_settings holds the keys no option claims.",
        };
        foreach ((string key, JsonNode? value) in body)
        {
            root[key] = value?.DeepClone();
        }

        root["$defs"] = new JsonObject(defs.Select(static p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
        return root;
    }

    private static JsonObject ObjectSchema(JsonSerializerOptions options, Type type, SortedDictionary<string, JsonNode> defs, bool describe)
    {
        var properties = new JsonObject();
        foreach (JsonPropertyInfo property in options.GetTypeInfo(type).Properties)
        {
            JsonObject schema = TypeSchema(options, property.PropertyType, defs);
            if (describe && OptionCatalog.TryGet(property.Name, out OptionDefinition? option))
            {
                schema["description"] = option.Summary + (option.Unit is { } unit ? " (" + unit + ")" : string.Empty);
            }

            properties[property.Name] = schema;
        }

        return new JsonObject { ["type"] = "object", ["properties"] = properties, ["additionalProperties"] = false };
    }

    private static JsonObject TypeSchema(JsonSerializerOptions options, Type declared, SortedDictionary<string, JsonNode> defs)
    {
        Type type = Nullable.GetUnderlyingType(declared) ?? declared;
        if (type == typeof(string))
        {
            return Simple("string");
        }

        if (type == typeof(bool))
        {
            return Simple("boolean");
        }

        if (type == typeof(long) || type == typeof(int))
        {
            return Simple("integer");
        }

        if (type == typeof(uint) || type == typeof(ulong))
        {
            return new JsonObject { ["type"] = "integer", ["minimum"] = 0 };
        }

        if (type == typeof(double))
        {
            return Simple("number");
        }

        if (type == typeof(Guid))
        {
            return new JsonObject { ["type"] = "string", ["format"] = "uuid" };
        }

        if (type.IsEnum)
        {
            return new JsonObject
            {
                ["type"] = "string",
                ["enum"] = new JsonArray([.. Enum.GetNames(type).Select(static n => (JsonNode?)JsonNamingPolicy.SnakeCaseLower.ConvertName(n))]),
            };
        }

        if (type == typeof(MacAddress))
        {
            return new JsonObject { ["type"] = "string", ["pattern"] = "^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$" };
        }

        if (type == typeof(PciAddress))
        {
            return new JsonObject { ["type"] = "string", ["description"] = "A PCI address, [DDDD:]BB:DD.F (F may be *)." };
        }

        if (type == typeof(CpuListSpec))
        {
            return new JsonObject { ["type"] = "string", ["description"] = "A CPU list as xl.cfg(5) writes it: 0-3,^1 / node:0 / all." };
        }

        if (type == typeof(SpecList<(ulong From, ulong To)>))
        {
            var pair = new JsonObject
            {
                ["type"] = "array",
                ["prefixItems"] = new JsonArray(new JsonObject { ["type"] = "integer", ["minimum"] = 0 }, new JsonObject { ["type"] = "integer", ["minimum"] = 0 }),
                ["items"] = false,
            };
            return new JsonObject { ["type"] = "array", ["items"] = pair };
        }

        if (type == typeof(ConfigValue))
        {
            return Ref(defs, "ConfigValue", () => new JsonObject
            {
                ["description"] = "A raw config value: a string, an integer, a float, a list, or an xm value the evaluator could not know.",
                ["anyOf"] = new JsonArray(
                    Simple("string"),
                    Simple("integer"),
                    Simple("number"),
                    new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = "#/$defs/ConfigValue" } },
                    new JsonObject
                    {
                        ["type"] = "object",
                        ["properties"] = new JsonObject { ["unknown"] = Simple("string") },
                        ["required"] = new JsonArray("unknown"),
                        ["additionalProperties"] = false,
                    }),
            });
        }

        if (type == typeof(ViridianSetting))
        {
            return new JsonObject { ["anyOf"] = new JsonArray(Simple("boolean"), new JsonObject { ["type"] = "array", ["items"] = TypeSchema(options, typeof(ViridianSpec), defs) }) };
        }

        if (type.IsGenericType)
        {
            Type definition = type.GetGenericTypeDefinition();
            Type argument = type.GetGenericArguments()[0];
            if (definition == typeof(ConfigEnum<>))
            {
                var schema = Simple("string");
                if (s_spellings.TryGetValue(argument, out Func<IReadOnlyList<string>>? spellings))
                {
                    schema["examples"] = new JsonArray([.. spellings().Select(static s => (JsonNode?)s)]);
                }

                return schema;
            }

            if (definition == typeof(ValueList<>) || definition == typeof(SpecList<>))
            {
                return new JsonObject { ["type"] = "array", ["items"] = TypeSchema(options, argument, defs) };
            }

            if (definition == typeof(OneOrList<>))
            {
                JsonObject item = TypeSchema(options, argument, defs);
                return new JsonObject { ["anyOf"] = new JsonArray(item, new JsonObject { ["type"] = "array", ["items"] = item.DeepClone() }) };
            }
        }

        return Ref(defs, type.Name, () => ObjectSchema(options, type, defs, describe: false));
    }

    private static JsonObject Simple(string type) => new() { ["type"] = type };

    private static JsonObject Ref(SortedDictionary<string, JsonNode> defs, string name, Func<JsonObject> build)
    {
        if (!defs.ContainsKey(name))
        {
            defs[name] = new JsonObject();
            defs[name] = build();
        }

        return new JsonObject { ["$ref"] = "#/$defs/" + name };
    }
}

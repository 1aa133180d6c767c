using System.Text.Json.Nodes;

namespace Xen.Hvm.Tests.Config.Conversion;

/// <summary>
/// Enough of JSON Schema 2020-12 to check the model's own schema against its JSON: type, properties with
/// additionalProperties false, required, items, prefixItems, anyOf, enum, minimum and local $ref.
/// </summary>
internal static class JsonSchemaCheck
{
    public static void AssertValid(JsonObject schema, JsonNode? instance, string what)
    {
        var errors = new List<string>();
        Check(schema, schema, instance, "$", errors);
        Assert.True(errors.Count == 0, what + ": " + string.Join("; ", errors.Take(5)));
    }

    public static bool IsValid(JsonObject schema, JsonNode? instance)
    {
        var errors = new List<string>();
        Check(schema, schema, instance, "$", errors);
        return errors.Count == 0;
    }

    private static void Check(JsonObject root, JsonNode? schemaNode, JsonNode? instance, string path, List<string> errors)
    {
        if (schemaNode is JsonValue b && b.TryGetValue(out bool allowed))
        {
            if (!allowed)
            {
                errors.Add(path + ": not allowed");
            }

            return;
        }

        JsonObject schema = schemaNode!.AsObject();
        if (schema["$ref"] is { } reference)
        {
            string name = reference.GetValue<string>()["#/$defs/".Length..];
            Check(root, root["$defs"]![name], instance, path, errors);
            return;
        }

        if (schema["anyOf"] is JsonArray anyOf)
        {
            if (!anyOf.Any(s => { var e = new List<string>(); Check(root, s, instance, path, e); return e.Count == 0; }))
            {
                errors.Add(path + ": matches no anyOf branch");
            }

            return;
        }

        if (schema["type"]?.GetValue<string>() is { } type && !HasType(instance, type))
        {
            errors.Add($"{path}: not {type}");
            return;
        }

        if (schema["enum"] is JsonArray values && !values.Any(v => JsonNode.DeepEquals(v, instance)))
        {
            errors.Add($"{path}: {instance?.ToJsonString()} not in the enum");
        }

        if (schema["minimum"] is { } minimum && instance is JsonValue number && Decimal(number) < Decimal(minimum))
        {
            errors.Add($"{path}: below the minimum");
        }

        if (instance is JsonObject obj)
        {
            JsonObject properties = schema["properties"]?.AsObject() ?? [];
            foreach ((string key, JsonNode? value) in obj)
            {
                if (properties[key] is { } property)
                {
                    Check(root, property, value, path + "." + key, errors);
                }
                else if (schema["additionalProperties"] is JsonValue extra && !extra.GetValue<bool>())
                {
                    errors.Add($"{path}.{key}: not a property");
                }
            }

            foreach (JsonNode? required in schema["required"]?.AsArray() ?? [])
            {
                if (!obj.ContainsKey(required!.GetValue<string>()))
                {
                    errors.Add($"{path}: lacks {required}");
                }
            }
        }

        if (instance is JsonArray array)
        {
            JsonArray prefix = schema["prefixItems"]?.AsArray() ?? [];
            for (int i = 0; i < array.Count; i++)
            {
                JsonNode? itemSchema = i < prefix.Count ? prefix[i] : schema["items"];
                if (itemSchema is not null)
                {
                    Check(root, itemSchema, array[i], $"{path}[{i}]", errors);
                }
            }
        }
    }

    private static decimal Decimal(JsonNode node) =>
        decimal.Parse(node.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);

    private static bool HasType(JsonNode? instance, string type) => type switch
    {
        "object" => instance is JsonObject,
        "array" => instance is JsonArray,
        "string" => instance is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String,
        "boolean" => instance is JsonValue v && v.GetValueKind() is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False,
        "integer" => instance is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number && !v.ToJsonString().AsSpan().ContainsAny(".eE"),
        "number" => instance is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number,
        _ => false,
    };
}

using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Config.Model.Internal.Libxl;

namespace Xen.Hvm.Tests.Config.Model;

/// <summary>Nothing but <see cref="ArgumentNullException"/> leaves <c>ToLibxlJson</c> and <c>FromLibxlJson</c>: random
/// JSON shaped with libxl's own member names, and models bound from random values of every xl option.</summary>
public sealed class LibxlJsonRobustnessTests
{
    private static readonly string[] s_keys = LibxlIdl.Structs.Values.SelectMany(static f => f.Select(static x => x.Key)).Distinct().Append("config").Append("domid").ToArray();

    private static Gen<JsonNode?> Node(int depth) =>
        depth <= 0
            ? Scalar
            : Gen.Frequency(
                (4, Scalar),
                (1, Gen.Choose(0, 3).SelectMany(n => Node(depth - 1).ArrayOf(n)).Select(static a => (JsonNode?)new JsonArray(a.Select(static n => n?.DeepClone()).ToArray()))),
                (2, Object(depth - 1).Select(static o => (JsonNode?)o)));

    private static Gen<JsonObject> Object(int depth) =>
        from count in Gen.Choose(0, 6)
        from keys in Gen.Elements(s_keys).ArrayOf(count)
        from values in Node(depth).ArrayOf(count)
        select Build(keys, values);

    private static JsonObject Build(string[] keys, JsonNode?[] values)
    {
        var obj = new JsonObject();
        for (int i = 0; i < Math.Min(keys.Length, 8); i++)
        {
            obj[keys[i]] = values[i]?.DeepClone();
        }

        return obj;
    }

    private static Gen<JsonNode?> Scalar => Gen.OneOf(
        Gen.Elements<JsonNode?>(null, true, false, 0, 1, -1, 1.5, long.MinValue, ulong.MaxValue, uint.MaxValue, 65536, 70000),
        Gen.Elements("True", "False", "hvm", "pv", "pvh", "strict", "relaxed", "host", "restart", "", "00:16:3e:00:00:01",
            "b8b5d2a6-0f4f-4a0c-8f1e-4c3a33d3f4b1", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx1", "qusb", "linux", "p", "s16_le").Select(static s => (JsonNode?)s),
        Gen.Choose(-5, 300).Select(static n => (JsonNode?)n));

    [Fact]
    public void FromLibxlJson_RandomJsonWithLibxlNames_NeverThrows()
    {
        var root = from cInfo in Object(3)
                   from bInfo in Object(4)
                   from rest in Object(3)
                   select Combine(cInfo, bInfo, rest);
        Prop.ForAll(root.ToArbitrary(), json =>
        {
            var result = DomainConfig.FromLibxlJson(json);
            if (result.PartialValue is { } config)
            {
                JsonObject again = config.ToLibxlJson(null, out _);
                _ = config.ToLibxlJsonText();
                _ = DomainConfig.FromLibxlJson(again.ToJsonString());
            }

            _ = DomainConfig.FromLibxlJson(json.ToJsonString());
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    private static JsonObject Combine(JsonObject cInfo, JsonObject bInfo, JsonObject rest)
    {
        rest["c_info"] = cInfo;
        rest["b_info"] = bInfo;
        return rest;
    }

    private static readonly string[] s_options = OptionCatalog.All.Where(static o => o.ReadBy.HasFlag(Toolstacks.Xl)).Select(static o => o.Name).ToArray();

    private static readonly Gen<string> Atom = Gen.Elements(
        "\"\"", "0", "1", "\"-1\"", "\"2147483648\"", "\"9223372036854775807\"", "65537", "\"0x10\"", "\"hvm\"", "\"pv\"", "\"all\"", "\"0-3,^1\"",
        "\"nodes:0\"", "\"junk\"", "\"host,tm=0,family=99\"", "\"1:eax=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"", "\"/k\"", "\"strategy=host\"",
        "\"backend-type=linux,multi-touch-width=5\"", "\"connectors=c:1x1\"", "\"01:00.0\"", "\"pnode=0\"", "\"vcpus=0-70000\"", "\"size=1\"",
        "\"defaults\"", "\"!base\"", "\"lmce\"", "\"restart\"", "\"igd\"", "\"generate\"");

    private static readonly Gen<string> Value = Gen.Frequency(
        (3, Atom),
        (2, Atom.ArrayOf().Select(static a => "[ " + string.Join(", ", a.Take(5)) + " ]")),
        (1, Atom.ArrayOf().Select(static a => "[ [ " + string.Join(", ", a.Take(4)) + " ] ]")));

    [Fact]
    public void ToLibxlJson_ModelsOfRandomOptionValues_NeverThrow()
    {
        var text = from keys in Gen.Elements(s_options).ArrayOf()
                   from values in Value.ArrayOf(keys.Length)
                   select string.Concat(keys.Zip(values, static (k, v) => k + " = " + v + "\n"));
        Prop.ForAll(text.ToArbitrary(), t =>
        {
            DomainConfig config = BindTestSupport.BindXl("name = \"r\"\n" + t).Config;
            foreach (var options in (LibxlJsonOptions[])[LibxlJsonOptions.Default, new LibxlJsonOptions { HostCpuCount = 3, HostNodeCount = 2 }])
            {
                JsonObject json = config.ToLibxlJson(options, out _);
                _ = DomainConfig.FromLibxlJson(json, options);
            }
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(300));
    }
}

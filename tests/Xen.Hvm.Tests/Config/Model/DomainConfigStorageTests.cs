using System.Reflection;
using FsCheck;
using FsCheck.Fluent;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Model;

namespace Xen.Hvm.Tests.Config.Model;

/// <summary>
/// <see cref="DomainConfig"/> keeps only the options that are set (a bit per option, the values in option order):
/// these check it against a plain dictionary of option to value, through <c>init</c>/<c>with</c> and through the
/// binder's in-place store, for options at every word boundary of the bit set and in every order.
/// </summary>
public sealed class DomainConfigStorageTests
{
    private static readonly FsCheck.Config s_config = FsCheck.Config.QuickThrowOnFailure.WithMaxTest(300);

    /// <summary>Options at the edges of the 64-bit words (0, 63, 64, 127, 128, 191, 192, the last) are picked often.</summary>
    private static readonly int[] s_edges = [0, 1, 62, 63, 64, 65, 127, 128, 191, 192, OptionCatalog.All.Count - 1];

    private static Gen<int> Ordinal => Gen.Frequency(
        (1, Gen.Elements(s_edges)),
        (2, Gen.Choose(0, OptionCatalog.All.Count - 1)));

    /// <summary>A change: set option <c>Ordinal</c> to its sample <c>Sample</c> (0 or 1), or clear it (-1).</summary>
    private static Gen<(int Ordinal, int Sample)> Change => Ordinal.SelectMany(o => Gen.Choose(-1, 1), (o, s) => (o, s));

    private static Gen<(int Ordinal, int Sample)[]> Changes => Gen.Choose(0, 40).SelectMany(n => Gen.ArrayOf(Change, n));

    [Fact]
    public void Changes_ThroughWith_ReadBackAsADictionaryOfThemSays()
    {
        Prop.ForAll(Changes.ToArbitrary(), changes =>
        {
            DomainConfig config = new();
            var expected = new Dictionary<int, object?>();
            foreach ((int ordinal, int sample) in changes)
            {
                DomainConfig before = config;
                object? beforeValue = OptionCatalog.All[ordinal].GetValue(before);
                object? value = sample < 0 ? null : SampleOf(ordinal, sample);
                config = OptionCatalog.All[ordinal].WithValue(config, value);
                Apply(expected, ordinal, value);
                Assert.Equal(beforeValue, OptionCatalog.All[ordinal].GetValue(before)); // the original is not changed
            }

            AssertHolds(expected, config);
        }).Check(s_config);
    }

    [Fact]
    public void Changes_InPlace_ReadBackAsADictionaryOfThemSaysAndEqualTheSameBuiltWithWith()
    {
        Prop.ForAll(Changes.ToArbitrary(), changes =>
        {
            var config = new DomainConfig();
            var expected = new Dictionary<int, object?>();
            foreach ((int ordinal, int sample) in changes)
            {
                object? value = sample < 0 ? null : SampleOf(ordinal, sample);
                config.SetInPlace(ordinal, value);
                Apply(expected, ordinal, value);
            }

            AssertHolds(expected, config);

            // The same options set in the opposite order, through `with`, make an equal model with the same hash.
            DomainConfig rebuilt = new();
            foreach ((int ordinal, object? value) in expected.OrderByDescending(p => p.Key))
            {
                rebuilt = OptionCatalog.All[ordinal].WithValue(rebuilt, value);
            }

            Assert.Equal(config, rebuilt);
            Assert.Equal(config.GetHashCode(), rebuilt.GetHashCode());

            // A copy of the binder's model (whose array has room to spare) changed with `with` leaves it as it was.
            if (expected.Count > 0)
            {
                int first = expected.Keys.Min();
                DomainConfig cleared = OptionCatalog.All[first].WithValue(config, null);
                Assert.Null(OptionCatalog.All[first].GetValue(cleared));
                Assert.Equal(expected[first], OptionCatalog.All[first].GetValue(config));
                Assert.NotEqual(config, cleared);
            }
        }).Check(s_config);
    }

    [Fact]
    public void Equals_TellsModelsApartByEveryOptionAndTheOtherSettings()
    {
        DomainConfig a = new() { Name = "xp", MemoryMiB = 512, Acpi = true };
        DomainConfig b = new() { Acpi = true, MemoryMiB = 512, Name = "xp" };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { Acpi = false });
        Assert.NotEqual(a, b with { MemoryMiB = null });
        Assert.NotEqual(a, b with { Vcpus = 1 });
        Assert.NotEqual(a, b with { OtherSettings = [new ConfigSetting("extra", new ConfigString("1"))] });
        Assert.Equal(new DomainConfig(), a with { Name = null, MemoryMiB = null, Acpi = null });
    }

    [Fact]
    public void OptionSet_HasRoomForEveryOption()
    {
        Assert.InRange(OptionCatalog.All.Count, 1, Xen.Hvm.Config.Model.Internal.OptionSet.Words * 64);
    }

    [Fact]
    public void Properties_ReadTheirOwnOptionOnly()
    {
        foreach (OptionDefinition option in OptionCatalog.All)
        {
            DomainConfig config = option.WithValue(new DomainConfig(), SampleOf(option.Ordinal, 0));
            foreach (OptionDefinition other in OptionCatalog.All)
            {
                PropertyInfo property = typeof(DomainConfig).GetProperty(other.PropertyName)!;
                object? read = property.GetValue(config);
                if (other == option)
                {
                    Assert.Equal(SampleOf(option.Ordinal, 0), read);
                }
                else
                {
                    Assert.True(read is null, $"setting {option.Name} also set {other.Name}");
                }
            }
        }
    }

    private static void Apply(Dictionary<int, object?> expected, int ordinal, object? value)
    {
        if (value is null)
        {
            expected.Remove(ordinal);
        }
        else
        {
            expected[ordinal] = value;
        }
    }

    private static void AssertHolds(Dictionary<int, object?> expected, DomainConfig config)
    {
        foreach (OptionDefinition option in OptionCatalog.All)
        {
            Assert.Equal(expected.GetValueOrDefault(option.Ordinal), option.GetValue(config));
        }

        DomainConfig fresh = new();
        foreach ((int ordinal, object? value) in expected)
        {
            fresh = OptionCatalog.All[ordinal].WithValue(fresh, value);
        }

        Assert.Equal(fresh, config);
        Assert.Equal(fresh.GetHashCode(), config.GetHashCode());
        Assert.Equal(expected.Count == 0, new DomainConfig().Equals(config));
    }

    /// <summary>Two different values of an option's property type (<paramref name="which"/> 0 or 1), each a new object.</summary>
    private static object SampleOf(int ordinal, int which)
    {
        Type type = typeof(DomainConfig).GetProperty(OptionCatalog.All[ordinal].PropertyName)!.PropertyType;
        Type t = Nullable.GetUnderlyingType(type) ?? type;
        string tag = $"v{ordinal}-{which}";
        if (t == typeof(string))
        {
            return tag;
        }

        if (t == typeof(long))
        {
            return (2L * ordinal) + which;
        }

        if (t == typeof(bool))
        {
            return which == 0;
        }

        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(ConfigEnum<>))
        {
            return t.GetMethod(nameof(ConfigEnum<GuestType>.Unrecognised))!.Invoke(null, [tag])!;
        }

        if (t == typeof(ValueList<string>))
        {
            return ValueList.Create<string>([tag]);
        }

        if (t == typeof(ValueList<long>))
        {
            return ValueList.Create<long>([ordinal, which]);
        }

        if (t == typeof(OneOrList<string>))
        {
            return OneOrList<string>.One(tag);
        }

        if (t == typeof(ViridianSetting))
        {
            return ViridianSetting.FromBoolean(which == 0);
        }

        if (t == typeof(GfxPassthruSetting))
        {
            return new GfxPassthruSetting(which == 0);
        }

        // Spec lists and the rest: one value (an empty list, which is not the same as unset) for both.
        return OptionCatalogTests.SampleOf(type)!;
    }
}

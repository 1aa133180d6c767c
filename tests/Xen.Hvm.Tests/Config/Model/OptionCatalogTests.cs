using System.Reflection;
using System.Text.RegularExpressions;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Config.Model;

public sealed partial class OptionCatalogTests
{
    [CorpusFact]
    public void All_HoldsEveryOptionOfTheReferenceTables()
    {
        string reference = File.ReadAllText(Path.Combine(Corpus.Root!, "..", "reference", "xen-config-syntax.md"));
        var keys = ReferenceKeys(reference);

        Assert.True(keys.Count > 200, $"the reference tables gave only {keys.Count} keys: the extraction is broken");
        Assert.Empty(keys.Where(k => !OptionCatalog.TryGet(k, out _)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void All_OneRowPerPropertyOfDomainConfig()
    {
        var properties = typeof(DomainConfig).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.Name is not (nameof(DomainConfig.OtherSettings) or "EqualityContract"))
            .Select(p => p.Name)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var rows = OptionCatalog.All.Select(o => o.PropertyName).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(properties, rows);
        Assert.Equal(OptionCatalog.All.Count, OptionCatalog.All.Select(o => o.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void WithValue_ThenGetValue_RoundTripsEveryOption()
    {
        foreach (OptionDefinition option in OptionCatalog.All)
        {
            PropertyInfo property = typeof(DomainConfig).GetProperty(option.PropertyName)!;
            object? sample = SampleOf(property.PropertyType);
            DomainConfig changed = option.WithValue(new DomainConfig(), sample);

            Assert.Equal(sample, option.GetValue(changed));
            Assert.Equal(sample, property.GetValue(changed));
            Assert.NotEqual(new DomainConfig(), changed);
            Assert.Null(option.GetValue(option.WithValue(changed, null)));
        }
    }

    [Fact]
    public void IsReadBy_FollowsTheVersions()
    {
        var memory = OptionCatalog.Get("memory");
        var builder = OptionCatalog.Get("builder");
        var cpuCap = OptionCatalog.Get("cpu_cap");
        var smbios = OptionCatalog.Get("smbios");

        Assert.True(memory.IsReadBy(Toolstack.Xl, new(4, 17)));
        Assert.True(memory.IsReadBy(Toolstack.Xm, new(3, 4)));
        Assert.False(memory.IsReadBy(Toolstack.Xm, new(4, 5)));
        Assert.True(builder.Xl.IsDeprecatedAt(new(4, 17)));
        Assert.False(cpuCap.IsReadBy(Toolstack.Xl, new(4, 17)));
        Assert.False(smbios.IsReadBy(Toolstack.Xl, new(4, 17)));
        Assert.True(smbios.IsReadBy(Toolstack.Xl, new(4, 21)));
    }

    internal static object? SampleOf(Type type)
    {
        Type t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(string))
        {
            return "x";
        }

        if (t == typeof(long))
        {
            return 7L;
        }

        if (t == typeof(bool))
        {
            return true;
        }

        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(ConfigEnum<>))
        {
            return Activator.CreateInstance(t, Enum.GetValues(t.GetGenericArguments()[0]).GetValue(0));
        }

        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(ValueList<>))
        {
            return t.GetProperty("Empty")!.GetValue(null);
        }

        if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(OneOrList<>))
        {
            object empty = typeof(ValueList<>).MakeGenericType(t.GetGenericArguments()).GetProperty("Empty")!.GetValue(null)!;
            return t.GetMethod("List")!.Invoke(null, [empty]);
        }

        if (t == typeof(ViridianSetting))
        {
            return ViridianSetting.FromBoolean(true);
        }

        if (t == typeof(GfxPassthruSetting))
        {
            return new GfxPassthruSetting(true);
        }

        throw new InvalidOperationException("No sample for " + t);
    }

    /// <summary>The keys of the reference's option tables: §3.2–§3.5 (first column and the "Other" lists) and §4.2/§4.5.</summary>
    private static HashSet<string> ReferenceKeys(string text)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        string[] lines = text.Split('\n');
        string section = string.Empty;
        foreach (string line in lines)
        {
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                section = line[4..].Split(' ')[0];
                continue;
            }

            bool options = section is "3.2" or "3.3" or "3.4" or "3.5" or "4.5";
            if (options && line.StartsWith("| `", StringComparison.Ordinal))
            {
                string first = line.Split('|')[1];
                foreach (Match m in Backticked().Matches(first))
                {
                    keys.Add(m.Groups[1].Value);
                }
            }
            else if (section == "3.4" && line.StartsWith("- ", StringComparison.Ordinal) && line.Contains("only:", StringComparison.Ordinal))
            {
                foreach (Match m in Backticked().Matches(Parenthesised().Replace(line, string.Empty)))
                {
                    keys.Add(m.Groups[1].Value);
                }
            }
            else if (section == "4.2" && line.StartsWith("- **", StringComparison.Ordinal))
            {
                string list = Parenthesised().Replace(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..], string.Empty);
                foreach (string item in list.Split(',', '.'))
                {
                    Match m = LeadingKey().Match(item);
                    if (m.Success)
                    {
                        keys.Add(m.Groups[1].Value);
                    }
                }
            }
        }

        return keys;
    }

    [GeneratedRegex(@"`([a-z][a-z0-9_]*)`")]
    private static partial Regex Backticked();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"^\s*([a-z][a-z0-9_]*)\s*(=|$)")]
    private static partial Regex LeadingKey();
}

using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Tests.Specs;

/// <summary>Shared checks: canonical round trip, diagnostic IDs and spans.</summary>
internal static class SpecAssert
{
    /// <summary>Parses without errors, and the canonical form of the value reads back as an equal value that prints the
    /// same canonical form again (print is a fixed point of parse∘print) in the same dialect.</summary>
    public static T RoundTrips<T>(SpecKind kind, string text, ConfigDialect dialect = ConfigDialect.Xl)
        where T : class, ISpecValue
    {
        var r = SpecString.Parse(kind, text, dialect);
        Assert.True(r.Success, $"'{text}' did not parse: {string.Join("; ", r.Diagnostics)}");
        var value = (T)r.Value;
        CanonicalFormReadsBack(kind, text, value, dialect);
        return value;
    }

    /// <summary>True when the text parses and its canonical form reads back as the same value; false when it has errors.
    /// Throws when it parses but its canonical form does not read back.</summary>
    public static bool RoundTripsIfValid(SpecKind kind, string text, ConfigDialect dialect)
    {
        var r = SpecString.Parse(kind, text, dialect);
        if (!r.Success)
        {
            return false;
        }

        if (!UsesFormsOfTheOtherDialect(r.Diagnostics))
        {
            CanonicalFormReadsBack(kind, text, r.Value, dialect);
        }

        return true;
    }

    /// <summary>The diagnostics that say a part of the value has no form in the dialect it was read in (an xl-only
    /// pci option or vif key read as xm, an xm-only vfb key read as xl): the canonical form of that dialect leaves it
    /// out by design (docs/articles/spec-strings.md), so it cannot read back as the same value.</summary>
    private static readonly HashSet<string> s_notInDialect = new(StringComparer.Ordinal)
    {
        DiagnosticIds.PciOptionNotInXm, DiagnosticIds.VifKeyNotInXm, DiagnosticIds.CpuListNotInXm, DiagnosticIds.VdevNotInXm,
        DiagnosticIds.DiskModeNotInXm, DiagnosticIds.DiskSharedWriteNotInXl,
    };

    /// <summary>Whether the text used something its dialect's canonical form cannot say.</summary>
    public static bool UsesFormsOfTheOtherDialect(IEnumerable<Diagnostic> diagnostics) => diagnostics.Any(d => s_notInDialect.Contains(d.Id));

    /// <summary>parse(print(value)) == value and print(parse(print(value))) == print(value).</summary>
    public static void CanonicalFormReadsBack(SpecKind kind, string text, ISpecValue value, ConfigDialect dialect)
    {
        string canonical = value.ToSpecString(dialect);
        var again = SpecString.Parse(kind, canonical, dialect);
        if (!again.Success || !Equals(again.Value, value))
        {
            throw new Xunit.Sdk.XunitException($"'{text}' -> '{canonical}' does not read back as the same value: {string.Join("; ", again.Diagnostics)}");
        }

        Assert.Equal(canonical, again.Value.ToSpecString(dialect));
    }

    /// <summary>The parse reports <paramref name="id"/> at [start, start+length) of the value.</summary>
    public static Diagnostic Reports(SpecKind kind, string text, string id, int start, int length, ConfigDialect dialect = ConfigDialect.Xl)
    {
        var r = SpecString.Parse(kind, text, dialect);
        var d = r.Diagnostics.FirstOrDefault(x => x.Id == id);
        Assert.True(d is not null, $"'{text}': expected {id}, got [{string.Join("; ", r.Diagnostics.Select(x => x.Id + x.Span))}]");
        Assert.Equal(start, d!.Span.Start);
        Assert.Equal(length, d.Span.Length);
        return d;
    }
}

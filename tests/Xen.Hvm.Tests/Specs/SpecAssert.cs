using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Tests.Specs;

/// <summary>Shared checks: lossless printing, canonical round trip, diagnostic IDs and spans.</summary>
internal static class SpecAssert
{
    /// <summary>Parses without errors, prints back unchanged, and parse(print(value)) == value in the same dialect.</summary>
    public static T RoundTrips<T>(SpecKind kind, string text, ConfigDialect dialect = ConfigDialect.Xl)
        where T : class
    {
        var r = SpecStrings.Parse(kind, text, dialect);
        Assert.True(r.Success, $"'{text}' did not parse: {string.Join("; ", r.Diagnostics)}");
        var value = (T)r.Value!;
        Assert.Equal(text, r.Print(value));
        Assert.Equal(text, r.ToString());
        string canonical = SpecStrings.Print(kind, value, dialect);
        var again = SpecStrings.Parse(kind, canonical, dialect);
        Assert.True(again.Success, $"canonical '{canonical}' of '{text}' did not parse: {string.Join("; ", again.Diagnostics)}");
        Assert.Equal(value, again.Value);
        Assert.Equal(canonical, SpecStrings.Print(kind, again.Value!, dialect));
        return value;
    }

    /// <summary>True when the text parses and round-trips; false when it has errors. Throws when it parses but does not round-trip.</summary>
    public static bool RoundTripsIfValid(SpecKind kind, string text, ConfigDialect dialect)
    {
        var r = SpecStrings.Parse(kind, text, dialect);
        if (!r.Success)
        {
            return false;
        }

        if (r.Print(r.Value!) != text)
        {
            throw new Xunit.Sdk.XunitException($"not lossless: '{text}'");
        }

        string canonical = SpecStrings.Print(kind, r.Value!, dialect);
        var again = SpecStrings.Parse(kind, canonical, dialect);
        if (!again.Success || !Equals(again.Value, r.Value))
        {
            throw new Xunit.Sdk.XunitException($"'{text}' -> '{canonical}' does not round-trip: {string.Join("; ", again.Diagnostics)}");
        }

        return true;
    }

    /// <summary>The parse reports <paramref name="id"/> at [start, start+length) of the value.</summary>
    public static Diagnostic Reports(SpecKind kind, string text, string id, int start, int length, ConfigDialect dialect = ConfigDialect.Xl)
    {
        var r = SpecStrings.Parse(kind, text, dialect);
        var d = r.Diagnostics.FirstOrDefault(x => x.Id == id);
        Assert.True(d is not null, $"'{text}': expected {id}, got [{string.Join("; ", r.Diagnostics.Select(x => x.Id + x.Span))}]");
        Assert.Equal(start, d!.Span.Start);
        Assert.Equal(length, d.Span.Length);
        return d;
    }
}

using System.Diagnostics.CodeAnalysis;
using Pidgin;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs.Internal;

namespace Xen.Hvm.Specs;

public sealed partial record VifVlan
{
    /// <summary>Parses a <c>vlan</c> value on its own (<c>10p/100+10x4</c>), as a vif's <c>vlan=</c> reads it.</summary>
    /// <param name="text">The value, e.g. <c>10p/100+10x4</c>.</param>
    /// <param name="map">Where the value sits in its file, or <see langword="null"/>.</param>
    /// <returns>The result; an invalid value is reported as <c>XH6045</c> at the value. Never throws for bad text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static ParseResult<VifVlan> Parse(string text, SpecSourceMap? map = null) =>
        SpecContext.RunValue<VifVlan>(SpecKind.Vif, text, map, DiagnosticDescriptors.VifInvalidVlan, TryRead);

    /// <summary>Tries to parse a <c>vlan</c> value on its own.</summary>
    /// <param name="text">The value.</param>
    /// <param name="value">The value read, when the text is valid.</param>
    /// <returns><see langword="true"/> when the text is valid.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static bool TryParse(string text, [NotNullWhen(true)] out VifVlan? value) => Parse(text).TryGetValue(out value);

    /// <summary>The vif's reading: the value, or why it is invalid (the reason goes into the vif's diagnostic).</summary>
    internal static bool TryRead(string text, [NotNullWhen(true)] out VifVlan? vlan, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        vlan = null;
        var terms = new List<VlanTerm>();
        foreach (var field in SpecGrammar.Split(text, '/'))
        {
            var r = SpecGrammar.VlanTermGrammar.Parse(field.Span);
            if (!r.Success)
            {
                error = $"'{field.Text}' is not N[p|u], N-M[u] or N+OxC[u]";
                return false;
            }

            var t = r.Value;
            foreach (int id in new[] { t.Start, t.End ?? t.Start, t.Start + ((t.Step ?? 0) * (t.Count ?? 0)) })
            {
                if (id is < 1 or > 4094)
                {
                    error = $"VLAN id {id} is outside 1..4094";
                    return false;
                }
            }

            if (t.End < t.Start)
            {
                error = $"the range {t} runs backwards";
                return false;
            }

            terms.Add(t);
        }

        int pvids = terms.Count(t => t.IsPvid);
        if (pvids > 1 || (pvids == 0 && terms.Count > 1))
        {
            error = "exactly one term must be marked 'p' (the PVID) when there are several";
            return false;
        }

        vlan = new VifVlan(new SpecList<VlanTerm>(terms));
        error = null;
        return true;
    }
}

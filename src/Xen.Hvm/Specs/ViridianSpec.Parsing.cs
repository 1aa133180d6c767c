using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs.Internal;

namespace Xen.Hvm.Specs;

public sealed partial record ViridianSpec : ISpecValue
{
    private static readonly string[] Names =
    [
        "base", "freq", "time_ref_count", "reference_tsc", "hcall_remote_tlb_flush", "apic_assist", "crash_ctl", "synic",
        "stimer", "hcall_ipi", "ex_processor_masks", "no_vp_limit", "cpu_hotplug",
    ];

    /// <summary>Parses a viridian group spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it; <see cref="ConfigDialect.Auto"/> reads as xl.</param>
    /// <param name="map">Where the value sits in its file, or <see langword="null"/>.</param>
    /// <returns>The result. Never throws for bad text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <remarks>Group names are matched case-insensitively, as libxl does; <c>all</c> and <c>defaults</c> exactly.
    ///</remarks>
    public static ParseResult<ViridianSpec> Parse(string text, ConfigDialect dialect = ConfigDialect.Xl, SpecSourceMap? map = null) =>
        SpecContext.Run(SpecKind.Viridian, text, dialect, map, Read);

    /// <summary>Tries to parse a viridian group spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it.</param>
    /// <param name="value">The value, when the text has no errors.</param>
    /// <returns><see langword="true"/> when the text has no errors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static bool TryParse(string text, ConfigDialect dialect, [NotNullWhen(true)] out ViridianSpec? value) =>
        Parse(text, dialect).TryGetValue(out value);

    /// <summary>Prints a value in the canonical form of a dialect (the item).</summary>
    /// <param name="dialect">The dialect (xl for <see cref="ConfigDialect.Auto"/>).</param>
    /// <returns>The spec text.</returns>
    public string ToSpecString(ConfigDialect dialect = ConfigDialect.Xl) => ToString();

    /// <summary>Gets the config name of a group.</summary>
    /// <param name="group">The group.</param>
    /// <returns>e.g. <c>time_ref_count</c>.</returns>
    public static string GroupName(ViridianGroup group) => Names[(int)group];

    private static ViridianSpec? Read(SpecContext ctx)
    {
        string s = ctx.Text;
        if (ctx.IsXm)
        {
            ctx.Report(DiagnosticDescriptors.ViridianListNotInXm, 0, ctx.Original.Length, s);
            return null;
        }

        if (s == "all")
        {
            return new ViridianSpec(Group: null, All: true);
        }

        if (s == "defaults")
        {
            return new ViridianSpec(Group: null);
        }

        bool disable = s.StartsWith('!');
        string name = disable ? s[1..] : s;
        int i = Array.FindIndex(Names, n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (i < 0)
        {
            ctx.Report(DiagnosticDescriptors.ViridianUnknownGroup, disable ? 1 : 0, name.Length, name);
            return null;
        }

        return new ViridianSpec((ViridianGroup)i, disable);
    }
}

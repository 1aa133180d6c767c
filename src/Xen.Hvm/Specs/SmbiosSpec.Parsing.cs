using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs.Internal;

namespace Xen.Hvm.Specs;

public sealed partial record SmbiosSpec : ISpecValue
{
    private static readonly string[] Names =
    [
        "bios_vendor", "bios_version", "system_manufacturer", "system_product_name", "system_version", "system_serial_number",
        "baseboard_manufacturer", "baseboard_product_name", "baseboard_version", "baseboard_serial_number", "baseboard_asset_tag",
        "baseboard_location_in_chassis", "enclosure_manufacturer", "enclosure_serial_number", "enclosure_asset_tag",
        "battery_manufacturer", "battery_device_name", "oem",
    ];

    /// <summary>Parses a smbios spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it; <see cref="ConfigDialect.Auto"/> reads as xl.</param>
    /// <param name="map">Where the value sits in its file, or <see langword="null"/>.</param>
    /// <returns>The result. Never throws for bad text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <remarks>The item is split at the first <c>=</c>; the value must not be empty; the key is matched
    /// case-insensitively.</remarks>
    public static ParseResult<SmbiosSpec> Parse(string text, ConfigDialect dialect = ConfigDialect.Xl, SpecSourceMap? map = null) =>
        SpecContext.Run(SpecKind.Smbios, text, dialect, map, Read);

    /// <summary>Tries to parse a smbios spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it.</param>
    /// <param name="value">The value, when the text has no errors.</param>
    /// <returns><see langword="true"/> when the text has no errors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static bool TryParse(string text, ConfigDialect dialect, [NotNullWhen(true)] out SmbiosSpec? value) =>
        Parse(text, dialect).TryGetValue(out value);

    /// <summary>Prints a value in the canonical form of a dialect (<c>KEY=VALUE</c>).</summary>
    /// <param name="dialect">The dialect (xl for <see cref="ConfigDialect.Auto"/>).</param>
    /// <returns>The spec text.</returns>
    public string ToSpecString(ConfigDialect dialect = ConfigDialect.Xl) => ToString();

    /// <summary>Gets the config name of a key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>e.g. <c>bios_vendor</c>.</returns>
    public static string KeyName(SmbiosKey key) => Names[(int)key];

    private static SmbiosSpec? Read(SpecContext ctx)
    {
        string s = ctx.Text;
        int eq = s.IndexOf('=', StringComparison.Ordinal);
        if (eq < 0)
        {
            ctx.Report(DiagnosticDescriptors.SmbiosInvalid, 0, s.Length, s, "missing '='");
            return null;
        }

        if (eq == s.Length - 1)
        {
            ctx.Report(DiagnosticDescriptors.SmbiosInvalid, 0, s.Length, s, "empty value");
            return null;
        }

        string key = s[..eq];
        int i = Array.FindIndex(Names, n => n.Equals(key, StringComparison.OrdinalIgnoreCase));
        if (i < 0)
        {
            ctx.Report(DiagnosticDescriptors.SmbiosInvalid, 0, eq, s, "unknown key '" + key + "'");
            return null;
        }

        return new SmbiosSpec((SmbiosKey)i, s[(eq + 1)..]);
    }
}

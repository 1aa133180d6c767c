namespace Xen.Hvm.Specs;

/// <summary>One <c>smbios</c> list item, <c>KEY=VALUE</c> (Xen 4.18+).</summary>
/// <param name="Key">The SMBIOS string.</param>
/// <param name="Value">The value (never empty).</param>
public sealed partial record SmbiosSpec(SmbiosKey Key, string Value)
{
    /// <summary>Returns <c>KEY=VALUE</c>.</summary>
    /// <returns>The item.</returns>
    public override string ToString() => KeyName(Key) + "=" + Value;
}

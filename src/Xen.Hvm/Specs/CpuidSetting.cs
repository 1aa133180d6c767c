namespace Xen.Hvm.Specs;

/// <summary>One <c>NAME=VALUE</c> of the libxl CPUID form, e.g. <c>sse3=0</c>, <c>family=6</c>, <c>aes=k</c>.</summary>
/// <param name="Name">The feature or field name.</param>
/// <param name="Value">The value: a number, or a text starting with <c>x</c>, <c>k</c> or <c>s</c>.</param>
public readonly record struct CpuidSetting(string Name, string Value)
{
    /// <summary>Returns <c>NAME=VALUE</c>.</summary>
    /// <returns>The setting.</returns>
    public override string ToString() => Name + "=" + Value;
}

namespace Xen.Hvm.Specs;

/// <summary>A <c>KEY=VALUE</c> setting kept as text, for keys a spec record does not model one by one.</summary>
/// <param name="Key">The key.</param>
/// <param name="Value">The value.</param>
public readonly record struct SpecSetting(string Key, string Value)
{
    /// <summary>Returns <c>KEY=VALUE</c>.</summary>
    /// <returns>The setting as written in a spec.</returns>
    public override string ToString() => Key + "=" + Value;
}

using System.Globalization;
using System.Text;

namespace Xen.Hvm.Config;

/// <summary>An integer value. xl reads every value as text, so integers come only from evaluated xm files and edits.</summary>
public sealed class ConfigInteger : ConfigValue
{
    /// <summary>Constructs an integer value.</summary>
    /// <param name="value">The integer.</param>
    public ConfigInteger(long value) => Value = value;

    /// <summary>Gets the integer.</summary>
    public long Value { get; }

    /// <inheritdoc/>
    public override ConfigValueKind Kind => ConfigValueKind.Integer;

    private protected override bool ScalarEquals(ConfigValue other) => Value == ((ConfigInteger)other).Value;

    private protected override int ScalarHash() => Value.GetHashCode();

    private protected override void AppendScalarJson(StringBuilder sb) => sb.Append(Value.ToString(CultureInfo.InvariantCulture));
}

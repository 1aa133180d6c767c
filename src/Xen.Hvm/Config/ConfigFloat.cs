using System.Text;

namespace Xen.Hvm.Config;

/// <summary>A floating-point value (only from evaluated xm files and edits).</summary>
public sealed class ConfigFloat : ConfigValue
{
    /// <summary>Constructs a floating-point value.</summary>
    /// <param name="value">The number.</param>
    public ConfigFloat(double value) => Value = value;

    /// <summary>Gets the number.</summary>
    public double Value { get; }

    /// <inheritdoc/>
    public override ConfigValueKind Kind => ConfigValueKind.Float;

    private protected override bool ScalarEquals(ConfigValue other) => Value.Equals(((ConfigFloat)other).Value);

    private protected override int ScalarHash() => Value.GetHashCode();

    /// <summary>JSON with a decimal point or exponent, so a float never reads back as an integer: <c>3.0</c>, <c>1e+16</c>.</summary>
    private protected override void AppendScalarJson(StringBuilder sb) =>
        sb.Append(double.IsFinite(Value) ? Internal.PyFloatFormat.Repr(Value) : "null");
}

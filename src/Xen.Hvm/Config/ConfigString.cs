using System.Text;

namespace Xen.Hvm.Config;

/// <summary>A string value.</summary>
public sealed class ConfigString : ConfigValue
{
    /// <summary>Constructs a string value.</summary>
    /// <param name="value">The string.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public ConfigString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>Gets the string.</summary>
    public string Value { get; }

    /// <inheritdoc/>
    public override ConfigValueKind Kind => ConfigValueKind.String;

    private protected override bool ScalarEquals(ConfigValue other) => string.Equals(Value, ((ConfigString)other).Value, StringComparison.Ordinal);

    private protected override int ScalarHash() => StringComparer.Ordinal.GetHashCode(Value);

    private protected override void AppendScalarJson(StringBuilder sb) => AppendJsonString(sb, Value);
}

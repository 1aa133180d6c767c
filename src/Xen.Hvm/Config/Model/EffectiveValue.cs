namespace Xen.Hvm.Config.Model;

/// <summary>
/// One option as a toolstack will use it: the value, where it comes from (the file, a default, a derivation, the
/// host), and, for a value the toolstack does not use, why. One item of <see cref="EffectiveConfig"/>.
/// </summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed class EffectiveValue
{
    internal EffectiveValue(
        OptionDefinition option,
        object? value,
        EffectiveValueSource source,
        object? fileValue,
        OptionDefault? defaultRow,
        IReadOnlyList<OptionDefinition> derivedFrom,
        string? note)
    {
        Option = option;
        Value = value;
        Source = source;
        FileValue = fileValue;
        Default = defaultRow;
        DerivedFrom = derivedFrom;
        Note = note;
    }

    /// <summary>Gets the option.</summary>
    public OptionDefinition Option { get; }

    /// <summary>
    /// Gets the value the toolstack uses, of the option's property type (<c>ConfigEnum&lt;ShutdownAction&gt;</c>,
    /// <c>long</c>, <c>bool</c>, <c>string</c>, a spec list...); <see langword="null"/> when it uses none (no kernel),
    /// or when only the host can tell (<see cref="EffectiveValueSource.Host"/>).
    /// </summary>
    public object? Value { get; }

    /// <summary>Gets where <see cref="Value"/> comes from.</summary>
    public EffectiveValueSource Source { get; }

    /// <summary>Gets the model's own value (<see langword="null"/> when the model does not set the option); it differs from <see cref="Value"/> when the toolstack ignores or does not read it.</summary>
    public object? FileValue { get; }

    /// <summary>Gets the default row that gave <see cref="Value"/>, or <see langword="null"/> when the file did (or nothing applies).</summary>
    public OptionDefault? Default { get; }

    /// <summary>Gets the options a <see cref="EffectiveValueSource.Derived"/> value is computed from (empty otherwise).</summary>
    public IReadOnlyList<OptionDefinition> DerivedFrom { get; }

    /// <summary>Gets why, in words: the default's description, or why the toolstack ignores the file's value; <see langword="null"/> for a value from the file.</summary>
    public string? Note { get; }

    /// <summary>Returns the option, its value and its source.</summary>
    /// <returns>For example <c>on_crash = destroy (Default)</c>.</returns>
    public override string ToString() => Option.Name + " = " + (Value?.ToString() ?? "(none)") + " (" + Source + ")";
}

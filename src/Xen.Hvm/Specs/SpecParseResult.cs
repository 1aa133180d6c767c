using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Specs;

/// <summary>
/// The outcome of parsing one spec string: the typed value (or <see langword="null"/>), the original text and the
/// diagnostics, located through the <see cref="SpecSourceMap"/> the parse was given.
/// </summary>
/// <typeparam name="T">The record type of the spec language, e.g. <see cref="DiskSpec"/>.</typeparam>
/// <remarks>
/// <para>Printing is lossless: <see cref="ToString"/> returns <see cref="Text"/> unchanged, and
/// <see cref="Print(T, ConfigDialect)"/> returns it too as long as the value is unchanged and no other dialect is
/// asked for. A changed or new value prints in the canonical form of the requested dialect.</para>
/// <para>Immutable; safe to share across threads.</para>
/// </remarks>
public sealed record SpecParseResult<T>
    where T : class
{
    private readonly Func<T, ConfigDialect, string> _printer;

    internal SpecParseResult(SpecKind kind, string text, ConfigDialect dialect, T? value, IReadOnlyList<Diagnostic> diagnostics, Func<T, ConfigDialect, string> printer)
    {
        Kind = kind;
        Text = text;
        Dialect = dialect;
        Value = value;
        Diagnostics = diagnostics;
        _printer = printer;
        foreach (var d in diagnostics)
        {
            if (d.IsError)
            {
                HasErrors = true;
                break;
            }
        }
    }

    /// <summary>Gets the spec language.</summary>
    public SpecKind Kind { get; }

    /// <summary>Gets the text that was parsed, exactly as given.</summary>
    public string Text { get; }

    /// <summary>Gets the dialect the text was read in (<see cref="ConfigDialect.Xl"/> or <see cref="ConfigDialect.Xm"/>).</summary>
    public ConfigDialect Dialect { get; }

    /// <summary>Gets the typed value, or <see langword="null"/> when the text has errors.</summary>
    public T? Value { get; }

    /// <summary>Gets the diagnostics, in text order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Gets a value indicating whether any diagnostic is an error.</summary>
    public bool HasErrors { get; }

    /// <summary>Gets a value indicating whether the text parsed to a value without errors.</summary>
    public bool Success => Value is not null && !HasErrors;

    /// <summary>Returns the value, or throws when the text has errors.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="SpecParseException">The text has errors; the exception carries the diagnostics.</exception>
    public T GetValueOrThrow()
    {
        if (Value is null || HasErrors)
        {
            throw new SpecParseException($"Invalid {Kind} spec '{Text}'.", Diagnostics);
        }

        return Value;
    }

    /// <summary>Prints a value: the original text when the value is unchanged, the canonical form otherwise.</summary>
    /// <param name="value">The value to print, usually <see cref="Value"/> or an edited copy of it.</param>
    /// <param name="dialect">The dialect to print for; <see cref="ConfigDialect.Auto"/> means the dialect the text was
    /// read in. Asking for the other dialect always prints the canonical form of that dialect.</param>
    /// <returns>The spec text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public string Print(T value, ConfigDialect dialect = ConfigDialect.Auto)
    {
        ArgumentNullException.ThrowIfNull(value);
        ConfigDialect target = dialect == ConfigDialect.Auto ? Dialect : dialect;
        if (target == Dialect && Value is not null && EqualityComparer<T>.Default.Equals(value, Value))
        {
            return Text;
        }

        return _printer(value, target);
    }

    /// <summary>Returns the original text.</summary>
    /// <returns><see cref="Text"/>.</returns>
    public override string ToString() => Text;
}

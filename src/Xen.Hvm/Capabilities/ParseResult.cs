using System.Diagnostics.CodeAnalysis;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Capabilities;

/// <summary>
/// The outcome of reading host capability text: the decoded value, which is always available as far as the text
/// allowed, plus the diagnostics. Reading never throws on bad text; callers who want an exception ask for
/// <see cref="Value"/> (NodaTime's <c>ParseResult</c> style).
/// </summary>
/// <typeparam name="T">The decoded type.</typeparam>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed class ParseResult<T>
    where T : class
{
    private readonly T _value;
    private readonly string _what;

    internal ParseResult(T value, IReadOnlyList<Diagnostic> diagnostics, string what)
    {
        _value = value;
        _what = what;
        Diagnostics = diagnostics;
        foreach (Diagnostic d in diagnostics)
        {
            if (d.IsError)
            {
                HasErrors = true;
                break;
            }
        }
    }

    /// <summary>Gets a value indicating whether the text was read without error diagnostics (warnings are allowed).</summary>
    public bool Success => !HasErrors;

    /// <summary>Gets a value indicating whether any diagnostic is an error.</summary>
    public bool HasErrors { get; }

    /// <summary>Gets every diagnostic, in text order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Gets the decoded value.</summary>
    /// <exception cref="HostCapabilitiesException">The text has errors (<see cref="Success"/> is <see langword="false"/>).</exception>
    public T Value => Success ? _value : throw Exception;

    /// <summary>Gets the value decoded as far as the text allowed, even when there are errors. Never <see langword="null"/>.</summary>
    public T PartialValue => _value;

    /// <summary>Gets the exception <see cref="Value"/> throws.</summary>
    /// <exception cref="InvalidOperationException">The text has no errors.</exception>
    public HostCapabilitiesException Exception => Success
        ? throw new InvalidOperationException("The text has no errors, so there is no exception.")
        : new HostCapabilitiesException("The " + _what + " has errors: " + FirstErrorText(), Diagnostics);

    /// <summary>Returns the decoded value, or throws when the text has errors.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="HostCapabilitiesException">The text has errors.</exception>
    public T GetValueOrThrow() => Value;

    /// <summary>Gets the value when the text has no errors.</summary>
    /// <param name="value">The value, or <see langword="null"/> when the text has errors.</param>
    /// <returns><see cref="Success"/>.</returns>
    public bool TryGetValue([NotNullWhen(true)] out T? value)
    {
        value = Success ? _value : null;
        return Success;
    }

    private string FirstErrorText()
    {
        foreach (Diagnostic d in Diagnostics)
        {
            if (d.IsError)
            {
                return d.ToString();
            }
        }

        return string.Empty;
    }
}

using System.Diagnostics.CodeAnalysis;

namespace Xen.Hvm.Diagnostics;

/// <summary>
/// The outcome of reading text in one of the languages this library parses (spec strings, host capability output,
/// <c>qemu-img</c> options...): the value, the diagnostics, and a throwing accessor for callers who want an
/// exception (NodaTime's <c>ParseResult</c>). Reading never throws on bad text.
/// </summary>
/// <typeparam name="T">The type read.</typeparam>
/// <remarks>
/// <para><see cref="Success"/> means no error diagnostic (warnings and infos are allowed). <see cref="Value"/> then
/// holds the value; on failure it throws the area's <see cref="XenHvmException"/> (a <c>SpecParseException</c>, a
/// <c>HostCapabilitiesException</c>...) carrying every diagnostic. Where a language lets most of a bad text still be
/// read (host capability output, where one bad field leaves the others usable), <see cref="PartialValue"/> holds what
/// was read.</para>
/// <para>Immutable; safe to share across threads.</para>
/// </remarks>
public sealed class ParseResult<T>
    where T : class
{
    private readonly T? _value;
    private readonly Func<string, IReadOnlyList<Diagnostic>, XenHvmException> _exception;

    internal ParseResult(T? value, IReadOnlyList<Diagnostic> diagnostics, Func<string, IReadOnlyList<Diagnostic>, XenHvmException> exception)
    {
        _value = value;
        _exception = exception;
        Diagnostics = diagnostics;
        for (int i = 0; i < diagnostics.Count; i++) // by index: a foreach over the interface boxes an enumerator per result
        {
            if (diagnostics[i].IsError)
            {
                FirstError = diagnostics[i];
                break;
            }
        }
    }

    /// <summary>Gets a value indicating whether the text was read without error diagnostics (warnings are allowed).</summary>
    [MemberNotNullWhen(false, nameof(FirstError))]
    public bool Success => FirstError is null && _value is not null;

    /// <summary>Gets a value indicating whether any diagnostic is an error.</summary>
    public bool HasErrors => FirstError is not null;

    /// <summary>Gets every diagnostic, in text order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Gets the first error diagnostic, or <see langword="null"/> when there is none.</summary>
    public Diagnostic? FirstError { get; }

    /// <summary>Gets the value read.</summary>
    /// <exception cref="XenHvmException">The text has errors (<see cref="Success"/> is <see langword="false"/>); the
    /// exception is the area's subtype and carries <see cref="Diagnostics"/>.</exception>
    public T Value => Success ? _value! : throw Exception;

    /// <summary>
    /// Gets the value as far as the text allowed, even when there are errors, or <see langword="null"/> when nothing
    /// usable could be read (most spec languages give no partial value).
    /// </summary>
    public T? PartialValue => _value;

    /// <summary>Gets the exception <see cref="Value"/> throws.</summary>
    /// <exception cref="InvalidOperationException">The text has no errors, so there is no exception.</exception>
    public XenHvmException Exception => Success
        ? throw new InvalidOperationException("The text has no errors, so there is no exception.")
        : _exception(FirstError?.ToString() ?? "The text could not be read.", Diagnostics);

    /// <summary>Returns the value, or throws when the text has errors; the same as <see cref="Value"/>.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="XenHvmException">The text has errors.</exception>
    public T GetValueOrThrow() => Value;

    /// <summary>Gets the value when the text has no errors.</summary>
    /// <param name="value">The value, or <see langword="null"/> when the text has errors.</param>
    /// <returns><see cref="Success"/>.</returns>
    public bool TryGetValue([NotNullWhen(true)] out T? value)
    {
        value = Success ? _value : null;
        return value is not null;
    }

    /// <summary>Returns a result with the value projected and the same diagnostics.</summary>
    /// <typeparam name="TResult">The projected type.</typeparam>
    /// <param name="projection">Applied to the value (or the partial value) when there is one.</param>
    /// <returns>The projected result.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="projection"/> is <see langword="null"/>.</exception>
    public ParseResult<TResult> Convert<TResult>(Func<T, TResult> projection)
        where TResult : class
    {
        ArgumentNullException.ThrowIfNull(projection);
        return new ParseResult<TResult>(_value is null ? null : projection(_value), Diagnostics, _exception);
    }

    /// <summary>Describes the result: the first error, or <c>Success</c>.</summary>
    /// <returns>The description.</returns>
    public override string ToString() => Success ? "Success" : FirstError?.ToString() ?? "No value";
}

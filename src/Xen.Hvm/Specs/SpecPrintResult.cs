using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Specs;

/// <summary>
/// A spec value printed in the canonical form of one dialect (<see cref="SpecString.Print"/>), with a diagnostic for
/// each part of the value that form leaves out (XH2040) and for a form that does not read back (XH2041).
/// </summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed class SpecPrintResult
{
    internal SpecPrintResult(string text, IReadOnlyList<Diagnostic> diagnostics)
    {
        Text = text;
        Diagnostics = diagnostics;
    }

    /// <summary>Gets the spec text, the same as <see cref="ISpecValue.ToSpecString"/> gives.</summary>
    public string Text { get; }

    /// <summary>Gets what the text does not say: one XH2040 per part left out, in the order of the language's keys, and
    /// XH2041 when the text does not read back in its dialect. Empty when the text says everything.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Gets a value indicating whether the text says all of the value.</summary>
    public bool IsComplete => Diagnostics.Count == 0;

    /// <summary>Returns <see cref="Text"/>.</summary>
    /// <returns>The spec text.</returns>
    public override string ToString() => Text;
}

using System.Diagnostics.Contracts;
using Xen.Hvm.Config.Model.Internal.Apply;

namespace Xen.Hvm.Config.Model;

/// <summary>Writes a <see cref="DomainConfig"/> back into the document it came from (or any other): <see cref="WithModel"/>.</summary>
public static class ConfigDocumentModelExtensions
{
    /// <summary>
    /// Returns the document with the smallest text edits that make it bind to <paramref name="model"/>: only the
    /// settings whose bound value differs from the model's are touched, through the document's own edit API, so
    /// comments and layout stay.
    /// </summary>
    /// <param name="document">The document.</param>
    /// <param name="model">The model to write (typically <see cref="BindResult.Config"/> of this document, changed with <c>with</c>).</param>
    /// <param name="options">How the document is bound (toolstack, Xen version, xm context); <see langword="null"/> for <see cref="BindOptions.Default"/>.</param>
    /// <returns>The edited document, the keys written, and the changes refused with their diagnostics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> or <paramref name="model"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// <para>An option set to <see langword="null"/> loses every setting of it; a new option is a new line at the end of
    /// the file (in the file's quote and spacing style); a changed option gets its new value at the setting the
    /// toolstack reads. In a list (<c>disk</c>, <c>vif</c>, <c>pci</c>...) only the changed items are written: a
    /// changed item is replaced where it stands, a removed one goes with its line or its comma, a new one goes on a
    /// line of its own when the list has one item per line. Spec records print in the document's dialect
    /// (<see cref="Specs.ISpecValue.ToSpecString"/>); items the binding could not read stay as they are.</para>
    /// <para><see cref="DomainConfig.OtherSettings"/> is written the same way, by key: a key the model no longer has
    /// is removed, a new one is appended (in the model's order), so the model's other settings should keep the
    /// file's order with new keys last.</para>
    /// <para>Code is never rewritten. Where the file computes a value (an xm expression, an assignment in an
    /// <c>if</c> block or a loop, a later <c>disk.append(...)</c>, an xl <c>+=</c> chain) and the model changes it, that
    /// change is not made and is refused with a diagnostic that says which (XH3200-XH3202). Every edit is checked by
    /// binding its result: a value that would read back differently (XH3204) or that other code of the file reads
    /// (xm: <c>maxmem = memory</c>; XH3203) is refused too. The other changes are made.</para>
    /// <para>The document this is called on does not change: use the returned one (ignoring it is reported as
    /// CA1806/XH0001, since the method is <c>[Pure]</c>).</para>
    /// </remarks>
    [Pure]
    public static ApplyResult WithModel(this ConfigDocument document, DomainConfig model, BindOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(model);
        return new ModelApplier(document, model, options ?? BindOptions.Default).Run();
    }
}

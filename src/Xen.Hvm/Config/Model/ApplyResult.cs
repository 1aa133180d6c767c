using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Config.Model;

/// <summary>
/// The result of <see cref="ConfigDocumentModelExtensions.WithModel"/>: the edited document, the model it binds to,
/// the keys whose settings were edited, and the changes that were not made, with their diagnostics.
/// </summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed class ApplyResult
{
    internal ApplyResult(ConfigDocument document, BindResult bound, IReadOnlyList<string> changedKeys, IReadOnlyList<string> refusedKeys, IReadOnlyList<Diagnostic> diagnostics)
    {
        Document = document;
        Bound = bound;
        ChangedKeys = changedKeys;
        RefusedKeys = refusedKeys;
        Diagnostics = diagnostics;
    }

    /// <summary>
    /// Gets the edited document: every change that could be made, and nothing else (each byte outside the edited
    /// settings is as it was). When a change was refused (<see cref="HasRefusals"/>) the document carries the refusal
    /// as an error diagnostic and <see cref="ConfigDocument.HasRefusedEdits"/> is true, so it is never saved as if the
    /// model had been written.
    /// </summary>
    public ConfigDocument Document { get; }

    /// <summary>Gets <see cref="Document"/> bound with the options given: its <see cref="BindResult.Config"/> is the model wherever no change was refused.</summary>
    public BindResult Bound { get; }

    /// <summary>Gets the keys (options and other settings) whose settings were edited, in the order they were written.</summary>
    public IReadOnlyList<string> ChangedKeys { get; }

    /// <summary>Gets the keys whose change was not made, in order.</summary>
    public IReadOnlyList<string> RefusedKeys { get; }

    /// <summary>
    /// Gets the diagnostics the write-back added to the document, in text order: a refusal for every change that was
    /// not made (XH3200-XH3249, or the editor's own XH2008, XH4203, XH4204), and the editor's notes (XH4202).
    /// </summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Gets a value indicating whether a change of the model was not made.</summary>
    public bool HasRefusals => RefusedKeys.Count > 0;
}

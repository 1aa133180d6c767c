using Xen.Hvm.Config.Parsing;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Config.Editing;

/// <summary>A diagnostic an edit left on the document it made, with its span in that document's text.</summary>
/// <param name="Descriptor">What the diagnostic says.</param>
/// <param name="Start">Where it starts in the edited text.</param>
/// <param name="Length">Its length.</param>
/// <param name="Args">The message arguments.</param>
/// <param name="Refusal">Whether the edit was not made (XH2008, XH4203, XH4204): a document made from it is never saved.</param>
internal sealed record EditNote(DiagnosticDescriptor Descriptor, int Start, int Length, object?[] Args, bool Refusal = false);

/// <summary>What an edit made: the new text parsed in the document's dialect, and the notes the new document carries.</summary>
/// <param name="Parsed">The new text, parsed.</param>
internal sealed record EditResult(ParsedConfig Parsed)
{
    /// <summary>Gets the notes of this edit and of the edits before it that the new document carries.</summary>
    public List<EditNote> Notes { get; } = [];
}

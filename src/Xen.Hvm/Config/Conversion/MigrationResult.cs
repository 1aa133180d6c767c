using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Config.Conversion;

/// <summary>What <see cref="XmToXl.Migrate"/> made of an xm file: the xl document and the notes that explain it.</summary>
public sealed class MigrationResult
{
    internal MigrationResult(ConfigDocument source, ConfigDocument document, IReadOnlyList<Diagnostic> notes, IReadOnlyList<Diagnostic> diagnostics)
    {
        Source = source;
        Document = document;
        Notes = notes;
        Diagnostics = diagnostics;
        HasErrors = diagnostics.Any(static d => d.IsError);
    }

    /// <summary>Gets the xm document that was migrated.</summary>
    public ConfigDocument Source { get; }

    /// <summary>Gets the new document, in the xl dialect.</summary>
    public ConfigDocument Document { get; }

    /// <summary>
    /// Gets the migration notes (XH90xx), in file order, each at the span of the xm file it comes from (a default
    /// written out sits at the start of the file, or at <c>builder</c> for the defaults of HVM guests).
    /// </summary>
    public IReadOnlyList<Diagnostic> Notes { get; }

    /// <summary>Gets every diagnostic: the xm file's own (syntax, evaluation, binding under xend), then the notes.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Gets whether any diagnostic is an error: the xl file then lacks something the xm file set.</summary>
    public bool HasErrors { get; }
}

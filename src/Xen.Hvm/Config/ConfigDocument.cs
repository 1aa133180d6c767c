using Xen.Hvm.Config.Editing;
using Xen.Hvm.Config.Parsing;
using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Text;

namespace Xen.Hvm.Config;

/// <summary>
/// A parsed config file: a lossless syntax tree (tokens and trivia), its settings in order, its effective values and
/// its diagnostics. <see cref="ToFullString"/> always returns exactly the parsed text, valid or not.
/// </summary>
/// <remarks>
/// <para>Edits are Roslyn-style pseudo-mutators (<see cref="WithValue(string, ConfigValue)"/>,
/// <see cref="WithoutSetting"/>, <see cref="WithItemAppended"/>, <see cref="WithSettingInserted"/>): they return new
/// documents, marked <c>[Pure]</c> so that ignoring one is a warning; every byte they do not touch stays as it was.</para>
/// <para>Immutable; safe to share across threads.</para>
/// </remarks>
public sealed partial class ConfigDocument
{
    private readonly DiagnosticBag _bag;
    private readonly IReadOnlyList<EditNote> _editNotes;
    private Diagnostic[]? _diagnostics;
    private SettingSyntax[]? _settings;
    private ConfigValueCollection? _values;

    internal ConfigDocument(XenConfigParseOptions options, ParsedConfig parsed, IReadOnlyList<EditNote>? editNotes = null)
    {
        Options = options;
        SyntaxTree = parsed.Tree;
        _bag = parsed.Diagnostics;
        DialectReason = parsed.DialectReason;
        DialectChoice = parsed.DialectChoice;
        DialectEvidence = parsed.DialectEvidence;
        _editNotes = editNotes ?? [];
        foreach (EditNote note in _editNotes)
        {
            _bag.Add(note.Descriptor, note.Start, note.Length, note.Args);
        }
    }

    /// <summary>Gets the syntax tree: the text, its tokens and trivia, and its nodes.</summary>
    public ConfigSyntaxTree SyntaxTree { get; }

    internal SyntaxData Data => SyntaxTree.Data;

    /// <summary>Gets the path or name given when parsing, used in diagnostics; <see langword="null"/> when none was given.</summary>
    public string? Path => SyntaxTree.Path;

    /// <summary>Gets the options the document was parsed with.</summary>
    public XenConfigParseOptions Options { get; }

    /// <summary>Gets the dialect the text was read as (never <see cref="ConfigDialect.Auto"/>).</summary>
    public ConfigDialect Dialect => SyntaxTree.Dialect;

    /// <summary>Gets why the document was read in its <see cref="Dialect"/>, in a short sentence.</summary>
    public string DialectReason { get; }

    /// <summary>Gets why the document was read in its <see cref="Dialect"/>, as a value: requested, valid xl, broken xl, or Python found.</summary>
    public ConfigDialectChoice DialectChoice { get; }

    /// <summary>
    /// Gets where the text has the first thing only Python has (a keyword, an operator, a float, an indent...) when
    /// <see cref="ConfigDialect.Auto"/> read it as xm for it (<see cref="ConfigDialectChoice.Python"/>); otherwise <see langword="null"/>.
    /// </summary>
    public TextSpan? DialectEvidence { get; }

    /// <summary>Gets the parsed text.</summary>
    public string Text => Data.Text;

    /// <summary>Gets the line map of the text.</summary>
    public LineMap Lines => SyntaxTree.Lines;

    /// <summary>Gets the root of the syntax tree.</summary>
    public ConfigFileSyntax Root => SyntaxTree.Root;

    /// <summary>Gets every setting statement, in text order (skipped statements excluded).</summary>
    public IReadOnlyList<SettingSyntax> Settings => _settings ??= Root.Statements.OfType<SettingSyntax>().ToArray();

    /// <summary>Gets the diagnostics, in text order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics ??= _bag.Resolve(Path, Lines);

    /// <summary>Gets a value indicating whether any diagnostic is an error (for xl: whether xl would reject the file).</summary>
    public bool HasErrors => _bag.ErrorCount > 0;

    /// <summary>
    /// Gets a value indicating whether this document comes from an edit that was refused (XH2008, XH4203, XH4204, and
    /// the model write-back's XH32xx),
    /// directly or through further edits: its text lacks that edit, so it is never saved (XH2020).
    /// </summary>
    public bool HasRefusedEdits => _editNotes.Any(static n => n.Refusal);

    /// <summary>
    /// Gets what the file says each key is, in order of first appearance, without running anything, in both dialects:
    /// for xl the effective values after <c>+=</c> and "last one wins", as xl reads them; for xm the values the file
    /// writes as constants (<c>memory = 512</c> is the integer 512), and a <see cref="ConfigUnknown"/> wherever it
    /// computes one (<c>memory = base * 2</c>, an assignment in an <c>if</c> block...).
    /// </summary>
    /// <remarks>
    /// <para>Only <see cref="Evaluate"/> runs xm logic: use it to know computed values, or what xm would hand to xend
    /// (which also leaves out what xm drops: bools, None, tuples, dictionaries). The typed getters
    /// (<see cref="ConfigValueCollection.GetInt64"/>, <see cref="ConfigValueCollection.GetStrings"/>...) read numbers as
    /// xl's getters do in both dialects (<c>"512"</c> and <c>512</c> alike) and refuse an unknown value (XH2022).</para>
    /// <para>For a document with errors the values are read from the statements that parsed; xl or xm itself would read none.</para>
    /// </remarks>
    public ConfigValueCollection Values => _values ??= LiteralValues.Read(SyntaxTree);

    /// <summary>
    /// Evaluates the document the way xm did (Python 2 <c>execfile</c> with xm's pre-seeded namespace), without running
    /// anything: no I/O, processes, reflection, network or environment access; host questions are answered by
    /// <paramref name="context"/>, and evaluation is bounded in steps and memory.
    /// </summary>
    /// <param name="context">The host profile, answers and command-line variables.</param>
    /// <returns>The variables xm would hand to xend, the unknown ones, and diagnostics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    /// <remarks>An xl document is read again as xm to be evaluated.</remarks>
    [System.Diagnostics.Contracts.Pure]
    public XmEvaluationResult Evaluate(XmEvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Dialect == ConfigDialect.Xm)
        {
            return Evaluation.XmInterpreter.Run(SyntaxTree, FirstError(), context);
        }

        ParsedConfig xm = ConfigParser.Parse(Data.Text, Path, ConfigDialect.Xm);
        Diagnostic? error = xm.Diagnostics.HasErrors ? xm.Diagnostics.Resolve(Path, xm.Tree.Lines).First(d => d.Severity == DiagnosticSeverity.Error) : null;
        return Evaluation.XmInterpreter.Run(xm.Tree, error, context);
    }

    private Diagnostic? FirstError() => HasErrors ? Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error) : null;

    /// <summary>Returns every setting of a key, in text order.</summary>
    /// <param name="name">The key.</param>
    /// <returns>The settings; empty when the key is not set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public IEnumerable<SettingSyntax> GetSettings(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Settings.Where(s => string.Equals(s.Name, name, StringComparison.Ordinal));
    }

    /// <summary>Returns the text, exactly as parsed (or as edited).</summary>
    /// <returns>The text.</returns>
    public string ToFullString() => Data.Text;

    /// <summary>Returns the text, exactly as parsed.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Data.Text;

    /// <summary>Writes the text to a writer.</summary>
    /// <param name="writer">The writer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is <see langword="null"/>.</exception>
    public void WriteTo(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Data.Text);
    }

    /// <summary>
    /// Returns the bytes of the document: UTF-8, with every byte that was not valid UTF-8 when loaded restored as it was,
    /// so an unedited loaded document gives back exactly the bytes of its file.
    /// </summary>
    /// <returns>The bytes.</returns>
    public byte[] ToBytes() => Hvm.Internal.ByteText.Encode(Data.Text);

    /// <summary>Writes the bytes of <see cref="ToBytes"/> to a stream.</summary>
    /// <param name="stream">The stream.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    public void WriteTo(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(ToBytes());
    }

    internal SourceLocation GetLocation(TextSpan span) => SyntaxTree.GetLocation(span);
}

using System.Diagnostics.Contracts;
using Xen.Hvm.Config.Editing;

namespace Xen.Hvm.Config;

public sealed partial class ConfigDocument
{
    /// <summary>
    /// Returns a new document in which <paramref name="name"/> has the value <paramref name="value"/>. The last setting
    /// of the key gets the new value (a <c>+=</c> there becomes <c>=</c>); a key that is not set is added at the end.
    /// </summary>
    /// <param name="name">The key.</param>
    /// <param name="value">The new value; strings are quoted in the file's own quote style.</param>
    /// <returns>The edited document; every byte outside the replaced value is unchanged.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid key of the document's dialect.</exception>
    /// <remarks>
    /// <para>In an xm document only a top-level <c>name = value</c> is edited; when code after it may assign the name again
    /// (an <c>if</c> block, a loop, <c>xm_vars.check()</c>), the new setting is added at the end instead. When the
    /// replaced value was computed, the expression becomes a literal and the new document has an XH4201 info diagnostic.</para>
    /// <para>In an xm document, strings are written as Python 2 reads them in that file: non-ASCII text as <c>\x</c>
    /// escapes of its UTF-8 bytes when the file declares no encoding (info XH4202), otherwise in the declared encoding.</para>
    /// <para>An edit that cannot be made safely is not made: the returned document has the same text and an error
    /// diagnostic (XH2008 when the file ends inside an open statement, XH4203/XH4204 when the file's encoding cannot
    /// hold the value); <see cref="HasRefusedEdits"/> is then true, and the document (or any made from it by further
    /// edits) is never saved (XH2020).</para>
    /// <para>The document this is called on does not change: use the returned one (ignoring it is reported as
    /// CA1806/XH0001, since the method is <c>[Pure]</c>).</para>
    /// </remarks>
    [Pure]
    public ConfigDocument WithValue(string name, ConfigValue value)
    {
        return Edited(Editor().WithValue(name, value));
    }

    /// <summary>Returns a new document in which <paramref name="name"/> is set to a bare number.</summary>
    /// <param name="name">The key.</param>
    /// <param name="value">The number (a negative number is quoted, as xl requires).</param>
    /// <returns>The edited document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid xl key.</exception>
    [Pure]
    public ConfigDocument WithValue(string name, long value) => WithValue(name, new ConfigInteger(value));

    /// <summary>Returns a new document in which <paramref name="name"/> is set to <c>1</c> or <c>0</c>, xl's booleans.</summary>
    /// <param name="name">The key.</param>
    /// <param name="value">The boolean.</param>
    /// <returns>The edited document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid xl key.</exception>
    [Pure]
    public ConfigDocument WithValue(string name, bool value) => WithValue(name, new ConfigInteger(value ? 1 : 0));

    /// <summary>Returns a new document without any setting of <paramref name="name"/> (whole statements, with their line breaks).</summary>
    /// <param name="name">The key.</param>
    /// <returns>The edited document, or this document when the key is not set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    [Pure]
    public ConfigDocument WithoutSetting(string name)
    {
        return Editor().WithoutSetting(name) is { } edited ? Edited(edited) : this;
    }

    /// <summary>
    /// Returns a new document with <paramref name="item"/> appended to the list value of <paramref name="name"/>,
    /// following the list's layout (one item per line, or all on one line). A key that is not set becomes a one-item list.
    /// </summary>
    /// <param name="name">The key.</param>
    /// <param name="item">The item to append.</param>
    /// <returns>The edited document.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid xl key.</exception>
    /// <exception cref="InvalidOperationException">The last setting of <paramref name="name"/> is not a list.</exception>
    /// <remarks>Strings and refused edits as in <see cref="WithValue(string, ConfigValue)"/>.</remarks>
    [Pure]
    public ConfigDocument WithItemAppended(string name, ConfigValue item)
    {
        return Edited(Editor().WithItemAppended(name, item));
    }

    /// <summary>
    /// Returns a new document with a new setting line <c>name = value</c>, on the line after the last setting of
    /// <paramref name="after"/>, or at the end of the file when <paramref name="after"/> is <see langword="null"/>.
    /// </summary>
    /// <param name="name">The key.</param>
    /// <param name="value">The value.</param>
    /// <param name="after">The key after whose last setting the line goes, or <see langword="null"/> for the end.</param>
    /// <returns>The edited document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> or <paramref name="value"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not a valid xl key, or <paramref name="after"/> is not set.</exception>
    /// <remarks>
    /// The new line is always a statement of its own: after a blank line when the file ends in an xm line continuation,
    /// and not added at all when the file ends inside an unclosed bracket or string (the returned document has the same
    /// text and error XH2008). Strings and other refused edits as in <see cref="WithValue(string, ConfigValue)"/>.
    /// </remarks>
    [Pure]
    public ConfigDocument WithSettingInserted(string name, ConfigValue value, string? after = null)
    {
        return Edited(Editor().WithSettingInserted(name, value, after));
    }

    /// <summary>Returns a new document with spans of the text replaced at once (non-overlapping); the model write-back's item edits.</summary>
    internal ConfigDocument WithTextEdits(IReadOnlyList<(Text.TextSpan Span, string Text)> edits) => Edited(Editor().WithTextEdits(edits));

    /// <summary>Returns a new document with the same text and refused edits (error diagnostics; the document is never saved).</summary>
    internal ConfigDocument WithRefusals(IEnumerable<(Diagnostics.DiagnosticDescriptor Descriptor, Text.TextSpan Span, object?[] Args)> refusals) =>
        Edited(Editor().WithRefusals(refusals));

    private ConfigEditor Editor() => new(SyntaxTree, _editNotes);

    private ConfigDocument Edited(EditResult edited) => new(Options with { Dialect = Dialect }, edited.Parsed, edited.Notes);
}

using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Text;

namespace Xen.Hvm.Config.Model.Internal.Apply;

/// <summary>
/// Where and how a document sets a key, as far as write-back cares: absent; set by a setting whose value may be edited
/// (and the items of its list, across a <c>+=</c> chain in xl); or set in a way write-back leaves alone (xm code).
/// </summary>
internal sealed class SettingSite
{
    private SettingSite(string key)
    {
        Key = key;
    }

    public string Key { get; }

    /// <summary>Gets a value indicating whether the file sets the key at all.</summary>
    public bool IsSet { get; private init; }

    /// <summary>Gets the setting whose value the toolstack reads (xl: the last one; xm: the top-level setting that assigned it).</summary>
    public SettingSyntax? Setting { get; private init; }

    /// <summary>Gets the number of settings the value is built from (xl: more than one for a <c>+=</c> chain).</summary>
    public int ChainLength { get; private init; }

    /// <summary>Gets a value indicating whether the value is built with <c>+=</c> (xl).</summary>
    public bool IsAppendChain { get; private init; }

    /// <summary>Gets the lists the value is written as (xl: one per setting of the chain, in order), else <see langword="null"/>.</summary>
    public IReadOnlyList<ListSyntax>? Lists { get; private init; }

    /// <summary>Gets why the value cannot be edited at its setting (xm: assigned in a block, or again later), or <see langword="null"/>.</summary>
    public (DiagnosticDescriptor Descriptor, object?[] Args)? NotEditable { get; private init; }

    /// <summary>Gets a value indicating whether the setting's value is code rather than a literal (xm).</summary>
    public bool IsComputed { get; private init; }

    public static SettingSite Find(ConfigDocument document, BindResult bound, string key) =>
        document.Dialect == ConfigDialect.Xm ? FindXm(document, bound, key) : FindXl(document, key);

    private static SettingSite FindXl(ConfigDocument document, string key)
    {
        List<SettingSyntax> settings = document.GetSettings(key).ToList();
        if (settings.Count == 0)
        {
            return new SettingSite(key);
        }

        int from = Math.Max(settings.FindLastIndex(static s => !s.IsAppend), 0);
        List<SettingSyntax> chain = settings[from..];
        ListSyntax[]? lists = chain.All(static s => s.Value is ListSyntax) ? chain.Select(static s => (ListSyntax)s.Value).ToArray() : null;
        return new SettingSite(key)
        {
            IsSet = true,
            Setting = chain[^1],
            ChainLength = chain.Count,
            IsAppendChain = chain.Any(static s => s.IsAppend),
            Lists = lists,
        };
    }

    private static SettingSite FindXm(ConfigDocument document, BindResult bound, string key)
    {
        if (!bound.TryGetLocation(key, out SourceLocation location))
        {
            return new SettingSite(key);
        }

        SettingSyntax? setting = document.Settings.LastOrDefault(s => string.Equals(s.Name, key, StringComparison.Ordinal) && s.Value.Span == location.Span);
        if (setting is null)
        {
            string where = location.Span.Length == 0 && location.Span.Start == 0
                ? "by no statement of the file (xm's own namespace or the command line)"
                : document.Root.Statements.FirstOrDefault(s => s.Span.Contains(location.Span)) is { } statement && statement is not SettingSyntax
                    && statement.Kind is SyntaxKind.IfStatement or SyntaxKind.ForStatement or SyntaxKind.WhileStatement
                    ? "in a block (if, for, while)"
                    : "by a statement that is not a plain 'name = value' setting";
            return new SettingSite(key) { IsSet = true, NotEditable = (DiagnosticDescriptors.WriteBackAssignedByCode, [key, where]) };
        }

        SyntaxData data = document.SyntaxTree.Data;
        if (XmBindings.MayAssign(data, data.End(setting.Row), data.End(SyntaxData.Root), key))
        {
            return new SettingSite(key)
            {
                IsSet = true,
                Setting = setting,
                NotEditable = (DiagnosticDescriptors.WriteBackAssignedByCode, [key, "or changed again by code after its setting"]),
            };
        }

        return new SettingSite(key)
        {
            IsSet = true,
            Setting = setting,
            ChainLength = 1,
            IsComputed = !setting.Value.IsConstant,
            Lists = setting.Value is ListSyntax list ? [list] : null,
        };
    }
}

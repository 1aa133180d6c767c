using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Text;

namespace Xen.Hvm.Config.Model.Internal.Binding;

/// <summary>Finds the origin of a setting read from a document, when first asked.</summary>
internal abstract class OriginFinder
{
    /// <summary>The origin of <paramref name="source"/>, made with the row it was read with.</summary>
    public abstract ValueOrigin Find(SettingSource source, int row);
}

/// <summary>xl: a setting's origin is its last setting's value (the syntax rows read only then), or for a <c>+=</c>
/// chain the items of every setting that built it.</summary>
internal sealed class XlOrigins(ConfigDocument document) : OriginFinder
{
    public override ValueOrigin Find(SettingSource source, int row) =>
        source.IsAppend ? SettingSources.AppendOrigin(document.Settings, row, source.Name) : ValueOrigin.ForSettingValue(document.SyntaxTree, row);
}

/// <summary>xm: a variable's origin is where the evaluation assigned it; a value written as a constant keeps its
/// literal's spans. The table of the literals is made when the first origin is asked for.</summary>
internal sealed class XmOrigins(ConfigSyntaxTree tree, XmEvaluationResult evaluation) : OriginFinder
{
    private Dictionary<TextSpan, int>? _literals;

    public override ValueOrigin Find(SettingSource source, int row)
    {
        if (!evaluation.TryGetAssignmentSpan(source.Name, out TextSpan span))
        {
            return ValueOrigin.FileStart(tree);
        }

        // The map checks the literal still spells the value. The evaluation ran on this document's own tree, so the
        // span is one of its spans.
        return Literals().TryGetValue(span, out int literal) ? ValueOrigin.For(tree, literal) : ValueOrigin.At(tree.GetLocation(span));
    }

    private Dictionary<TextSpan, int> Literals()
    {
        if (Volatile.Read(ref _literals) is { } made)
        {
            return made;
        }

        SyntaxData data = tree.Data;
        var literals = new Dictionary<TextSpan, int>();
        foreach (int statement in data.Children(SyntaxData.Root))
        {
            if (data.Kind(statement) == SyntaxKind.Setting)
            {
                int value = data.SettingValue(statement);
                literals[data.Span(value)] = value;
            }
        }

        return Interlocked.CompareExchange(ref _literals, literals, null) ?? literals;
    }
}

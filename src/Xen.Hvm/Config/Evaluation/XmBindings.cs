using Xen.Hvm.Config.Parsing;
using Xen.Hvm.Config.Syntax;

namespace Xen.Hvm.Config.Evaluation;

/// <summary>Which names a region of statements may bind, read from the rows without evaluating anything.</summary>
internal static class XmBindings
{
    private static string Text(SyntaxData data, int token) => data.TokenText(token).ToString();

    private static SyntaxKind Kind(SyntaxData data, int token) => data.Tokens[token].Kind;

    private static int Next(SyntaxData data, int token) => SyntaxNavigation.NextSignificant(data, token);

    /// <summary>Returns whether statements in rows [<paramref name="from"/>, <paramref name="end"/>) may assign <paramref name="name"/>.</summary>
    public static bool MayAssign(SyntaxData data, int from, int end, string name)
    {
        var (assigned, receivers, _) = AssignedNames(data, from, end);
        return assigned.Contains(name) || receivers.Contains(name) || (name is not "xm_vars" && receivers.Contains("xm_vars"));
    }

    /// <summary>
    /// Reads the names a statement that was not parsed may bind: before <c>=</c>, after <c>for</c>, <c>global</c>,
    /// and (into <paramref name="bound"/>, never a kept value) after <c>def</c>, <c>class</c>, <c>import</c>, <c>as</c>.
    /// </summary>
    public static void ScanSkippedTokens(SyntaxData data, NodeRow r, ISet<string> assigned, ISet<string> receivers, ISet<string>? bound = null)
    {
        string previous = string.Empty;
        int brackets = 0;
        for (int t = r.FirstToken; t <= r.LastToken; t++)
        {
            Token tok = data.Tokens[t];
            if (tok.IsTrivia)
            {
                continue;
            }

            switch (tok.Kind)
            {
                case SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken or SyntaxKind.OpenBraceToken:
                    brackets++;
                    break;
                case SyntaxKind.CloseParenToken or SyntaxKind.CloseBracketToken or SyntaxKind.CloseBraceToken:
                    brackets = Math.Max(0, brackets - 1);
                    break;
            }

            string text = Text(data, t);
            if (tok.Kind == SyntaxKind.IdentifierToken)
            {
                SyntaxKind next = Kind(data, Next(data, t));
                if (brackets > 0 && next == SyntaxKind.EqualsToken && previous is not ("def" or "class" or "for"))
                {
                    // f(name=value): a keyword argument (or a default in a def's parameters), not an assignment
                    previous = text;
                    continue;
                }

                if (previous is "def" or "class" or "import" or "as" && next is not (SyntaxKind.EqualsToken or SyntaxKind.PlusEqualsToken or SyntaxKind.CompoundAssignmentToken))
                {
                    assigned.Add(text);
                    bound?.Add(text);
                }
                else if (previous is "for" or "global" || next is SyntaxKind.EqualsToken or SyntaxKind.PlusEqualsToken or SyntaxKind.CompoundAssignmentToken)
                {
                    assigned.Add(text);
                    bound?.Remove(text);
                }
                else if (next == SyntaxKind.DotToken || next == SyntaxKind.OpenBracketToken)
                {
                    receivers.Add(text);
                }
                else if (previous == "," && tok.Kind == SyntaxKind.IdentifierToken)
                {
                    // "import a, b" / "for a, b in": the names after a comma are bound too
                    assigned.Add(text);
                }
            }

            previous = tok.Kind == SyntaxKind.CommaToken && previous is "import" or "," ? "," : text;
        }
    }

    /// <summary>The names a region assigns, the names whose values it may change in place, and whether it may return.</summary>
    public static (SortedSet<string> Assigned, HashSet<string> Receivers, bool Returns) AssignedNames(SyntaxData data, int from, int end)
    {
        var assigned = new SortedSet<string>(StringComparer.Ordinal);
        var receivers = new HashSet<string>(StringComparer.Ordinal);
        bool returns = false;
        int r = from;
        while (r < end)
        {
            NodeRow n = data.Rows[r];
            switch (n.Kind)
            {
                case SyntaxKind.Setting:
                    assigned.Add(Text(data, n.FirstToken));
                    break;
                case SyntaxKind.AssignmentStatement:
                {
                    int[] parts = SyntaxNavigation.Children(data, r).ToArray();
                    for (int i = 0; i < parts.Length - 1; i++)
                    {
                        CollectTargetNames(data, parts[i], assigned, receivers);
                    }

                    break;
                }

                case SyntaxKind.ForStatement:
                    CollectTargetNames(data, r + 1, assigned, receivers);
                    break;
                case SyntaxKind.DelStatement:
                    CollectTargetNames(data, r + 1, assigned, receivers);
                    break;
                case SyntaxKind.FunctionDefinition:
                    assigned.Add(Text(data, Next(data, n.FirstToken)));
                    r += n.RowCount;
                    continue;
                case SyntaxKind.ImportStatement or SyntaxKind.FromImportStatement or SyntaxKind.SkippedStatement:
                    ScanSkippedTokens(data, n, assigned, receivers);
                    break;
                case SyntaxKind.ReturnStatement or SyntaxKind.RaiseStatement:
                    returns = true;
                    break;
                case SyntaxKind.CallExpression:
                {
                    int callee = r + 1;
                    if (data.Rows[callee].Kind == SyntaxKind.MemberAccessExpression && data.Rows[callee + 1].Kind == SyntaxKind.NameExpression)
                    {
                        receivers.Add(Text(data, data.Rows[callee + 1].FirstToken));
                    }

                    break;
                }
            }

            r++;
        }

        return (assigned, receivers, returns);
    }

    private static void CollectTargetNames(SyntaxData data, int target, ISet<string> assigned, ISet<string> receivers)
    {
        int end = target + data.Rows[target].RowCount;
        for (int r = target; r < end; r++)
        {
            NodeRow n = data.Rows[r];
            if (n.Kind == SyntaxKind.NameExpression)
            {
                assigned.Add(Text(data, n.FirstToken));
            }
            else if (n.Kind is SyntaxKind.SubscriptExpression or SyntaxKind.MemberAccessExpression)
            {
                int b = r + 1;
                while (data.Rows[b].Kind is SyntaxKind.SubscriptExpression or SyntaxKind.MemberAccessExpression)
                {
                    b++;
                }

                if (data.Rows[b].Kind == SyntaxKind.NameExpression)
                {
                    receivers.Add(Text(data, data.Rows[b].FirstToken));
                }

                r += n.RowCount - 1;
            }
        }
    }
}

namespace Xen.Hvm.Config.Syntax;

/// <summary>Which names a region of statements may bind, read from the rows without evaluating anything.</summary>
internal static class XmBindings
{
    private static string Text(SyntaxData data, int token) => data.TokenText(token).ToString();

    /// <summary>Returns whether the nodes [<paramref name="from"/>, <paramref name="end"/>) (a region in preorder) may assign <paramref name="name"/>.</summary>
    public static bool MayAssign(SyntaxData data, int from, int end, string name)
    {
        var (assigned, receivers, _) = AssignedNames(data, from, end);
        return assigned.Contains(name) || receivers.Contains(name) || (name is not "xm_vars" && receivers.Contains("xm_vars"));
    }

    /// <summary>
    /// Reads the names a statement that was not parsed may bind: before <c>=</c>, after <c>for</c>, <c>global</c>,
    /// and (into <paramref name="bound"/>, never a kept value) after <c>def</c>, <c>class</c>, <c>import</c>, <c>as</c>.
    /// </summary>
    public static void ScanSkippedTokens(SyntaxData data, int statement, ISet<string> assigned, ISet<string> receivers, ISet<string>? bound = null)
    {
        string previous = string.Empty;
        int brackets = 0;
        for (int t = data.FirstToken(statement), last = data.LastToken(statement); t <= last; t++)
        {
            if (data.IsTrivia(t))
            {
                continue;
            }

            SyntaxKind kind = data.TokenKind(t);
            switch (kind)
            {
                case SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken or SyntaxKind.OpenBraceToken:
                    brackets++;
                    break;
                case SyntaxKind.CloseParenToken or SyntaxKind.CloseBracketToken or SyntaxKind.CloseBraceToken:
                    brackets = Math.Max(0, brackets - 1);
                    break;
            }

            string text = Text(data, t);
            if (kind == SyntaxKind.IdentifierToken)
            {
                SyntaxKind next = data.TokenKind(data.NextSignificant(t));
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
                else if (previous == ",")
                {
                    // "import a, b" / "for a, b in": the names after a comma are bound too
                    assigned.Add(text);
                }
            }

            previous = kind == SyntaxKind.CommaToken && previous is "import" or "," ? "," : text;
        }
    }

    /// <summary>The names a region assigns, the names whose values it may change in place, and whether it may return.</summary>
    public static (SortedSet<string> Assigned, HashSet<string> Receivers, bool Returns) AssignedNames(SyntaxData data, int from, int end)
    {
        var assigned = new SortedSet<string>(StringComparer.Ordinal);
        var receivers = new HashSet<string>(StringComparer.Ordinal);
        bool returns = false;
        // Every node of the region, in preorder; a function's body is its own scope and is skipped.
        int r = from;
        while (r < end)
        {
            switch (data.Kind(r))
            {
                case SyntaxKind.Setting:
                    assigned.Add(Text(data, data.NameToken(r)));
                    break;
                case SyntaxKind.AssignmentStatement:
                    foreach (int target in data.AssignmentTargets(r))
                    {
                        CollectTargetNames(data, target, assigned, receivers);
                    }

                    break;
                case SyntaxKind.ForStatement:
                    CollectTargetNames(data, data.ForTarget(r), assigned, receivers);
                    break;
                case SyntaxKind.DelStatement:
                    CollectTargetNames(data, data.Operand(r), assigned, receivers);
                    break;
                case SyntaxKind.FunctionDefinition:
                    assigned.Add(Text(data, data.FunctionNameToken(r)));
                    r = data.End(r);
                    continue;
                case SyntaxKind.ImportStatement or SyntaxKind.FromImportStatement or SyntaxKind.SkippedStatement:
                    ScanSkippedTokens(data, r, assigned, receivers);
                    break;
                case SyntaxKind.ReturnStatement or SyntaxKind.RaiseStatement:
                    returns = true;
                    break;
                case SyntaxKind.CallExpression:
                {
                    // name.method(...): the method may change the value of name in place.
                    int callee = data.Target(r);
                    if (data.Kind(callee) == SyntaxKind.MemberAccessExpression && data.Kind(data.Target(callee)) == SyntaxKind.NameExpression)
                    {
                        receivers.Add(Text(data, data.LeafToken(data.Target(callee))));
                    }

                    break;
                }
            }

            r = data.Next(r);
        }

        return (assigned, receivers, returns);
    }

    private static void CollectTargetNames(SyntaxData data, int target, ISet<string> assigned, ISet<string> receivers)
    {
        // The names of a target (a name, or the names of a tuple or list of targets); x[i] = ... and x.a = ...
        // change the value of the name at the bottom of the chain in place.
        int end = data.End(target);
        for (int r = target; r < end;)
        {
            SyntaxKind kind = data.Kind(r);
            if (kind == SyntaxKind.NameExpression)
            {
                assigned.Add(Text(data, data.LeafToken(r)));
            }
            else if (kind is SyntaxKind.SubscriptExpression or SyntaxKind.MemberAccessExpression)
            {
                int b = data.Target(r);
                while (data.Kind(b) is SyntaxKind.SubscriptExpression or SyntaxKind.MemberAccessExpression)
                {
                    b = data.Target(b);
                }

                if (data.Kind(b) == SyntaxKind.NameExpression)
                {
                    receivers.Add(Text(data, data.LeafToken(b)));
                }

                r = data.End(r);
                continue;
            }

            r = data.Next(r);
        }
    }
}

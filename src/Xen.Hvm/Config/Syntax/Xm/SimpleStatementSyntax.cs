namespace Xen.Hvm.Config.Syntax;

/// <summary>An expression used as a statement: <c>xm_vars.check()</c>, <c>disk.append('...')</c>.</summary>
public sealed class ExpressionStatementSyntax : StatementSyntax
{
    internal ExpressionStatementSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the expression.</summary>
    public ValueSyntax Expression => Child<ValueSyntax>(Data.Operand(Row));
}

/// <summary>
/// An assignment that is not a simple setting: several targets (<c>a = b = 1</c>), a tuple target (<c>a, b = t</c>),
/// an attribute or subscript target (<c>x[0] = 1</c>), or an augmented assignment other than <c>name += value</c>.
/// </summary>
public sealed class AssignmentStatementSyntax : StatementSyntax
{
    internal AssignmentStatementSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the targets, left to right.</summary>
    public IReadOnlyList<ValueSyntax> Targets => Children<ValueSyntax>(Data.AssignmentTargets(Row));

    /// <summary>Gets the assigned value.</summary>
    public ValueSyntax Value => Child<ValueSyntax>(Data.AssignmentValue(Row));

    /// <summary>Gets the first operator token (<c>=</c>, <c>+=</c>, <c>-=</c>...).</summary>
    public SyntaxToken OperatorToken => TokenAt(Data.AssignmentOperatorToken(Row));

    /// <summary>Gets a value indicating whether this is an augmented assignment (<c>x -= 1</c>).</summary>
    public bool IsAugmented => OperatorToken.Kind != SyntaxKind.EqualsToken;
}

/// <summary><c>import a, b.c as d</c>.</summary>
public sealed class ImportStatementSyntax : StatementSyntax
{
    internal ImportStatementSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets each imported module (dotted) with the name it is bound to.</summary>
    public IReadOnlyList<(string Module, string? Alias)> Modules => ImportNames.Read(DescendantTokens().Skip(1));
}

/// <summary><c>from a import *</c> or <c>from a import b, c as d</c>.</summary>
public sealed class FromImportStatementSyntax : StatementSyntax
{
    internal FromImportStatementSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the module name (dotted, with any leading dots of a relative import).</summary>
    public string Module => string.Concat(DescendantTokens().Skip(1).TakeWhile(t => t.Text != "import").Select(t => t.Text));

    /// <summary>Gets a value indicating whether the statement imports every public name (<c>*</c>).</summary>
    public bool ImportsAll => DescendantTokens().Any(t => t.Kind == SyntaxKind.AsteriskToken);

    /// <summary>Gets the imported names with the name each is bound to; empty for <c>*</c>.</summary>
    public IReadOnlyList<(string Module, string? Alias)> Names =>
        ImportNames.Read(DescendantTokens().SkipWhile(t => t.Text != "import").Skip(1).Where(t => t.Kind is not (SyntaxKind.OpenParenToken or SyntaxKind.CloseParenToken or SyntaxKind.AsteriskToken)));
}

/// <summary><c>pass</c>, <c>break</c> or <c>continue</c>.</summary>
public sealed class KeywordStatementSyntax : StatementSyntax
{
    internal KeywordStatementSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the keyword token.</summary>
    public SyntaxToken Keyword => FirstToken;
}

/// <summary><c>print a, b</c> (Python 2's print statement), possibly <c>print &gt;&gt; f, a</c>.</summary>
public sealed class PrintStatementSyntax : StatementSyntax
{
    internal PrintStatementSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets a value indicating whether the output is redirected (<c>print &gt;&gt; f, ...</c>); the first child is then the file.</summary>
    public bool HasRedirect => Data.PrintHasRedirect(Row);

    /// <summary>Gets the printed expressions (after the redirect target, if any).</summary>
    public IReadOnlyList<ValueSyntax> Expressions => ChildNodes().Cast<ValueSyntax>().Skip(HasRedirect ? 1 : 0).ToArray();

    /// <summary>Gets a value indicating whether the statement ends with a comma (no line break printed).</summary>
    public bool HasTrailingComma => DescendantTokens().Where(t => t.Kind is not (SyntaxKind.NewLineToken or SyntaxKind.SemicolonToken)).LastOrDefault().Kind == SyntaxKind.CommaToken;
}

/// <summary><c>return</c> or <c>return value</c>.</summary>
public sealed class ReturnStatementSyntax : StatementSyntax
{
    internal ReturnStatementSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the returned expression, or <see langword="null"/>.</summary>
    public ValueSyntax? Expression => ChildOrNull<ValueSyntax>(Data.ReturnValue(Row));
}

/// <summary><c>raise</c>, <c>raise E</c> or Python 2's <c>raise E, message</c>.</summary>
public sealed class RaiseStatementSyntax : StatementSyntax
{
    internal RaiseStatementSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the expressions after <c>raise</c> (none, the exception, then optionally its argument and traceback).</summary>
    public IReadOnlyList<ValueSyntax> Expressions => ChildNodes().Cast<ValueSyntax>().ToArray();
}

/// <summary><c>global a, b</c>.</summary>
public sealed class GlobalStatementSyntax : StatementSyntax
{
    internal GlobalStatementSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the declared names.</summary>
    public IReadOnlyList<string> Names => DescendantTokens().Where(t => t.Kind == SyntaxKind.IdentifierToken).Select(t => t.Text).ToArray();
}

/// <summary><c>del a, b[0]</c>.</summary>
public sealed class DelStatementSyntax : StatementSyntax
{
    internal DelStatementSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the deleted target (a tuple when several are listed).</summary>
    public ValueSyntax Target => Child<ValueSyntax>(Data.Operand(Row));
}

/// <summary><c>assert condition</c> or <c>assert condition, message</c>.</summary>
public sealed class AssertStatementSyntax : StatementSyntax
{
    internal AssertStatementSyntax(ConfigSyntaxTree tree, int row, SyntaxNode? parent)
        : base(tree, row, parent)
    {
    }

    /// <summary>Gets the condition.</summary>
    public ValueSyntax Condition => Child<ValueSyntax>(Data.Condition(Row));

    /// <summary>Gets the message, or <see langword="null"/>.</summary>
    public ValueSyntax? Message => ChildOrNull<ValueSyntax>(Data.AssertMessage(Row));
}

/// <summary>Reads <c>a.b as c, d</c> from import statement tokens.</summary>
internal static class ImportNames
{
    public static IReadOnlyList<(string Module, string? Alias)> Read(IEnumerable<SyntaxToken> tokens)
    {
        var result = new List<(string, string?)>();
        var name = new System.Text.StringBuilder();
        string? alias = null;
        bool afterAs = false;
        foreach (SyntaxToken t in tokens)
        {
            switch (t.Kind)
            {
                case SyntaxKind.CommaToken or SyntaxKind.NewLineToken or SyntaxKind.SemicolonToken:
                    Flush();
                    break;
                case SyntaxKind.KeywordToken when t.Text == "as":
                    afterAs = true;
                    break;
                case SyntaxKind.IdentifierToken when afterAs:
                    alias = t.Text;
                    break;
                default:
                    name.Append(t.Text);
                    break;
            }
        }

        Flush();
        return result;

        void Flush()
        {
            if (name.Length > 0)
            {
                result.Add((name.ToString(), alias));
            }

            name.Clear();
            alias = null;
            afterAs = false;
        }
    }
}

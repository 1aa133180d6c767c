using System.Reflection;
using System.Text.RegularExpressions;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Config.Syntax;

/// <summary>
/// The rows of a syntax tree have one owner (<c>SyntaxData</c>): their layout is written down once, with accessors,
/// and nobody else reads them by offset.
/// </summary>
public sealed partial class SyntaxDataTests
{
    /// <summary>Row arithmetic: <c>row + 1</c>, <c>node - 1</c>, <c>row++</c>, a subtree size added to a row.</summary>
    [GeneratedRegex(@"\b\w*(row|Row|node|Node)\w*\s*[-+]\s*\d|\b\w*(row|Row)\w*\s*(\+\+|--)|(\+\+|--)\s*\w*(row|Row)\b|\.Rows\b|SubtreeRows|RowCount\s*[-+]|[-+]\s*\w*\.?RowCount\b")]
    private static partial Regex RowArithmetic();

    [Theory]
    [InlineData("PyObj value = Eval(row + 1, f);")]
    [InlineData("int end = row + data.Rows[row].RowCount;")]
    [InlineData("for (int r = from; r < end; r++) { current++; valueRow++; }")]
    [InlineData("int right = left + _data.RowCount;")]
    public void RowArithmetic_ReadsOfRowsByOffset_AreFound(string line)
    {
        Assert.Matches(RowArithmetic(), line);
    }

    [Fact]
    public void ConfigSources_OutsideSyntaxData_NeverComputeRowsFromRows()
    {
        string config = Path.Combine(Corpus.RepositoryRoot, "src", "Xen.Hvm", "Config");
        string[] files = Directory.GetFiles(config, "*.cs", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        var offenders = new List<string>();
        foreach (string file in files)
        {
            string relative = Path.GetRelativePath(config, file).Replace('\\', '/');
            if (relative.StartsWith("Syntax/SyntaxData", StringComparison.Ordinal))
            {
                continue; // the owner: storage, layout and writer
            }

            string[] lines = File.ReadAllLines(file);
            for (int i = 0; i < lines.Length; i++)
            {
                string code = lines[i].TrimStart();
                if (!code.StartsWith("//", StringComparison.Ordinal) && RowArithmetic().IsMatch(code))
                {
                    offenders.Add($"{relative}({i + 1}): {code}");
                }
            }
        }

        Assert.True(offenders.Count == 0, string.Join("\n", offenders));
    }

    [Fact]
    public void SyntaxData_RowsAndTokens_AreReachableOnlyThroughItsAccessors()
    {
        Type data = typeof(XenConfig).Assembly.GetType("Xen.Hvm.Config.Syntax.SyntaxData", throwOnError: true)!;
        Assert.All(data.GetFields(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic), f => Assert.True(f.IsPrivate || f.IsLiteral, f.Name));
        Assert.DoesNotContain(data.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic), p => p.PropertyType.IsArray);
        Type? row = data.GetNestedType("Row", BindingFlags.NonPublic);
        Assert.NotNull(row);
        Assert.True(row.IsNestedPrivate);
    }

    [Theory]
    [InlineData("a = b = [1, (2), -3]\n")]
    [InlineData("if x:\n  y = f(a, k=v)[1:2]\nelif z:\n  pass\nelse:\n  w = {1: 2}\n")]
    [InlineData("def f(a, b=1):\n  global g\n  return a if b else -a\nfor i in range(3):\n  print >> s, i,\n")]
    public void Rows_OfEveryXmKind_HaveTheLayoutTheNodeViewsRead(string text)
    {
        ConfigDocument doc = XenConfig.Parse(text, options: new XenConfigParseOptions { Dialect = ConfigDialect.Xm });
        Assert.False(doc.HasErrors);

        // Every node lies inside its parent, children in order and without overlap: the preorder the accessors assume.
        foreach (SyntaxNode node in doc.Root.DescendantNodes())
        {
            SyntaxNode parent = node.Parent!;
            Assert.InRange(node.FullSpan.Start, parent.FullSpan.Start, parent.FullSpan.End);
            Assert.InRange(node.FullSpan.End, parent.FullSpan.Start, parent.FullSpan.End);
            SyntaxNode[] children = node.ChildNodes().ToArray();
            for (int i = 1; i < children.Length; i++)
            {
                Assert.True(children[i - 1].Span.End <= children[i].Span.Start, $"{children[i - 1].Kind} then {children[i].Kind}");
            }
        }

        string Text(SyntaxNode n) => n.ToString();
        foreach (SyntaxNode node in doc.Root.DescendantNodes())
        {
            switch (node)
            {
                case AssignmentStatementSyntax a:
                    Assert.Equal(["a", "b"], a.Targets.Select(Text));
                    Assert.Equal("[1, (2), -3]", Text(a.Value));
                    Assert.Equal(SyntaxKind.EqualsToken, a.OperatorToken.Kind);
                    break;
                case IfStatementSyntax i:
                    Assert.Equal("x", Text(i.Condition));
                    Assert.Equal("z", Text(i.ElifClauses.Single().Condition));
                    Assert.Equal("w = {1: 2}", Text(i.Else!.Body.Statements.Single()).TrimEnd());
                    break;
                case CallExpressionSyntax c when Text(c.Expression) == "range":
                    Assert.Equal(["3"], c.Arguments.Select(Text));
                    break;
                case CallExpressionSyntax c:
                    Assert.Equal("f", Text(c.Expression));
                    Assert.Equal(["a", "k=v"], c.Arguments.Select(Text));
                    break;
                case SubscriptExpressionSyntax s:
                    Assert.Equal("1:2", Text(s.Index));
                    Assert.Equal("2", Text(((SliceSyntax)s.Index).Upper!));
                    break;
                case FunctionDefinitionSyntax d:
                    Assert.Equal("f", d.Name);
                    Assert.Equal(["a", "b"], d.Parameters.Select(p => p.Name));
                    Assert.Equal("1", Text(d.Parameters[1].Default!));
                    break;
                case ConditionalExpressionSyntax c:
                    Assert.Equal(["a", "b", "-a"], new[] { c.WhenTrue, c.Condition, c.WhenFalse }.Select(Text));
                    break;
                case ForStatementSyntax f:
                    Assert.Equal("i", Text(f.Target));
                    Assert.Equal("range(3)", Text(f.Iterable));
                    break;
                case PrintStatementSyntax p:
                    Assert.True(p.HasRedirect);
                    Assert.True(p.HasTrailingComma);
                    Assert.Equal(["i"], p.Expressions.Select(Text));
                    break;
                case DictionaryEntrySyntax e:
                    Assert.Equal(("1", "2"), (Text(e.Key), Text(e.Value)));
                    break;
            }
        }
    }
}

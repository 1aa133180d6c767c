using Xen.Hvm.Config;
using Xen.Hvm.Config.Parsing;
using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Tests.Infrastructure;
using Xen.Hvm.Text;

namespace Xen.Hvm.Tests.Config.Parsing;

/// <summary>
/// Auto stops the xl attempt at its first syntax error; what it gives must be what the two full parses give (the
/// definition it replaced, kept here as the oracle): the same dialect, reason, evidence, tree and diagnostics.
/// </summary>
public sealed class ConfigParserAutoTests
{
    private static readonly string s_mutations = "()[]=+'\"\n#:\\ ,.1a;\t";

    [Theory]
    [InlineData("name = \"g\"\nmemory = 512\n")]
    [InlineData("import os\nname = 'g'\n")]
    [InlineData("name = \"g\"\nmemory = = 512\n")]
    [InlineData("a = \"x\"\na += [\"y\"]\nb = (1)\n")] // the += type check, before the syntax error
    [InlineData("a = [\"x\"]\na += \"y\"\nif a:\n    pass\n")]
    [InlineData("$ = 1\nb = (1)\n")] // a lexer error and a parser error at the same place
    [InlineData("memory = 512 # no newline at the end")]
    [InlineData("a = [1,\n2\nb = 1.5\n")]
    [InlineData("x = '''\nmulti\n'''\n")]
    [InlineData("def f():\n    return 1\nmemory = f()\n")]
    [InlineData("vif = [ 'bridge=xenbr0' ]\nimport os\n")]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("a = 1\nb = 'open\nc = (1)\n")] // the lexer's first error before the parser's: the lexer stops there
    [InlineData("a = (1)\nb = 'open\n")] // the parser's first error before the lexer's
    [InlineData("a = 'x'\nb = $\na += ['y']\n")] // a += after the lexer's first error
    [InlineData("a = 'x'\na += ['y']\nb = $\n")] // a += mismatch before the lexer's first error
    [InlineData("a = [1,\n$ 2]\n")] // the lexer stops inside an open list
    [InlineData("a = \"\0\"\nb = (1)\n")] // a NUL in a string: a lexer error in a good token
    public void Parse_Auto_AgreesWithBothFullParses(string text) => AssertSame(text);

    /// <summary>Texts of lines that are good xl, bad xl for the lexer or for the parser, Python, appends of either
    /// type and unfinished brackets or strings, in every order: where the xl attempt stops must not change the result.</summary>
    [Fact]
    public void Parse_AutoOnGeneratedMixes_AgreesWithBothFullParses()
    {
        string[] lines =
        [
            "a = 1\n", "b = \"s\"\n", "c = [\"x\", 2]\n", "a += \"t\"\n", "a += [\"u\"]\n", "d = (1)\n", "e = $x\n",
            "f = 'open\n", "g = [1,\n", "]\n", "import os\n", "if a:\n", "    pass\n", "h = 1.5\n", "# note\n", "i = = 2\n",
            "j = \"\\q\"\n", "k = \"a\0b\"\n", "l = 'x' % a\n", "\n", "m = 1", "#",
        ];
        var random = new Random(41);
        for (int i = 0; i < 3000; i++)
        {
            var text = new System.Text.StringBuilder();
            int count = random.Next(1, 7);
            for (int j = 0; j < count; j++)
            {
                text.Append(lines[random.Next(lines.Length)]);
            }

            AssertSame(text.ToString());
        }
    }

    [CorpusFact]
    public void Parse_AutoOnTheCorpusAndMutations_AgreesWithBothFullParses()
    {
        var random = new Random(12);
        foreach (string file in Corpus.Files("xen").Concat(Corpus.Files("wild")))
        {
            string text = File.ReadAllText(Corpus.PathOf(file));
            AssertSame(text);
            for (int i = 0; i < 2 && text.Length > 0; i++)
            {
                int at = random.Next(text.Length);
                string mutated = random.Next(2) == 0
                    ? text.Remove(at, 1)
                    : text.Insert(at, s_mutations[random.Next(s_mutations.Length)].ToString());
                AssertSame(mutated);
            }
        }
    }

    private static void AssertSame(string text)
    {
        ParsedConfig expected = Reference(text, "g.cfg");
        ParsedConfig actual = ConfigParser.Parse(text, "g.cfg", ConfigDialect.Auto);

        Assert.Equal(expected.DialectChoice, actual.DialectChoice);
        Assert.Equal(expected.DialectReason, actual.DialectReason);
        Assert.Equal(expected.DialectEvidence, actual.DialectEvidence);
        Assert.Equal(expected.Tree.Dialect, actual.Tree.Dialect);
        Assert.Equal(Rows(expected.Tree.Data), Rows(actual.Tree.Data));
        Assert.Equal(Resolved(expected), Resolved(actual));
    }

    private static IEnumerable<(SyntaxKind, int, int)> Rows(SyntaxData data)
    {
        var rows = new List<(SyntaxKind, int, int)>();
        for (int i = 0; i < data.TokenCount; i++)
        {
            rows.Add((data.TokenKind(i), data.TokenStart(i), data.TokenLength(i)));
        }

        for (int row = 0; row < data.RowCount; row++)
        {
            rows.Add((data.Kind(row), data.FirstToken(row), data.LastToken(row)));
        }

        return rows;
    }

    private static IEnumerable<string> Resolved(ParsedConfig parsed) =>
        parsed.Diagnostics.Resolve("g.cfg", parsed.Tree.Lines).Select(d => d.ToString());

    /// <summary>Auto as it was defined: a full xl parse; if it has errors, a full xm parse, and xm when that has Python.</summary>
    private static ParsedConfig Reference(string text, string? path)
    {
        var xlBag = new DiagnosticBag();
        SyntaxData xlData = XlParser.Parse(text, xlBag, out bool likelyPython);
        if (likelyPython && xlBag.ErrorCount > 0)
        {
            xlBag.Add(DiagnosticDescriptors.LooksLikePython, 0, 0);
        }

        var xlTree = new ConfigSyntaxTree(xlData, ConfigDialect.Xl, path);
        if (xlBag.ErrorCount == 0)
        {
            return new ParsedConfig(xlTree, xlBag, "the text is valid xl", ConfigDialectChoice.ValidXl);
        }

        var xmBag = new DiagnosticBag();
        SyntaxData xmData = PyParser.Parse(text, xmBag);
        int evidence = PythonEvidence.Find(xmData);
        Diagnostic firstXlError = xlBag.Resolve(path, xlTree.Lines).First(d => d.Severity == DiagnosticSeverity.Error);
        string xlProblem = $"xl rejects it ({firstXlError.Id} at {firstXlError.Location.Start})";
        if (evidence < 0)
        {
            return new ParsedConfig(xlTree, xlBag, xlProblem + " and nothing in it is Python, so it is read as a broken xl file", ConfigDialectChoice.BrokenXl);
        }

        var xmTree = new ConfigSyntaxTree(xmData, ConfigDialect.Xm, path);
        LineMap lines = xmTree.Lines;
        string what = PythonEvidence.Describe(xmData, evidence);
        string reason = $"{xlProblem}, and it has Python ({what} at {lines.GetPosition(xmData.TokenStart(evidence))})";
        return new ParsedConfig(xmTree, xmBag, reason, ConfigDialectChoice.Python, new TextSpan(xmData.TokenStart(evidence), xmData.TokenLength(evidence)));
    }
}

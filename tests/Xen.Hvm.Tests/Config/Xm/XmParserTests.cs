using Xen.Hvm.Config;
using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Tests.Config.Xm;

public sealed class XmParserTests
{
    internal static ConfigDocument Xm(string text) => XenConfig.Parse(text, "t.cfg", new XenConfigParseOptions { Dialect = ConfigDialect.Xm });

    /// <summary>Diagnostics as "ID@line:col+length".</summary>
    internal static string[] Diags(string text) =>
        Xm(text).Diagnostics.Select(d => $"{d.Id}@{d.Location.Line}:{d.Location.Column}+{d.Span.Length}").ToArray();

    private const string HvmExample = """
        #  -*- mode: python; -*-
        import os, re
        arch = os.uname()[4]
        if re.search('64', arch):
            arch_libdir = 'lib64'
        else:
            arch_libdir = 'lib'

        kernel = "/usr/lib/xen/boot/hvmloader"
        builder='hvm'
        device_model = '/usr/' + arch_libdir + '/xen/bin/qemu-dm'
        vcpus = 4 # comment
        disk = [ 'phy:sda%d,sda1,w' % (7+vmid), ',hdc:cdrom,r' ]

        """;

    [Fact]
    public void Parse_XmExampleIdioms_GivesTheTreeWithoutDiagnostics()
    {
        ConfigDocument doc = Xm(HvmExample);

        Assert.Empty(doc.Diagnostics);
        Assert.Equal(HvmExample, doc.ToFullString());
        Assert.Equal(
            ["EmptyStatement", "ImportStatement", "Setting", "IfStatement", "Setting", "Setting", "Setting", "Setting", "Setting"],
            doc.Root.Statements.Select(s => s.Kind.ToString()));
        Assert.Equal(["arch", "kernel", "builder", "device_model", "vcpus", "disk"], doc.Settings.Select(s => s.Name));
        var arch = Assert.IsType<SubscriptExpressionSyntax>(doc.Settings[0].Value);
        var call = Assert.IsType<CallExpressionSyntax>(arch.Expression);
        Assert.Equal("uname", Assert.IsType<MemberAccessExpressionSyntax>(call.Expression).Name);
        var ifs = doc.Root.Statements.OfType<IfStatementSyntax>().Single();
        Assert.True(ifs.Body.IsIndented);
        Assert.Equal("arch_libdir", Assert.IsType<SettingSyntax>(Assert.Single(ifs.Body.Statements)).Name);
        Assert.NotNull(ifs.Else);
        var dm = Assert.IsType<BinaryExpressionSyntax>(doc.Settings[3].Value);
        Assert.Equal("+", dm.OperatorToken.Text);
        Assert.IsType<BinaryExpressionSyntax>(dm.Left);
        Assert.Equal(4L, ((ConfigInteger)doc.Settings[4].Value.ToValue()).Value);
        Assert.False(doc.Settings[5].Value.IsConstant);
        Assert.Equal("Xm", doc.Dialect.ToString());
    }

    [Theory]
    [InlineData("x = 'a\\x41\\101\\u0041'\n", "aAA\\u0041")]
    [InlineData("x = u'\\u0041\\U00000042'\n", "AB")]
    [InlineData("x = r'\\n\\''\n", "\\n\\'")]
    [InlineData("x = ur'\\u0041\\n'\n", "A\\n")]
    [InlineData("x = b'\\t'\n", "\t")]
    [InlineData("x = \"\"\"a\n'b'\"\"\"\n", "a\n'b'")]
    [InlineData("x = '''q\"'''\n", "q\"")]
    [InlineData("x = 'a' \"b\" r'\\c'\n", "ab\\c")]
    [InlineData("x = 'a\\\nb'\n", "ab")]
    [InlineData("x = 'a\\qb'\n", "a\\qb")]
    [InlineData("x = ('a'\n     'b')\n", "ab")]
    [InlineData("x = 'a' \\\n    'b'\n", "ab")]
    public void ToValue_PythonStringForms_DecodeAsPython2(string text, string expected)
    {
        ConfigDocument doc = Xm(text);

        Assert.Empty(doc.Diagnostics);
        Assert.Equal(expected, Assert.IsType<ConfigString>(doc.Settings[0].Value.ToValue()).Value);
        Assert.Equal(text, doc.ToFullString());
    }

    [Theory]
    [InlineData("x = 0755\n", 493L)]
    [InlineData("x = 0x1F\n", 31L)]
    [InlineData("x = 0o17\n", 15L)]
    [InlineData("x = 0b101\n", 5L)]
    [InlineData("x = 12L\n", 12L)]
    [InlineData("x = -3600\n", -3600L)]
    [InlineData("x = +(-(7))\n", -7L)]
    public void ToValue_IntegerForms_AreIntegers(string text, long expected)
    {
        Assert.Equal(new ConfigInteger(expected), Xm(text).Settings[0].Value.ToValue());
    }

    [Theory]
    [InlineData("x = 1.5\n", 1.5)]
    [InlineData("x = .5\n", 0.5)]
    [InlineData("x = 1e3\n", 1000.0)]
    [InlineData("x = 2.\n", 2.0)]
    [InlineData("x = -1.25E-1\n", -0.125)]
    public void ToValue_FloatForms_AreFloats(string text, double expected)
    {
        Assert.Equal(new ConfigFloat(expected), Xm(text).Settings[0].Value.ToValue());
    }

    [Fact]
    public void Parse_AssignmentForms_GiveSettingsOnlyForSimpleNames()
    {
        ConfigDocument doc = Xm("a = b = 1\nc, d = 1, 2\nx += [1]\ny -= 1\nl[0] = 2\no.p = 3\nz = 1; w = 2\n");

        Assert.Empty(doc.Diagnostics);
        Assert.Equal(["x", "z", "w"], doc.Settings.Select(s => s.Name));
        Assert.True(doc.Settings[0].IsAppend);
        var assignments = doc.Root.Statements.OfType<AssignmentStatementSyntax>().ToArray();
        Assert.Equal(5, assignments.Length);
        Assert.Equal(2, assignments[0].Targets.Count);
        Assert.IsType<TupleExpressionSyntax>(assignments[1].Targets[0]);
        Assert.True(assignments[2].IsAugmented);
        Assert.Equal("-=", assignments[2].OperatorToken.Text);
        Assert.IsType<SubscriptExpressionSyntax>(assignments[3].Targets[0]);
    }

    [Fact]
    public void Parse_StatementForms_AreRead()
    {
        const string text = """
            from os import getcwd, path as p
            from xen.util.ip import *
            import os.path as op
            def vmid_check(var, val=None):
                val = int(val)
                if val <= 0 or not val in [1, 2] and val not in [3] and val is not None:
                    raise ValueError, 'bad'
                elif val > 10: return val
                return val
            for i, j in [(1, 2)]:
                print i, j,
                continue
            else:
                pass
            while False: break
            global g
            del g
            assert 1, 'm'
            x = {'a': 1, 2: [3]}['a'] if 1 else -x[1:2:3][::-1]
            xm_vars.var('vmid', use="Virtual machine id.", check=vmid_check)
            xm_vars.check()
            """;
        ConfigDocument doc = Xm(text);

        Assert.Empty(doc.Diagnostics);
        Assert.Equal(text, doc.ToFullString());
        Assert.Equal(
            ["FromImportStatement", "FromImportStatement", "ImportStatement", "FunctionDefinition", "ForStatement", "WhileStatement",
             "GlobalStatement", "DelStatement", "AssertStatement", "Setting", "ExpressionStatement", "ExpressionStatement"],
            doc.Root.Statements.Select(s => s.Kind.ToString()));
        var from = (FromImportStatementSyntax)doc.Root.Statements[0];
        Assert.Equal("os", from.Module);
        Assert.Equal([("getcwd", (string?)null), ("path", "p")], from.Names);
        Assert.True(((FromImportStatementSyntax)doc.Root.Statements[1]).ImportsAll);
        Assert.Equal([("os.path", (string?)"op")], ((ImportStatementSyntax)doc.Root.Statements[2]).Modules);
        var def = (FunctionDefinitionSyntax)doc.Root.Statements[3];
        Assert.Equal("vmid_check", def.Name);
        Assert.Equal(["var", "val"], def.Parameters.Select(p => p.Name));
        Assert.NotNull(def.Parameters[1].Default);
        var ifs = def.Body.Statements.OfType<IfStatementSyntax>().Single();
        Assert.Single(ifs.ElifClauses);
        Assert.False(ifs.ElifClauses[0].Body.IsIndented);
        var comparison = ifs.DescendantNodes().OfType<ComparisonExpressionSyntax>().Select(c => string.Join(",", c.Operators)).ToArray();
        Assert.Equal(["<=", "in", "not in", "is not", ">"], comparison);
        var print = doc.Root.Statements.OfType<ForStatementSyntax>().Single().Body.Statements.OfType<PrintStatementSyntax>().Single();
        Assert.True(print.HasTrailingComma);
        Assert.Equal(2, print.Expressions.Count);
        var slice = doc.Settings[0].Value.DescendantNodes().OfType<SliceSyntax>().ToArray();
        Assert.Equal(2, slice.Length);
        Assert.NotNull(slice[0].Step);
        Assert.Null(slice[1].Lower);
        Assert.NotNull(slice[1].Step);
        var kw = doc.Root.DescendantNodes().OfType<KeywordArgumentSyntax>().Select(k => k.Name).ToArray();
        Assert.Equal(["use", "check"], kw);
    }

    [Theory]
    [InlineData("class A:\n    x = 1\nname = 'a'\n", "class")]
    [InlineData("try:\n    import foo\nexcept ImportError:\n    pass\nfinally:\n    pass\nname = 'a'\n", "try")]
    [InlineData("f = lambda x: x\nname = 'a'\n", "lambda")]
    [InlineData("disk = [d for d in ['a']]\nname = 'a'\n", "a list comprehension")]
    [InlineData("@dec\ndef f():\n    pass\nname = 'a'\n", "a decorator")]
    [InlineData("with open('x') as f:\n    pass\nname = 'a'\n", "with")]
    [InlineData("exec 'x = 1'\nname = 'a'\n", "exec")]
    [InlineData("s = {1, 2}\nname = 'a'\n", "a set display")]
    [InlineData("f(*args)\nname = 'a'\n", "*args and **kwargs arguments")]
    [InlineData("x = `1`\nname = 'a'\n", "a backquote (repr)")]
    public void Parse_UnsupportedConstruct_IsSkippedVerbatimWithXH4008(string text, string what)
    {
        ConfigDocument doc = Xm(text);

        Diagnostic d = Assert.Single(doc.Diagnostics);
        Assert.Equal(DiagnosticIds.XmUnsupportedConstruct, d.Id);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal(what, d.Arguments[0]);
        Assert.False(doc.HasErrors);
        Assert.Equal(text, doc.ToFullString());
        var skipped = Assert.Single(doc.Root.Statements.OfType<SkippedStatementSyntax>());
        Assert.Equal(text[..text.IndexOf("name =", StringComparison.Ordinal)], string.Concat(doc.Root.Statements.TakeWhile(s => s is not SettingSyntax).Select(s => s.ToFullString())));
        Assert.Equal("name", Assert.Single(doc.Settings).Name);
        Assert.NotNull(skipped);
    }

    [Theory]
    [InlineData("if x\n    y = 1\nz = 2\n", "XH4001@1:5+1")]
    [InlineData("x = (1,\n", "XH4001@2:1+0")]
    [InlineData("x = 1\n  y = 2\n", "XH4003@2:3+0")]
    [InlineData("if x:\ny = 2\n", "XH4003@2:1+0")]
    [InlineData("if 1:\n    a = 1\n  b = 2\n", "XH4003@3:3+0")]
    [InlineData("x = 'abc\n", "XH4002@1:5+4")]
    [InlineData("x = '''abc\n", "XH4002@1:5+7")]
    [InlineData("x = $y\n", "XH4004@1:5+1")]
    [InlineData("x = 1 \\ 2\n", "XH4004@1:7+1|XH4001@1:9+1")]
    [InlineData("x = 'caf\u00e9'\n", "XH4005@1:9+1")]
    [InlineData("# caf\u00e9\nx = 1\n", "XH4005@1:6+1")]
    [InlineData("x = 089\n", "XH4006@1:5+3")]
    [InlineData("x = 12abc\n", "XH4006@1:5+5")]
    [InlineData("x = '\\x4'\n", "XH4001@1:6+3")]
    [InlineData("1 = x\n", "XH4001@1:1+1")]
    [InlineData("else:\n    pass\n", "XH4001@1:1+4")]
    public void Parse_InvalidPython_ReportsIdAndSpan(string text, string expected)
    {
        Assert.Equal(expected, string.Join("|", Diags(text)));
        ConfigDocument doc = Xm(text);
        Assert.True(doc.HasErrors);
        Assert.Equal(text, doc.ToFullString());
    }

    [Fact]
    public void Parse_CodingDeclarationOrBom_AllowsNonAscii()
    {
        Assert.Empty(Diags("# -*- coding: utf-8 -*-\nname = 'caf\u00e9'\n"));
        Assert.Empty(Diags("\uFEFFname = 'caf\u00e9'\n"));
    }

    [Fact]
    public void Parse_CrLf_ReadsLinesAndNotesEachCarriageReturn()
    {
        ConfigDocument doc = Xm("if 1:\r\n    a = 1\r\nb = 2\r\n");

        Assert.All(doc.Diagnostics, d => Assert.Equal(DiagnosticIds.XmCarriageReturn, d.Id));
        Assert.Equal(3, doc.Diagnostics.Count);
        Assert.False(doc.HasErrors);
        Assert.Equal(["b"], doc.Settings.Select(s => s.Name));
    }

    [Fact]
    public void Parse_TabsAndBlankLinesInBlocks_FollowPython2()
    {
        ConfigDocument doc = Xm("if 1:\n\ta = 1\n\n  # comment\n        b = 2\nc = 3");

        Assert.Empty(doc.Diagnostics);
        var block = doc.Root.Statements.OfType<IfStatementSyntax>().Single().Body;
        Assert.Equal(["a", "b"], block.Statements.OfType<SettingSyntax>().Select(s => s.Name));
        Assert.Equal("c", Assert.Single(doc.Settings).Name);
        Assert.Null(doc.Settings[0].Terminator);
    }

    [Theory]
    [InlineData(99, "", false)]
    [InlineData(100, "", true)]
    [InlineData(98, "1", false)]
    [InlineData(99, "1", true)]
    public void Parse_NestedBrackets_FailAtPython2sDepth(int depth, string inner, bool fails)
    {
        string text = "x = " + new string('[', depth) + inner + new string(']', depth) + "\n";
        ConfigDocument doc = Xm(text);

        Assert.Equal(fails, doc.Diagnostics.Any(d => d.Id == DiagnosticIds.XmNestingTooDeep));
        Assert.Equal(text, doc.ToFullString());
    }

    [Theory]
    [InlineData("[", "]")]
    [InlineData("(", ")")]
    [InlineData("-", "")]
    [InlineData("not ", "")]
    [InlineData("{1:", "}")]
    [InlineData("f(", ")")]
    [InlineData("a if b else ", "")]
    public void Parse_HundredThousandDeep_ReturnsDocumentWithXH4007(string open, string close)
    {
        var sb = new System.Text.StringBuilder("x = ");
        for (int i = 0; i < 100_000; i++)
        {
            sb.Append(open);
        }

        sb.Append('1');
        for (int i = 0; i < 100_000; i++)
        {
            sb.Append(close);
        }

        sb.Append("\ny = 2\n");
        string text = sb.ToString();
        ConfigDocument doc = Xm(text);

        Assert.Equal(DiagnosticIds.XmNestingTooDeep, Assert.Single(doc.Diagnostics).Id);
        Assert.Equal(text, doc.ToFullString());
        Assert.Equal("y", Assert.Single(doc.Settings).Name);
        SyntaxInvariants.AssertHold(doc);
        Assert.Equal(XmEvaluationOutcome.Rejected, doc.Evaluate(XmEvaluationContext.Default).Outcome);
    }

    [Fact]
    public void Parse_LongOperatorChain_IsLinearAndRoundTrips()
    {
        string text = "x = 1" + string.Concat(Enumerable.Repeat(" + 1", 200_000)) + "\n";
        ConfigDocument doc = Xm(text);

        Assert.Empty(doc.Diagnostics);
        Assert.Equal(text, doc.ToFullString());
        // No time budget: the 2 s default is about hostile files, and a loaded test machine may need more for 200,000 additions.
        Assert.Equal(new ConfigInteger(200_001), doc.Evaluate(XmEvaluationContext.Default with { MaxDuration = Timeout.InfiniteTimeSpan }).Variables["x"]);
    }

    [Fact]
    public void Tokens_IndentAndDedent_AreZeroWidth()
    {
        ConfigDocument doc = Xm("if 1:\n    a = 1\nb = 2\n");
        var tokens = doc.Root.DescendantTokens().ToArray();

        SyntaxToken indent = tokens.Single(t => t.Kind == SyntaxKind.IndentToken);
        SyntaxToken dedent = tokens.Single(t => t.Kind == SyntaxKind.DedentToken);
        Assert.Equal(0, indent.Span.Length);
        Assert.Equal(10, indent.Span.Start);
        Assert.Equal("    ", indent.LeadingTrivia.ToString());
        Assert.Equal(16, dedent.Span.Start);
        Assert.Equal(SyntaxKind.KeywordToken, tokens[0].Kind);
    }
}

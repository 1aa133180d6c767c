using Xen.Hvm.Config;
using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Config;

/// <summary>
/// libxlu's bison parser has a stack of 10,000 entries: lists nested 4,997 deep, or 2,000 deep when each holds an item
/// before the inner list, exhaust it ("memory exhausted") and xl rejects the file (XH1014).
/// </summary>
public sealed class XlNestingLimitTests
{
    /// <summary>The shapes: n empty lists, one around a value, with an item and a comma before each inner list, with a line break after each '['.</summary>
    public enum Shape
    {
        Empty,
        Value,
        ItemBefore,
        ItemBeforeAndAfter,
        LineBreaks,
        ItemBeforeLineBreaks,
    }

    internal static string Nest(Shape shape, int n, string op = "=") => "x " + op + " " + shape switch
    {
        Shape.Empty => new string('[', n) + new string(']', n),
        Shape.Value => new string('[', n) + "1" + new string(']', n),
        Shape.ItemBefore => string.Concat(Enumerable.Repeat("[1,", n)) + new string(']', n),
        Shape.ItemBeforeAndAfter => string.Concat(Enumerable.Repeat("[1,", n)) + "2" + new string(']', n),
        Shape.LineBreaks => string.Concat(Enumerable.Repeat("[\n", n)) + new string(']', n),
        _ => string.Concat(Enumerable.Repeat("[1,\n", n)) + new string(']', n),
    } + "\n";

    private static ConfigDocument Xl(string text) => XenConfig.Parse(text, options: new XenConfigParseOptions { Dialect = ConfigDialect.Xl });

    [Theory]
    [InlineData(Shape.Empty, 4996, "=")]
    [InlineData(Shape.Empty, 4996, "+=")]
    [InlineData(Shape.Value, 4996, "=")]
    [InlineData(Shape.ItemBefore, 1999, "=")]
    [InlineData(Shape.ItemBefore, 1999, "+=")]
    [InlineData(Shape.ItemBeforeAndAfter, 1998, "=")]
    [InlineData(Shape.LineBreaks, 4996, "=")]
    [InlineData(Shape.ItemBeforeLineBreaks, 1998, "=")]
    public void Parse_DeepestListLibxluAccepts_IsReadAndOneMoreLevelIsXH1014(Shape shape, int deepest, string op)
    {
        ConfigDocument ok = Xl(Nest(shape, deepest, op));
        string text = Nest(shape, deepest + 1, op) + "y = 2\n";
        ConfigDocument deep = Xl(text);

        Assert.Empty(ok.Diagnostics);
        Assert.True(ok.Values.ContainsKey("x"));
        Diagnostic d = Assert.Single(deep.Diagnostics);
        Assert.Equal(DiagnosticIds.ListNestingTooDeep, d.Id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(text, deep.ToFullString());
        Assert.IsType<SkippedStatementSyntax>(deep.Root.Statements[0]);
        Assert.Equal(["y"], deep.Values.Keys);
    }

    [Theory]
    [InlineData(Shape.Empty, 4997, "1:5002+1")] // bison fills its stack on the first ']' (valuelist)
    [InlineData(Shape.Value, 4997, "1:5002+1")] // ... on the value inside
    [InlineData(Shape.ItemBefore, 2000, "1:6002+1")] // ... on the 2,000th '['
    [InlineData(Shape.LineBreaks, 4997, "4998:1+1")]
    public void Parse_ListsTooDeep_ReportsXH1014WhereLibxluRunsOut(Shape shape, int n, string at)
    {
        Diagnostic d = Assert.Single(Xl(Nest(shape, n)).Diagnostics);

        Assert.Equal(at, $"{d.Location.Line}:{d.Location.Column}+{d.Span.Length}");
    }

    [Fact]
    public void Parse_MillionNestedLists_IsOneXH1014AndKeepsEveryByte()
    {
        string text = "a = 1\nx = " + new string('[', 1_000_000) + new string(']', 1_000_000) + "\nb = 2\n";
        ConfigDocument doc = Xl(text);

        Assert.Equal([DiagnosticIds.ListNestingTooDeep], doc.Diagnostics.Select(d => d.Id));
        Assert.Equal(text, doc.ToFullString());
        Assert.Equal(["a", "b"], doc.Values.Keys);
    }

    [Fact]
    public void Parse_ListTooDeepWithALaterError_ReportsBoth()
    {
        string text = Nest(Shape.Empty, 5000).TrimEnd('\n') + " 3\n";
        Assert.Equal([DiagnosticIds.ListNestingTooDeep, DiagnosticIds.ExpectedEndOfStatement], Xl(text).Diagnostics.Select(d => d.Id));
    }

    [XlFact]
    public void Parse_AroundTheNestingLimit_AgreesWithXl()
    {
        using var dir = new TempDirectory();
        foreach (var (shape, n) in new[] { (Shape.Empty, 4996), (Shape.Empty, 4997), (Shape.ItemBeforeLineBreaks, 1998), (Shape.ItemBeforeLineBreaks, 1999) })
        {
            string path = dir.File($"{shape}-{n}.cfg");
            string text = "name = \"a\"\n" + Nest(shape, n);
            File.WriteAllText(path, text);
            bool xlRejects = XlDryRun.Run(path)["stderr"]!.AsArray().Any(l => l!.GetValue<string>().Contains("config parsing error", StringComparison.Ordinal));

            Assert.True(xlRejects == Xl(text).HasErrors, $"{shape} x{n}: xl {(xlRejects ? "rejects" : "accepts")}");
        }
    }
}

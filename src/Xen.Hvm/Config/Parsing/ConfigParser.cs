using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Text;

namespace Xen.Hvm.Config.Parsing;

/// <summary>A text parsed in one dialect: its tree, the diagnostics of the parse, and why that dialect.</summary>
/// <param name="Tree">The tree.</param>
/// <param name="Diagnostics">The diagnostics, with offsets into the text.</param>
/// <param name="DialectReason">Why the text was read in the tree's dialect, in a short sentence.</param>
/// <param name="DialectChoice">Why, as a value.</param>
/// <param name="DialectEvidence">Where the Python is that made Auto choose xm, when it did.</param>
internal sealed record ParsedConfig(ConfigSyntaxTree Tree, DiagnosticBag Diagnostics, string DialectReason, ConfigDialectChoice DialectChoice = ConfigDialectChoice.Requested, TextSpan? DialectEvidence = null);

/// <summary>Parses config text in a dialect, or chooses the dialect the text is written in.</summary>
internal static class ConfigParser
{
    public static ParsedConfig Parse(string text, string? path, ConfigDialect dialect)
    {
        switch (dialect)
        {
            case ConfigDialect.Xl:
            {
                var bag = ParseXl(text, out SyntaxData data);
                return new ParsedConfig(new ConfigSyntaxTree(data, ConfigDialect.Xl, path), bag, "the xl dialect was requested");
            }

            case ConfigDialect.Xm:
            {
                var bag = new DiagnosticBag();
                SyntaxData data = PyParser.Parse(text, bag);
                return new ParsedConfig(new ConfigSyntaxTree(data, ConfigDialect.Xm, path), bag, "the xm dialect was requested");
            }

            default:
                return ParseAuto(text, path);
        }
    }

    /// <summary>
    /// Auto: valid xl is read as xl. Text xl rejects is read as xm when it has something only Python has (a keyword,
    /// an operator, parentheses, a float, an indented block, a prefixed or triple-quoted string, a backslash
    /// continuation); otherwise it stays xl, so a broken xl file gets xl's diagnostics.
    /// </summary>
    /// <remarks>
    /// One full parse for most files: the xl attempt stops at its first syntax error (an xm file is not parsed twice
    /// in full), since of a rejected attempt only that error is told. It is redone in full when the text turns out to
    /// be a broken xl file, or when the shortened attempt cannot tell the first error for sure (a <c>+=</c> type check,
    /// or two errors at the same place).
    /// </remarks>
    private static ParsedConfig ParseAuto(string text, string? path)
    {
        var xlBag = new DiagnosticBag();
        SyntaxData? xlData = XlParser.TryParse(text, xlBag, stopAtFirstError: true, out bool likelyPython, out bool hasPlusEquals);
        if (xlData is not null)
        {
            AddLooksLikePython(xlBag, likelyPython);
            if (xlBag.ErrorCount == 0)
            {
                return new ParsedConfig(new ConfigSyntaxTree(xlData, ConfigDialect.Xl, path), xlBag, "the text is valid xl", ConfigDialectChoice.ValidXl);
            }
        }

        var xmBag = new DiagnosticBag();
        SyntaxData xmData = PyParser.Parse(text, xmBag);
        int evidence = PythonEvidence.Find(xmData);
        var xmTree = new ConfigSyntaxTree(xmData, ConfigDialect.Xm, path);
        Diagnostic? firstXlError = xlData is null && !hasPlusEquals && evidence >= 0 ? FirstError(xlBag, path, xmTree.Lines) : null;
        ConfigSyntaxTree? xlTree = null;
        if (firstXlError is null)
        {
            if (xlData is null)
            {
                xlBag = ParseXl(text, out xlData);
            }

            xlTree = new ConfigSyntaxTree(xlData, ConfigDialect.Xl, path);
            firstXlError = xlBag.Resolve(path, xlTree.Lines).First(d => d.Severity == DiagnosticSeverity.Error);
        }

        string xlProblem = $"xl rejects it ({firstXlError.Id} at {firstXlError.Location.Start})";
        if (evidence < 0)
        {
            return new ParsedConfig(xlTree!, xlBag, xlProblem + " and nothing in it is Python, so it is read as a broken xl file", ConfigDialectChoice.BrokenXl);
        }

        LineMap lines = xmTree.Lines;
        string what = PythonEvidence.Describe(xmData, evidence);
        string reason = $"{xlProblem}, and it has Python ({what} at {lines.GetPosition(xmData.TokenStart(evidence))})";
        return new ParsedConfig(xmTree, xmBag, reason, ConfigDialectChoice.Python, new TextSpan(xmData.TokenStart(evidence), xmData.TokenLength(evidence)));
    }

    /// <summary>Returns the first error of a shortened xl attempt, or null when another error starts at the same place
    /// (which of them a full parse would name first is then left to it).</summary>
    private static Diagnostic? FirstError(DiagnosticBag bag, string? path, LineMap lines) => bag.ResolveFirstError(path, lines);

    private static DiagnosticBag ParseXl(string text, out SyntaxData data)
    {
        var bag = new DiagnosticBag();
        data = XlParser.Parse(text, bag, out bool likelyPython);
        AddLooksLikePython(bag, likelyPython);
        return bag;
    }

    private static void AddLooksLikePython(DiagnosticBag bag, bool likelyPython)
    {
        if (likelyPython && bag.ErrorCount > 0)
        {
            bag.Add(DiagnosticDescriptors.LooksLikePython, 0, 0);
        }
    }
}

using Xen.Hvm.Config;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Text;

namespace Xen.Hvm.Tests.Config.Model;

/// <summary>Helpers for the binding tests: bind a text in a dialect, find a span by its text.</summary>
internal static class BindTestSupport
{
    public static BindResult BindXl(string text, BindOptions? options = null) =>
        DomainConfig.Bind(XenConfig.Parse(text, "guest.cfg", new XenConfigParseOptions { Dialect = ConfigDialect.Xl }), options);

    public static BindResult BindXm(string text, BindOptions? options = null) =>
        DomainConfig.Bind(XenConfig.Parse(text, "guest.cfg", new XenConfigParseOptions { Dialect = ConfigDialect.Xm }), options ?? new BindOptions { Toolstack = Toolstack.Xm });

    /// <summary>The span of the <paramref name="occurrence"/>-th (0-based) occurrence of <paramref name="part"/> in <paramref name="text"/>.</summary>
    public static TextSpan SpanOf(string text, string part, int occurrence = 0)
    {
        int at = -1;
        for (int i = 0; i <= occurrence; i++)
        {
            at = text.IndexOf(part, at + 1, StringComparison.Ordinal);
            Assert.True(at >= 0, $"'{part}' not in the text");
        }

        return new TextSpan(at, part.Length);
    }

    /// <summary>The one diagnostic of an ID.</summary>
    public static Diagnostic Single(BindResult result, string id) =>
        Assert.Single(result.Diagnostics, d => d.Id == id);

    public static void AssertDiagnostic(BindResult result, string id, DiagnosticSeverity severity, string text, string part, int occurrence = 0)
    {
        Diagnostic d = Single(result, id);
        Assert.Equal(severity, d.Severity);
        Assert.Equal(SpanOf(text, part, occurrence), d.Span);
    }
}

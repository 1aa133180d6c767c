using System.Text.RegularExpressions;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Diagnostics;

public sealed partial class DiagnosticCatalogTests
{
    [Fact]
    public void All_EveryIdConstant_HasExactlyOneDescriptor()
    {
        var constants = typeof(DiagnosticIds).GetFields()
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .OrderBy(x => x, StringComparer.Ordinal)
            .ToArray();
        var descriptorIds = DiagnosticCatalog.All.Select(d => d.Id).ToArray();

        Assert.Equal(constants.Distinct().Count(), constants.Length);
        Assert.Equal(descriptorIds.Distinct().Count(), descriptorIds.Length);
        Assert.Equal(constants, descriptorIds);
    }

    [Fact]
    public void All_Ids_FollowTheXhNumberScheme()
    {
        foreach (var d in DiagnosticCatalog.All)
        {
            Assert.Matches(IdPattern(), d.Id);
        }
    }

    [Fact]
    public void All_EveryId_IsDocumentedInDiagnosticsMd()
    {
        string path = Path.Combine(Corpus.RepositoryRoot, "docs", "diagnostics.md");
        string text = File.ReadAllText(path);
        var documented = HeadingPattern().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var missing = DiagnosticCatalog.All.Select(d => d.Id).Where(id => !documented.Contains(id)).ToArray();
        Assert.Empty(missing);
    }

    [Fact]
    public void Diagnostic_ToString_UsesCompilerLayout()
    {
        var descriptor = new DiagnosticDescriptor("XH9999", "t", "Expected '{0}'", DiagnosticSeverity.Error, "Test");
        var location = new Xen.Hvm.Text.SourceLocation("guest.cfg", new Xen.Hvm.Text.TextSpan(5, 1), new(11, 8), new(11, 9));
        var d = Diagnostic.Create(descriptor, location, "]");
        Assert.Equal("guest.cfg(12,9): error XH9999: Expected ']'", d.ToString());
        Assert.Equal(12, d.Location.Line);
        Assert.Equal(9, d.Location.Column);
    }

    [GeneratedRegex("^XH[1-9][0-9]{3}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^#+\s+(XH[0-9]{4})\b", RegexOptions.Multiline)]
    private static partial Regex HeadingPattern();
}

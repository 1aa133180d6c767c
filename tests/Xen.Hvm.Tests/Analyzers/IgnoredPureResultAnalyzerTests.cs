using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xen.Hvm.Analyzers;

namespace Xen.Hvm.Tests.Analyzers;

/// <summary>
/// XH0001 on snippets compiled against a small stand-in for the library: an assembly named <c>Xen.Hvm</c> with one
/// <c>[Pure]</c> pseudo-mutator, one method that is not pure, and a type marked <c>[Pure]</c> as a whole.
/// </summary>
public sealed class IgnoredPureResultAnalyzerTests
{
    private const string Library = """
        namespace Xen.Hvm.Config
        {
            using System.Diagnostics.Contracts;

            public sealed class ConfigDocument
            {
                [Pure] public ConfigDocument WithValue(string key, int value) => this;
                public ConfigDocument Save(string path) => this;
                [Pure] public void Nothing() { }
            }

            [Pure]
            public sealed class ConfigList
            {
                public ConfigList WithItem(int item) => this;
            }
        }
        """;

    private static readonly Lazy<MetadataReference[]> s_references = new(() =>
    {
        MetadataReference[] runtime = Runtime().ToArray();
        MetadataReference library = Emit("Xen.Hvm", Library, runtime);
        return [.. runtime, library];
    });

    // Each case marks the expected XH0001 span with [| |]; a case without a mark expects no report.
    [Theory]
    [InlineData("[|doc.WithValue(\"memory\", 1024)|];")]
    [InlineData("[|doc.WithValue(\"memory\", 1024).WithValue(\"vcpus\", 2)|];")]
    [InlineData("[|doc?.WithValue(\"memory\", 1024)|];")]
    [InlineData("[|list.WithItem(1)|];")]
    [InlineData("if (doc != null) [|doc.WithValue(\"a\", 1)|];")]
    public void Analyze_IgnoredResultOfPureMethod_ReportsXH0001AtTheCall(string statement)
    {
        var (code, span) = Marked(statement);

        Diagnostic d = Assert.Single(Analyze(code));

        Assert.Equal(IgnoredPureResultAnalyzer.Id, d.Id);
        Assert.Equal(DiagnosticSeverity.Warning, d.Severity);
        Assert.Equal(span, d.Location.SourceSpan);
    }

    [Theory]
    [InlineData("doc = doc.WithValue(\"memory\", 1024);")]
    [InlineData("var edited = doc.WithValue(\"memory\", 1024);")]
    [InlineData("_ = doc.WithValue(\"memory\", 1024);")]
    [InlineData("doc.WithValue(\"memory\", 1024).Save(\"/etc/xen/g.cfg\");")]
    [InlineData("doc.Save(\"/etc/xen/g.cfg\");")]
    [InlineData("doc.Nothing();")]
    [InlineData("Use(doc.WithValue(\"memory\", 1024));")]
    [InlineData("Mine();")]
    public void Analyze_ResultUsedOrNotPure_ReportsNothing(string statement) =>
        Assert.Empty(Analyze(Marked(statement).Code));

    [Fact]
    public void Analyze_IgnoredCall_MessageNamesTheCallAndWhatItReturns()
    {
        Diagnostic d = Assert.Single(Analyze(Marked("doc.WithValue(\"memory\", 1024);").Code));

        Assert.Equal(["doc.WithValue(...)", "ConfigDocument"], Arguments(d));
    }

    [Fact]
    public void Analyze_PureMethodOfAnotherAssembly_IsNotOurs()
    {
        // The same shape in an assembly that is not Xen.Hvm: CA1806 may say something, XH0001 does not.
        MetadataReference[] runtime = Runtime().ToArray();
        MetadataReference other = Emit("Other.Library", Library, runtime);

        Assert.Empty(Analyze(Marked("doc.WithValue(\"memory\", 1024);").Code, [.. runtime, other]));
    }

    [Fact]
    public void Analyze_IgnoredQueryOfTheRealLibrary_ReportsXH0001()
    {
        // Against the Xen.Hvm.dll the tests run with: [Pure] reaches its metadata (the library defines CONTRACTS_FULL).
        const string Code = """
            using Xen.Hvm.Capabilities;

            public static class Program
            {
                public static void Look(HwCaps caps)
                {
                    caps.Has("vmx");
                    bool vmx = caps.Has("vmx");
                }
            }
            """;
        MetadataReference[] references =
        [
            .. Runtime(),
            MetadataReference.CreateFromFile(typeof(Xen.Hvm.Capabilities.HwCaps).Assembly.Location),
        ];

        Diagnostic d = Assert.Single(Analyze(Code, references));

        Assert.Equal(IgnoredPureResultAnalyzer.Id, d.Id);
        Assert.Equal("caps.Has(\"vmx\")", Code.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length));
    }

    private static (string Code, Microsoft.CodeAnalysis.Text.TextSpan Span) Marked(string statement)
    {
        const string Prefix = """
            using Xen.Hvm.Config;

            public static class Program
            {
                [System.Diagnostics.Contracts.Pure] private static int Mine() => 1;

                private static void Use(ConfigDocument d) { }

                public static void Edit(ConfigDocument doc, ConfigList list)
                {

            """;
        int start = statement.IndexOf("[|", StringComparison.Ordinal);
        int end = statement.IndexOf("|]", StringComparison.Ordinal);
        string plain = statement.Replace("[|", string.Empty, StringComparison.Ordinal).Replace("|]", string.Empty, StringComparison.Ordinal);
        var span = start < 0 ? default : new Microsoft.CodeAnalysis.Text.TextSpan(Prefix.Length + start, end - start - 2);
        return (Prefix + plain + "\n    }\n}\n", span);
    }

    private static ImmutableArray<Diagnostic> Analyze(string code, MetadataReference[]? references = null)
    {
        CSharpCompilation compilation = Compile("Snippet", code, references ?? s_references.Value);
        ImmutableArray<Diagnostic> errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        Assert.True(errors.IsEmpty, string.Join('\n', errors)); // a snippet that does not compile proves nothing
        return compilation.WithAnalyzers([new IgnoredPureResultAnalyzer()]).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    }

    private static CSharpCompilation Compile(string assembly, string code, IEnumerable<MetadataReference> references, params string[] symbols) =>
        CSharpCompilation.Create(assembly, [CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(preprocessorSymbols: symbols))], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));

    // A real assembly image, as a package gives it: [Pure] is [Conditional("CONTRACTS_FULL")], so it reaches the
    // metadata only when the library defines that symbol, as Xen.Hvm.csproj does.
    private static MetadataReference Emit(string assembly, string code, IEnumerable<MetadataReference> references)
    {
        using var stream = new MemoryStream();
        Assert.True(Compile(assembly, code, references, "CONTRACTS_FULL").Emit(stream).Success);
        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    // The running runtime's own assemblies: enough for a snippet that uses object, string and [Pure].
    private static IEnumerable<MetadataReference> Runtime()
    {
        string dir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        foreach (string name in new[] { "System.Private.CoreLib.dll", "System.Runtime.dll" })
        {
            yield return MetadataReference.CreateFromFile(Path.Combine(dir, name));
        }
    }

    private static string[] Arguments(Diagnostic d)
    {
        // The message's arguments, without depending on its English: read them back through the format's holes.
        string format = IgnoredPureResultAnalyzer.Rule.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string message = d.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        string[] literal = System.Text.RegularExpressions.Regex.Split(format, @"\{\d\}");
        string pattern = "^" + string.Join("(.*)", literal.Select(System.Text.RegularExpressions.Regex.Escape)) + "$";
        var match = System.Text.RegularExpressions.Regex.Match(message, pattern);
        Assert.True(match.Success, message);
        return match.Groups.Values.Skip(1).Select(g => g.Value).ToArray();
    }
}

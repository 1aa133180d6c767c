using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Xen.Hvm.Analyzers;

/// <summary>
/// XH0001: the result of a <c>[Pure]</c> method of the Xen.Hvm library is ignored. Xen.Hvm's documents, spec records
/// and options are immutable: <c>doc.WithValue("memory", 1024);</c> returns a new document and changes nothing, so a
/// statement that drops that result is always a lost edit.
/// </summary>
/// <remarks>
/// Only methods of the <c>Xen.Hvm</c> assembly count (other libraries' <c>[Pure]</c> is CA1806's business), whether
/// the attribute is on the method or on its type. An explicit discard (<c>_ = doc.WithValue(...)</c>) is not reported.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class IgnoredPureResultAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The diagnostic ID.</summary>
    public const string Id = "XH0001";

    private const string LibraryAssembly = "Xen.Hvm";
    private const string PureAttribute = "System.Diagnostics.Contracts.PureAttribute";

    /// <summary>The rule: a warning, enabled by default.</summary>
    public static readonly DiagnosticDescriptor Rule = new(
        Id,
        title: "Result of a pure method discarded",
        messageFormat: "'{0}' returns a {1} and changes nothing else; the result is discarded",
        category: "Usage",
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Xen.Hvm documents, spec records and options are immutable: With* methods return a changed copy. Assign the result (doc = doc.WithValue(...)) or chain the calls.",
        helpLinkUri: "https://github.com/xen-hvm/Xen.Hvm/blob/main/docs/diagnostics.md#xh0001-result-of-a-pure-method-discarded");

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(AnalyzeStatement, OperationKind.ExpressionStatement);
    }

    private static void AnalyzeStatement(OperationAnalysisContext context)
    {
        var statement = (IExpressionStatementOperation)context.Operation;
        IOperation value = statement.Operation;

        // 'doc?.WithValue(...);' drops the result just the same.
        while (value is IConditionalAccessOperation conditional)
        {
            value = conditional.WhenNotNull;
        }

        if (value is not IInvocationOperation invocation || invocation.TargetMethod.ReturnsVoid || !IsPureLibraryMethod(invocation.TargetMethod))
        {
            return;
        }

        // The whole expression whose value is dropped: 'doc.WithValue(...)', 'doc?.WithValue(...)', a whole chain.
        Location location = statement.Syntax is ExpressionStatementSyntax { Expression: { } expression } ? expression.GetLocation() : invocation.Syntax.GetLocation();
        context.ReportDiagnostic(Diagnostic.Create(Rule, location, CallText(invocation), invocation.TargetMethod.ReturnType.Name));
    }

    private static bool IsPureLibraryMethod(IMethodSymbol method)
    {
        IMethodSymbol original = method.ReducedFrom ?? method.OriginalDefinition;
        if (original.ContainingAssembly?.Name != LibraryAssembly)
        {
            return false;
        }

        return HasPureAttribute(original) || (original.ContainingType is { } type && HasPureAttribute(type));
    }

    // By name: the attribute type may come through System.Runtime, System.Diagnostics.Contracts or CoreLib, so one
    // symbol from the compilation would not match the one the library was compiled against.
    private static bool HasPureAttribute(ISymbol symbol)
    {
        foreach (AttributeData data in symbol.GetAttributes())
        {
            if (data.AttributeClass is { Name: "PureAttribute" } attribute && attribute.ToDisplayString() == PureAttribute)
            {
                return true;
            }
        }

        return false;
    }

    // 'doc.WithValue(...)', as the user wrote the receiver, so the message points at their own code.
    private static string CallText(IInvocationOperation invocation)
    {
        string name = invocation.TargetMethod.Name + "(...)";
        return invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } && member.Expression.Span.Length <= 40
            ? member.Expression + "." + name
            : name;
    }
}

namespace Xen.Hvm.Diagnostics;

internal static partial class DiagnosticDescriptors
{
    public static readonly DiagnosticDescriptor XmSyntaxError = new(
        DiagnosticIds.XmSyntaxError, "Python syntax error",
        "Python 2 cannot parse this: expected {0}, found {1}; xm rejects the whole file",
        DiagnosticSeverity.Error, "XmSyntax");

    public static readonly DiagnosticDescriptor XmUnterminatedString = new(
        DiagnosticIds.XmUnterminatedString, "Unterminated string",
        "This {0} has no closing quote; xm rejects the file",
        DiagnosticSeverity.Error, "XmLexical");

    public static readonly DiagnosticDescriptor XmInvalidIndentation = new(
        DiagnosticIds.XmInvalidIndentation, "Invalid indentation",
        "Invalid indentation: {0}; xm rejects the file",
        DiagnosticSeverity.Error, "XmLexical");

    public static readonly DiagnosticDescriptor XmInvalidCharacter = new(
        DiagnosticIds.XmInvalidCharacter, "Invalid character",
        "Python 2 cannot read '{0}' here; xm rejects the file",
        DiagnosticSeverity.Error, "XmLexical");

    public static readonly DiagnosticDescriptor XmNonAsciiWithoutEncoding = new(
        DiagnosticIds.XmNonAsciiWithoutEncoding, "Non-ASCII text without an encoding declaration",
        "Python 2 rejects non-ASCII text in a file without an encoding declaration ('# -*- coding: utf-8 -*-' on line 1 or 2); xm rejects the file",
        DiagnosticSeverity.Error, "XmLexical");

    public static readonly DiagnosticDescriptor XmInvalidNumber = new(
        DiagnosticIds.XmInvalidNumber, "Invalid number",
        "'{0}' is not a valid Python 2 number; xm rejects the file",
        DiagnosticSeverity.Error, "XmLexical");

    public static readonly DiagnosticDescriptor XmNestingTooDeep = new(
        DiagnosticIds.XmNestingTooDeep, "Nesting too deep",
        "This statement nests deeper than Python 2's parser can follow (its stack holds {0} grammar rules: \"s_push: parser stack overflow\"); xm rejects the file, and the statement is kept as text",
        DiagnosticSeverity.Error, "XmSyntax");

    public static readonly DiagnosticDescriptor XmUnsupportedConstruct = new(
        DiagnosticIds.XmUnsupportedConstruct, "Construct not read",
        "'{0}' is valid Python that this library does not read; the statement is kept verbatim and not evaluated",
        DiagnosticSeverity.Warning, "XmSyntax");

    public static readonly DiagnosticDescriptor XmCarriageReturn = new(
        DiagnosticIds.XmCarriageReturn, "Carriage return",
        "xm reads this carriage return as a line break, but xl rejects the line (XH1002); convert the file to LF line endings before migrating",
        DiagnosticSeverity.Info, "XmLexical");

    public static readonly DiagnosticDescriptor XmCompileError = new(
        DiagnosticIds.XmCompileError, "Rejected by Python's compiler",
        "Python 2 reads this but its compiler rejects it ({0}); xm rejects the whole file",
        DiagnosticSeverity.Error, "XmSyntax");

    public static readonly DiagnosticDescriptor XmAlwaysRaises = new(
        DiagnosticIds.XmAlwaysRaises, "Statement always raises",
        "This set item or dictionary key is a set, list or dictionary, which Python cannot hash: the statement raises whenever it runs (TypeError, or NameError for a name not defined), and xm create stops there (a template placeholder such as '{{ NAME }}' left unfilled?)",
        DiagnosticSeverity.Warning, "XmSyntax");

    public static readonly DiagnosticDescriptor XmRaisesWhenRun = new(
        DiagnosticIds.XmRaisesWhenRun, "xm would stop at a statement that always raises",
        "xm would stop here: this statement always raises {0} ({1}); xm create makes no domain from this file",
        DiagnosticSeverity.Error, "XmEvaluation");

    public static readonly DiagnosticDescriptor XmNeedsContext = new(
        DiagnosticIds.XmNeedsContext, "Value depends on the host",
        "'{0}' needs {1}, which the evaluation context does not give; its value is unknown",
        DiagnosticSeverity.Warning, "XmEvaluation");

    public static readonly DiagnosticDescriptor XmRefusedOperation = new(
        DiagnosticIds.XmRefusedOperation, "Operation never run",
        "'{0}' would {1}; it is never run, and its result is unknown",
        DiagnosticSeverity.Warning, "XmEvaluation");

    public static readonly DiagnosticDescriptor XmInvalidOption = new(
        DiagnosticIds.XmInvalidOption, "Invalid xm create option",
        "xm create's option '{0}={1}' is not a valid {2}; xm stops with 'Invalid value' before it reads the file",
        DiagnosticSeverity.Error, "Xm");

    public static readonly DiagnosticDescriptor XmRaisedException = new(
        DiagnosticIds.XmRaisedException, "xm would stop here",
        "xm would stop here with {0}: {1}; it creates no domain from this file",
        DiagnosticSeverity.Error, "XmEvaluation");

    public static readonly DiagnosticDescriptor XmLimitExceeded = new(
        DiagnosticIds.XmLimitExceeded, "Evaluation limit exceeded",
        "Evaluation stopped: {0}",
        DiagnosticSeverity.Error, "XmEvaluation");

    public static readonly DiagnosticDescriptor XmTimeBudgetExceeded = new(
        DiagnosticIds.XmTimeBudgetExceeded, "Evaluation time budget exceeded",
        "Evaluation stopped: {0} (XmEvaluationContext.MaxDuration)",
        DiagnosticSeverity.Error, "XmEvaluation");

    public static readonly DiagnosticDescriptor XmMemoryBudgetExceeded = new(
        DiagnosticIds.XmMemoryBudgetExceeded, "Evaluation memory budget exceeded",
        "Evaluation stopped: {0} (XmEvaluationContext.MaxAllocatedBytes)",
        DiagnosticSeverity.Error, "XmEvaluation");

    public static readonly DiagnosticDescriptor XmIntegerTooLong = new(
        DiagnosticIds.XmIntegerTooLong, "Integer with too many digits",
        "Evaluation stopped: {0} (XmEvaluationContext.MaxIntegerDigits)",
        DiagnosticSeverity.Error, "XmEvaluation");

    public static readonly DiagnosticDescriptor XmRegexNotCompiled = new(
        DiagnosticIds.XmRegexNotCompiled, "Regular expression not compiled",
        "The regular expression {0} cannot be compiled by the evaluator (Python may read it differently); the result is unknown",
        DiagnosticSeverity.Warning, "XmEvaluation");

    public static readonly DiagnosticDescriptor XmEvaluatorFault = new(
        DiagnosticIds.XmEvaluatorFault, "Evaluator fault",
        "The evaluator failed here ({0}), a defect in this library; evaluation stopped and the values are those computed before",
        DiagnosticSeverity.Error, "XmEvaluation");

    public static readonly DiagnosticDescriptor XmUnknownBranch = new(
        DiagnosticIds.XmUnknownBranch, "Branch depends on an unknown value",
        "This {0} depends on an unknown value, so these variables are unknown after it: {1}",
        DiagnosticSeverity.Warning, "XmEvaluation");

    public static readonly DiagnosticDescriptor XmNotEvaluated = new(
        DiagnosticIds.XmNotEvaluated, "Statement not evaluated",
        "This statement was not evaluated; these variables are unknown after it: {0}",
        DiagnosticSeverity.Warning, "XmEvaluation");

    public static readonly DiagnosticDescriptor XmUnsupportedOperation = new(
        DiagnosticIds.XmUnsupportedOperation, "Operation not supported",
        "'{0}' is not supported by the evaluator; its result is unknown",
        DiagnosticSeverity.Warning, "XmEvaluation");

    public static readonly DiagnosticDescriptor XmDroppedVariable = new(
        DiagnosticIds.XmDroppedVariable, "Variable ignored by xm",
        "'{0}' is a {1}; xm only keeps str, list, int and float variables and ignores this one",
        DiagnosticSeverity.Info, "XmEvaluation");

    public static readonly DiagnosticDescriptor XmUnrepresentableValue = new(
        DiagnosticIds.XmUnrepresentableValue, "Value cannot be represented",
        "'{0}' holds a {1}, which a config value cannot represent; it is left out",
        DiagnosticSeverity.Warning, "XmEvaluation");

    public static readonly DiagnosticDescriptor XmFileRejected = new(
        DiagnosticIds.XmFileRejected, "xm rejects the file",
        "xm rejects this file (Python reports a SyntaxError here), so it creates no domain; the values shown are what the statements that parsed compute",
        DiagnosticSeverity.Error, "XmEvaluation");

    public static readonly DiagnosticDescriptor XmComputedValueReplaced = new(
        DiagnosticIds.XmComputedValueReplaced, "Computed value replaced by a literal",
        "The computed value of '{0}' ({1}) was replaced by a literal",
        DiagnosticSeverity.Info, "XmEditing");

    public static readonly DiagnosticDescriptor XmEditNonAsciiEscaped = new(
        DiagnosticIds.XmEditNonAsciiEscaped, "Non-ASCII text written as escapes",
        "The non-ASCII text of '{0}' was written as \\x escapes of its bytes: {1}",
        DiagnosticSeverity.Info, "XmEditing");

    public static readonly DiagnosticDescriptor XmEditCharacterNotInEncoding = new(
        DiagnosticIds.XmEditCharacterNotInEncoding, "Character not in the file's encoding",
        "'{0}' was not set: {1} cannot be written in the file's encoding ({2}); Python 2 could not read it back. Use other characters, or convert the file to UTF-8 and declare '# -*- coding: utf-8 -*-'",
        DiagnosticSeverity.Error, "XmEditing");

    public static readonly DiagnosticDescriptor XmEditUnknownEncoding = new(
        DiagnosticIds.XmEditUnknownEncoding, "Unknown declared encoding",
        "'{0}' was not set: the value has {1}, and the file declares the encoding '{2}', which this library does not know, so it cannot tell which bytes Python 2 expects. Use ASCII, or declare a known encoding (utf-8)",
        DiagnosticSeverity.Error, "XmEditing");
}

namespace Xen.Hvm.Diagnostics;

public static partial class DiagnosticIds
{
    /// <summary>XH4001: a construct Python 2 cannot parse; xm rejects the whole file.</summary>
    public const string XmSyntaxError = "XH4001";

    /// <summary>XH4002: a string with no closing quote.</summary>
    public const string XmUnterminatedString = "XH4002";

    /// <summary>XH4003: indentation Python 2 rejects (an unexpected indent, a missing block, an unindent that matches no outer level).</summary>
    public const string XmInvalidIndentation = "XH4003";

    /// <summary>XH4004: a character Python 2 cannot read outside a string.</summary>
    public const string XmInvalidCharacter = "XH4004";

    /// <summary>XH4005: a non-ASCII character in a file that declares no encoding.</summary>
    public const string XmNonAsciiWithoutEncoding = "XH4005";

    /// <summary>XH4006: a malformed number literal.</summary>
    public const string XmInvalidNumber = "XH4006";

    /// <summary>XH4007: brackets or expressions nested deeper than Python 2's parser allows.</summary>
    public const string XmNestingTooDeep = "XH4007";

    /// <summary>XH4008: valid Python the library keeps as text without reading it (class, try, lambda, comprehensions, with, yield, decorators, exec...).</summary>
    public const string XmUnsupportedConstruct = "XH4008";

    /// <summary>XH4009: a carriage return line ending, which xm accepts and xl does not.</summary>
    public const string XmCarriageReturn = "XH4009";

    /// <summary>XH4010: code Python 2 parses but its compiler rejects (a keyword argument repeated, a parameter named twice, more than 255 arguments).</summary>
    public const string XmCompileError = "XH4010";

    /// <summary>XH4050: a part of a statement that raises whenever the statement runs (a set item or dictionary key that is a set, list or dictionary: <c>maxmem = {{ MEMORY }}</c>, a template placeholder).</summary>
    public const string XmAlwaysRaises = "XH4050";

    /// <summary>XH4101: a value that depends on the host (os.uname, os.path.exists, os.environ, os.getcwd) the evaluation context does not describe.</summary>
    public const string XmNeedsContext = "XH4101";

    /// <summary>XH4102: a call that would do I/O, run a process or code, or reflect; the evaluator never runs it.</summary>
    public const string XmRefusedOperation = "XH4102";

    /// <summary>XH4103: an exception Python would raise; xm create fails.</summary>
    public const string XmRaisedException = "XH4103";

    /// <summary>XH4104: evaluation exceeded its step, value-size or nesting bound.</summary>
    public const string XmLimitExceeded = "XH4104";

    /// <summary>XH4105: a condition or loop that depends on an unknown value.</summary>
    public const string XmUnknownBranch = "XH4105";

    /// <summary>XH4106: a statement kept as text (XH4008 or a syntax error) that the evaluator skips.</summary>
    public const string XmNotEvaluated = "XH4106";

    /// <summary>XH4107: a builtin, method or operator the evaluator does not implement.</summary>
    public const string XmUnsupportedOperation = "XH4107";

    /// <summary>XH4108: a top-level variable whose type xm silently ignores (bool, None, tuple, dict, long, unicode).</summary>
    public const string XmDroppedVariable = "XH4108";

    /// <summary>XH4109: a kept variable (a list) that holds something other than strings, numbers and lists.</summary>
    public const string XmUnrepresentableValue = "XH4109";

    /// <summary>XH4110: the evaluated document has a syntax error, so Python would not run any of it.</summary>
    public const string XmFileRejected = "XH4110";

    /// <summary>XH4111: an option on xm create's command line has a value xm cannot convert.</summary>
    public const string XmInvalidOption = "XH4111";

    /// <summary>XH4112: evaluation ran longer than its wall-time budget (<see cref="Config.XmEvaluationContext.MaxDuration"/>).</summary>
    public const string XmTimeBudgetExceeded = "XH4112";

    /// <summary>XH4113: evaluation allocated more than its memory budget (<see cref="Config.XmEvaluationContext.MaxAllocatedBytes"/>).</summary>
    public const string XmMemoryBudgetExceeded = "XH4113";

    /// <summary>XH4114: an integer literal or <c>int()</c> string with more digits than <see cref="Config.XmEvaluationContext.MaxIntegerDigits"/>.</summary>
    public const string XmIntegerTooLong = "XH4114";

    /// <summary>XH4115: a regular expression .NET cannot compile; the result of the call is unknown.</summary>
    public const string XmRegexNotCompiled = "XH4115";

    /// <summary>XH4116: the evaluator itself failed on a construct (a defect in this library); evaluation stopped there.</summary>
    public const string XmEvaluatorFault = "XH4116";

    /// <summary>XH4140: evaluation reached a statement kept as text that raises whenever it runs (XH4050); xm create stops there.</summary>
    public const string XmRaisesWhenRun = "XH4140";

    /// <summary>XH4201: an edit replaced an expression with a literal.</summary>
    public const string XmComputedValueReplaced = "XH4201";

    /// <summary>XH4202: an edit wrote non-ASCII text as <c>\x</c> escapes, so Python 2 reads the file.</summary>
    public const string XmEditNonAsciiEscaped = "XH4202";

    /// <summary>XH4203: an edit was not made: the value has a character the file's declared encoding cannot hold.</summary>
    public const string XmEditCharacterNotInEncoding = "XH4203";

    /// <summary>XH4204: an edit was not made: the value is not ASCII and the file declares an encoding this library does not know.</summary>
    public const string XmEditUnknownEncoding = "XH4204";
}

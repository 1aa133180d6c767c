namespace Xen.Hvm.Config;

/// <summary>How the evaluation of an xm config ended.</summary>
public enum XmEvaluationOutcome
{
    /// <summary>The whole file ran; xm would hand its variables to xend.</summary>
    Completed = 0,

    /// <summary>Python would raise an exception (see <see cref="XmEvaluationResult.ExceptionType"/>); xm creates no domain.</summary>
    Raised = 1,

    /// <summary>The file has a syntax error; Python runs none of it and xm creates no domain.</summary>
    Rejected = 2,

    /// <summary>Evaluation stopped at one of its bounds: steps, time, bytes allocated, value size, integer digits or nesting (an endless loop, a huge value).</summary>
    LimitExceeded = 3,

    /// <summary>An option on xm create's command line has an invalid value (<c>memory=lots</c>); xm stops before reading the file.</summary>
    InvalidOption = 4,

    /// <summary>The evaluator itself failed (XH4116, a defect in this library); the values are those computed before.</summary>
    Failed = 5,
}

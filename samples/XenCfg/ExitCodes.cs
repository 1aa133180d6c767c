namespace XenCfg;

/// <summary>The exit codes every <c>xencfg</c> command uses.</summary>
public static class ExitCodes
{
    /// <summary>Success: no file has errors.</summary>
    public const int Ok = 0;

    /// <summary>The command ran, and at least one input has errors (or did not round-trip).</summary>
    public const int Failed = 1;

    /// <summary>Usage error, or a file could not be read or written.</summary>
    public const int UsageOrIo = 2;
}

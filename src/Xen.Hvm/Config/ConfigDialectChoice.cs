namespace Xen.Hvm.Config;

/// <summary>Why a document was read in its dialect (<see cref="ConfigDocument.DialectChoice"/>).</summary>
public enum ConfigDialectChoice
{
    /// <summary>The options named the dialect (an edited document keeps the dialect of the one it was made from this way).</summary>
    Requested = 0,

    /// <summary>Auto: the text is valid xl, so it is read as xl.</summary>
    ValidXl = 1,

    /// <summary>Auto: xl rejects the text, but nothing in it is Python, so it is read as a broken xl file, with xl's diagnostics.</summary>
    BrokenXl = 2,

    /// <summary>Auto: xl rejects the text and it has something only Python has (<see cref="ConfigDocument.DialectEvidence"/>), so it is read as xm.</summary>
    Python = 3,
}

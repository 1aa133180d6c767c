namespace Xen.Hvm.Capabilities;

/// <summary>Which word order a <c>hw_caps</c> string uses. The order changed in Xen 4.7.</summary>
public enum HwCapsLayout
{
    /// <summary>Not known: the string has no readable non-zero word (for example an ARM host, or a snipped value).</summary>
    Unknown = 0,

    /// <summary>
    /// Layout A, Xen 3.0–4.6 (a copy of Linux's <c>x86_capability[]</c>): 1d, e1d, Transmeta, Xen-synthetic, 1c,
    /// VIA, e1c and (4.1+) 7b0.
    /// </summary>
    A = 1,

    /// <summary>Layout B, Xen 4.7 and later (featureset order): 1d, 1c, e1d, e1c, Da1, 7b0, 7c0, e7d.</summary>
    B = 2,
}

/// <summary>How the layout of a decoded <c>hw_caps</c> string was chosen.</summary>
public enum HwCapsLayoutSource
{
    /// <summary>No layout was chosen (<see cref="HwCapsLayout.Unknown"/>).</summary>
    None = 0,

    /// <summary>From the Xen version: 4.6 and earlier is layout A, 4.7 and later layout B.</summary>
    Version = 1,

    /// <summary>From the words themselves, because no version was known: fewer than 8 words or a zero word 2 means A.</summary>
    Heuristic = 2,

    /// <summary>The caller said which layout to use.</summary>
    Caller = 3,
}

namespace Xen.Hvm.Specs;

/// <summary>The unit of a vif rate's replenishment interval.</summary>
public enum VifIntervalUnit
{
    /// <summary>Seconds (<c>s</c>, or no unit).</summary>
    Seconds,

    /// <summary>Milliseconds (<c>ms</c> or <c>m</c>).</summary>
    Milliseconds,

    /// <summary>Microseconds (<c>us</c> or <c>u</c>).</summary>
    Microseconds,
}

namespace Xen.Hvm.Specs;

/// <summary>The decimal multiplier of a vif rate.</summary>
public enum VifRateUnit
{
    /// <summary>No multiplier.</summary>
    One,

    /// <summary><c>K</c>: 1000.</summary>
    Kilo,

    /// <summary><c>M</c>: 1000000.</summary>
    Mega,

    /// <summary><c>G</c>: 1000000000.</summary>
    Giga,
}

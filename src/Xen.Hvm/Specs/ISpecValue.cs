using Xen.Hvm.Config;

namespace Xen.Hvm.Specs;

/// <summary>A value read from a spec string (a <see cref="DiskSpec"/>, a <see cref="VifSpec"/> ...): it prints itself
/// back as spec text in the canonical form of either dialect.</summary>
/// <remarks>Every spec record implements it, so generic tools (<see cref="SpecString"/>) can print a value without
/// knowing its language. Implementations are immutable records with value equality.</remarks>
public interface ISpecValue
{
    /// <summary>Returns the value as spec text in the canonical form of a dialect.</summary>
    /// <param name="dialect">The dialect; <see cref="ConfigDialect.Auto"/> prints xl.</param>
    /// <returns>The spec text; parsing it in the same dialect gives an equal value.</returns>
    string ToSpecString(ConfigDialect dialect = ConfigDialect.Xl);
}

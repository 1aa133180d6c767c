namespace Xen.Hvm.Specs;

/// <summary>A vif's <c>vlan=</c>: one or more terms separated by <c>/</c>.</summary>
/// <param name="Terms">The terms in order.</param>
public sealed partial record VifVlan(SpecList<VlanTerm> Terms)
{
    /// <summary>Gets the PVID: the term marked <c>p</c>, or the only id when there is a single plain term.</summary>
    public int? Pvid => Terms.FirstOrDefault(t => t.IsPvid) is { IsPvid: true } p ? p.Start
        : Terms.Count == 1 && Terms[0].End is null && Terms[0].Step is null ? Terms[0].Start : null;

    /// <summary>Returns the canonical text, e.g. <c>10p/100+10x4</c>.</summary>
    /// <returns>The vlan value.</returns>
    public override string ToString() => string.Join("/", Terms);
}

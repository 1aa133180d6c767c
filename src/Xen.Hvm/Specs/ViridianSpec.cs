namespace Xen.Hvm.Specs;

/// <summary>One item of a <c>viridian = [ ... ]</c> list: <c>defaults</c>, <c>all</c>, <c>GROUP</c> or <c>!GROUP</c>.</summary>
/// <param name="Group">The group, or <see langword="null"/> for <c>defaults</c>/<c>all</c>.</param>
/// <param name="Disable">Whether the group is disabled (<c>!GROUP</c>).</param>
/// <param name="All">Whether the item is <c>all</c> (when <paramref name="Group"/> is <see langword="null"/>; otherwise <c>defaults</c>).</param>
public sealed partial record ViridianSpec(ViridianGroup? Group, bool Disable = false, bool All = false)
{
    /// <summary>Returns the item as written, e.g. <c>!hcall_ipi</c>.</summary>
    /// <returns>The item.</returns>
    public override string ToString() => Group is { } g ? (Disable ? "!" : string.Empty) + GroupName(g) : All ? "all" : "defaults";
}

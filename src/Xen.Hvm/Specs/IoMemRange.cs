using System.Globalization;

namespace Xen.Hvm.Specs;

/// <summary>An <c>iomem</c> item: <c>START,NUM[@GFN]</c>, host page frame, page count and guest frame, hexadecimal.</summary>
/// <param name="Start">The first host page frame.</param>
/// <param name="Count">The number of pages.</param>
/// <param name="Gfn">The guest frame to map at, or <see langword="null"/> for the same as <paramref name="Start"/>.</param>
public sealed partial record IoMemRange(ulong Start, ulong Count, ulong? Gfn = null)
{
    /// <summary>Returns <c>start,count[@gfn]</c> in lower-case hexadecimal.</summary>
    /// <returns>The item.</returns>
    public override string ToString() =>
        Start.ToString("x", CultureInfo.InvariantCulture) + "," + Count.ToString("x", CultureInfo.InvariantCulture) +
        (Gfn is { } g ? "@" + g.ToString("x", CultureInfo.InvariantCulture) : string.Empty);
}

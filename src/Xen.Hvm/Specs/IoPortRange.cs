using System.Globalization;

namespace Xen.Hvm.Specs;

/// <summary>An <c>ioports</c> item: I/O ports <c>FIRST[-LAST]</c> in hexadecimal.</summary>
/// <param name="First">The first port.</param>
/// <param name="Last">The last port (equal to <paramref name="First"/> for one port).</param>
public sealed partial record IoPortRange(uint First, uint Last)
{
    /// <summary>Gets the number of ports.</summary>
    public ulong Count => (ulong)Last - First + 1;

    /// <summary>Returns <c>first[-last]</c> in lower-case hexadecimal.</summary>
    /// <returns>The item.</returns>
    public override string ToString() => First == Last
        ? First.ToString("x", CultureInfo.InvariantCulture)
        : First.ToString("x", CultureInfo.InvariantCulture) + "-" + Last.ToString("x", CultureInfo.InvariantCulture);
}

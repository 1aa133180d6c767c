using System.Globalization;

namespace Xen.Hvm.Specs;

/// <summary>An <c>irqs</c> item: a host IRQ passed to the guest (decimal).</summary>
/// <param name="Irq">The IRQ number.</param>
public sealed partial record IrqSpec(uint Irq)
{
    /// <summary>Returns the number in decimal.</summary>
    /// <returns>The item.</returns>
    public override string ToString() => Irq.ToString(CultureInfo.InvariantCulture);
}

using System.Globalization;

namespace Xen.Hvm.Specs;

/// <summary>A host PCI address <c>DDDD:BB:DD.F</c>, or <c>DDDD:BB:DD.*</c> for every function of a device.</summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public readonly record struct PciAddress
{
    /// <summary>Constructs an address.</summary>
    /// <param name="domain">The PCI segment (0..ffff).</param>
    /// <param name="bus">The bus (0..ff).</param>
    /// <param name="device">The device (0..1f).</param>
    /// <param name="function">The function (0..7); ignored when <paramref name="allFunctions"/> is set.</param>
    /// <param name="allFunctions">Whether the address stands for every function (<c>*</c>).</param>
    /// <exception cref="ArgumentOutOfRangeException">A part is outside its range.</exception>
    public PciAddress(int domain, int bus, int device, int function, bool allFunctions = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(domain);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(domain, 0xffff);
        ArgumentOutOfRangeException.ThrowIfNegative(bus);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bus, 0xff);
        ArgumentOutOfRangeException.ThrowIfNegative(device);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(device, 0x1f);
        ArgumentOutOfRangeException.ThrowIfNegative(function);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(function, 7);
        Domain = domain;
        Bus = bus;
        Device = device;
        Function = allFunctions ? 0 : function;
        AllFunctions = allFunctions;
    }

    /// <summary>Gets the PCI segment.</summary>
    public int Domain { get; }

    /// <summary>Gets the bus.</summary>
    public int Bus { get; }

    /// <summary>Gets the device (slot).</summary>
    public int Device { get; }

    /// <summary>Gets the function (0 when <see cref="AllFunctions"/>).</summary>
    public int Function { get; }

    /// <summary>Gets a value indicating whether the address stands for every function (<c>*</c>).</summary>
    public bool AllFunctions { get; }

    /// <summary>Returns <c>DDDD:BB:DD.F</c> in lower-case hexadecimal (<c>*</c> for all functions).</summary>
    /// <returns>The address as <c>lspci -D</c> prints it.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Domain:x4}:{Bus:x2}:{Device:x2}.{(AllFunctions ? "*" : Function.ToString("x", CultureInfo.InvariantCulture))}");
}

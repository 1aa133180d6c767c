namespace Xen.Hvm.Config.Conversion;

/// <summary>
/// The host side of a libvirt conversion: what libvirt's capabilities and its libxl driver fill in (machine types, the
/// default emulator and loader, the firmware directory). <see cref="Default"/> describes the fake host of libvirt's
/// converter tests (tests/xlconfigtest.c, tests/xmconfigtest.c): x86_64, machines xenfv/xenpv/xenpvh, qemu at
/// /usr/lib/xen/bin/qemu-system-i386, hvmloader at /usr/lib/xen/boot/hvmloader.
/// </summary>
public sealed record LibvirtXmlOptions
{
    /// <summary>Gets libvirt's test host, reading and writing the xl format.</summary>
    public static LibvirtXmlOptions Default { get; } = new();

    /// <summary>Gets the native format; <see cref="LibvirtFormat.Xl"/> by default.</summary>
    public LibvirtFormat Format { get; init; } = LibvirtFormat.Xl;

    /// <summary>Gets the guest architecture the host offers; x86_64.</summary>
    public string Arch { get; init; } = "x86_64";

    /// <summary>Gets the machine type of HVM guests; xenfv.</summary>
    public string HvmMachine { get; init; } = "xenfv";

    /// <summary>Gets the machine type of PV guests; xenpv.</summary>
    public string PvMachine { get; init; } = "xenpv";

    /// <summary>Gets the machine type of PVH guests; xenpvh.</summary>
    public string PvhMachine { get; init; } = "xenpvh";

    /// <summary>Gets the emulator of an HVM guest whose config names none; /usr/lib/xen/bin/qemu-system-i386.</summary>
    public string? HvmEmulator { get; init; } = "/usr/lib/xen/bin/qemu-system-i386";

    /// <summary>Gets the loader of an HVM guest (xl format); /usr/lib/xen/boot/hvmloader.</summary>
    public string HvmLoader { get; init; } = "/usr/lib/xen/boot/hvmloader";

    /// <summary>Gets Xen's firmware directory (LIBXL_FIRMWARE_DIR), where OVMF is; /usr/lib/xen/boot.</summary>
    public string FirmwareDirectory { get; init; } = "/usr/lib/xen/boot";

    /// <summary>
    /// Gets the config key of the emulator: <c>device_model</c> as libvirt 6.6 reads and writes it (xend's key, which
    /// xl ignores), or <c>device_model_override</c> as later releases do (libvirt 9.6 writes it).
    /// </summary>
    public string DeviceModelKey { get; init; } = "device_model";

    /// <summary>Gets the UUID of a config that sets none (libvirt makes a random one); null for a random one.</summary>
    public Guid? Uuid { get; init; }
}

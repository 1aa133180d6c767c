namespace Xen.Hvm.Config.Conversion;

/// <summary>Which device model an HVM guest gets when <see cref="XmToXl"/> migrates it.</summary>
public enum MigrationDeviceModel
{
    /// <summary>
    /// The one xend used: qemu-xen-traditional (qemu-dm) with ROMBIOS, written out explicitly so the guest sees the
    /// same emulated hardware. Xen 4.21 removed qemu-xen-traditional, and many distributions build Xen without it.
    /// </summary>
    Xend,

    /// <summary>
    /// xl's default, qemu-xen with SeaBIOS: the guest sees new emulated hardware (note
    /// <see cref="Diagnostics.DiagnosticIds.MigrationDeviceModelUpgraded"/>).
    /// </summary>
    Upstream,
}

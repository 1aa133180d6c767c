namespace Xen.Hvm.Specs;

/// <summary>How an HVM guest sees a disk besides the PV (VBD) interface.</summary>
public enum HvmDiskEmulation
{
    /// <summary>PV only: the guest needs PV drivers to see it (<c>xvd*</c>, <c>d*p*</c>, numbers, and every partition).</summary>
    PvOnly,

    /// <summary>An emulated IDE disk (AHCI with <c>hdtype="ahci"</c>), and also a PV disk: whole-disk <c>hd*</c>.</summary>
    Ide,

    /// <summary>An emulated SCSI disk, and also a PV disk: whole-disk <c>sd*</c>.</summary>
    Scsi,
}

namespace Xen.Hvm.Config.Model;

/// <summary>The firmware hvmloader loads for an HVM guest (<c>bios</c>; <c>firmware</c>).</summary>
/// <remarks>Options of this type are <see cref="ConfigEnum{T}"/> values, which keep a spelling no member matches.</remarks>
public enum BiosKind
{
    /// <summary>ROMBIOS (<c>rombios</c>), for qemu-xen-traditional.</summary>
    Rombios,

    /// <summary>SeaBIOS (<c>seabios</c>), the default with qemu-xen.</summary>
    Seabios,

    /// <summary>OVMF, a UEFI firmware (<c>ovmf</c>; <c>firmware = "uefi"</c>).</summary>
    Ovmf,
}

using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Model;

// The boot and firmware options (OptionGroup.BootAndFirmware); every property is a row of OptionCatalog.
public sealed partial record DomainConfig
{
    /// <summary>Gets <c>kernel</c>: The kernel to boot directly (for HVM, xm's <c>hvmloader</c> path is ignored by xl).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? Kernel { get => Get<string?>(Slots.Kernel); init => Init(Slots.Kernel, value); }

    /// <summary>Gets <c>ramdisk</c>: The initial ramdisk to load with <c>kernel</c>.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? Ramdisk { get => Get<string?>(Slots.Ramdisk); init => Init(Slots.Ramdisk, value); }

    /// <summary>Gets <c>cmdline</c>: The kernel command line (it wins over <c>root</c> and <c>extra</c>).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? Cmdline { get => Get<string?>(Slots.Cmdline); init => Init(Slots.Cmdline, value); }

    /// <summary>Gets <c>root</c>: The root device, passed as <c>root=</c> on the kernel command line.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? Root { get => Get<string?>(Slots.Root); init => Init(Slots.Root, value); }

    /// <summary>Gets <c>extra</c>: Text appended to the kernel command line.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? Extra { get => Get<string?>(Slots.Extra); init => Init(Slots.Extra, value); }

    /// <summary>Gets <c>firmware</c>: The firmware: <c>bios</c>, <c>uefi</c>, <c>seabios</c>, <c>rombios</c>, <c>ovmf</c> or a path for HVM; <c>pvgrub32</c>/<c>pvgrub64</c> for PV.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? Firmware { get => Get<string?>(Slots.Firmware); init => Init(Slots.Firmware, value); }

    /// <summary>Gets <c>firmware_override</c>: The path of a replacement for hvmloader.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? FirmwareOverride { get => Get<string?>(Slots.FirmwareOverride); init => Init(Slots.FirmwareOverride, value); }

    /// <summary>Gets <c>bios</c>: The BIOS hvmloader loads: <c>rombios</c>, <c>seabios</c> or <c>ovmf</c>.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ConfigEnum<BiosKind>? Bios { get => Get<ConfigEnum<BiosKind>?>(Slots.Bios); init => Init(Slots.Bios, value); }

    /// <summary>Gets <c>bios_path_override</c>: The path of the BIOS image to load instead of the built-in one.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? BiosPathOverride { get => Get<string?>(Slots.BiosPathOverride); init => Init(Slots.BiosPathOverride, value); }

    /// <summary>Gets <c>boot</c>: The boot order of an HVM guest: <c>c</c> disk, <c>d</c> CD-ROM, <c>n</c> network (<c>cda</c> by default).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? Boot { get => Get<string?>(Slots.Boot); init => Init(Slots.Boot, value); }

    /// <summary>Gets <c>acpi_firmware</c>: A file of extra ACPI tables to give the guest.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? AcpiFirmware { get => Get<string?>(Slots.AcpiFirmware); init => Init(Slots.AcpiFirmware, value); }

    /// <summary>Gets <c>smbios_firmware</c>: A file of extra SMBIOS structures to give the guest.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? SmbiosFirmware { get => Get<string?>(Slots.SmbiosFirmware); init => Init(Slots.SmbiosFirmware, value); }

    /// <summary>Gets <c>ms_vm_genid</c>: Whether the guest gets a Microsoft VM generation ID (<c>generate</c>) or not (<c>none</c>).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? MsVmGenerationId { get => Get<string?>(Slots.MsVmGenerationId); init => Init(Slots.MsVmGenerationId, value); }

    /// <summary>Gets <c>smbios</c>: SMBIOS strings for the guest's firmware, as <c>key=value</c> items (Xen 4.21+).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<SmbiosSpec>? Smbios { get => Get<ValueList<SmbiosSpec>?>(Slots.Smbios); init => Init(Slots.Smbios, value); }
}

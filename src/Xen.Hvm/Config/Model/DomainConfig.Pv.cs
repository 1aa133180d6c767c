using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Model;

// The PV-only options (OptionGroup.Pv); every property is a row of OptionCatalog.
public sealed partial record DomainConfig
{
    /// <summary>Gets <c>bootloader</c>: The program that picks the kernel of a PV guest from its disk (<c>pygrub</c>).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? Bootloader { get => Get<string?>(Slots.Bootloader); init => Init(Slots.Bootloader, value); }

    /// <summary>Gets <c>bootloader_args</c>: The bootloader's arguments: a list, or (deprecated) one string split on spaces.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public OneOrList<string>? BootloaderArgs { get => Get<OneOrList<string>?>(Slots.BootloaderArgs); init => Init(Slots.BootloaderArgs, value); }

    /// <summary>Gets <c>e820_host</c>: Whether a PV guest sees the host's memory map (needed for PCI passthrough).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? E820Host { get => Get<bool?>(Slots.E820Host); init => Init(Slots.E820Host, value); }

    /// <summary>Gets <c>bootloader_restrict</c>: Whether the bootloader runs deprivileged (Xen 4.19+).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? BootloaderRestrict { get => Get<bool?>(Slots.BootloaderRestrict); init => Init(Slots.BootloaderRestrict, value); }

    /// <summary>Gets <c>bootloader_user</c>: The user the deprivileged bootloader runs as (Xen 4.19+).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? BootloaderUser { get => Get<string?>(Slots.BootloaderUser); init => Init(Slots.BootloaderUser, value); }
}

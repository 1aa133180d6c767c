using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Model;

// The emulated devices (OptionGroup.EmulatedDevices); every property is a row of OptionCatalog.
public sealed partial record DomainConfig
{
    /// <summary>Gets <c>serial</c>: The emulated serial ports (<c>pty</c>, <c>file:/path</c>...): one, or a list.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public OneOrList<string>? Serial { get => Get<OneOrList<string>?>(Slots.Serial); init => Init(Slots.Serial, value); }

    /// <summary>Gets <c>soundhw</c>: The emulated sound card (<c>sb16</c>, <c>es1370</c>, <c>hda</c>...).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? SoundHardware { get => Get<string?>(Slots.SoundHardware); init => Init(Slots.SoundHardware, value); }

    /// <summary>Gets <c>vkb_device</c>: Whether the HVM guest gets a PV keyboard device.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? VkbDevice { get => Get<bool?>(Slots.VkbDevice); init => Init(Slots.VkbDevice, value); }

    /// <summary>Gets <c>usb</c>: Whether the guest gets an emulated USB controller.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? Usb { get => Get<bool?>(Slots.Usb); init => Init(Slots.Usb, value); }

    /// <summary>Gets <c>usbversion</c>: The version of the emulated USB controller (1, 2 or 3).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? UsbVersion { get => Get<long?>(Slots.UsbVersion); init => Init(Slots.UsbVersion, value); }

    /// <summary>Gets <c>usbdevice</c>: Emulated USB devices (<c>tablet</c>, <c>mouse</c>, <c>host:...</c>): one, or a list.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public OneOrList<EmulatedUsbDeviceSpec>? UsbDevice { get => Get<OneOrList<EmulatedUsbDeviceSpec>?>(Slots.UsbDevice); init => Init(Slots.UsbDevice, value); }

    /// <summary>Gets <c>vendor_device</c>: The vendor-specific PCI device (<c>xenserver</c>).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ConfigEnum<VendorDevice>? VendorDevice { get => Get<ConfigEnum<VendorDevice>?>(Slots.VendorDevice); init => Init(Slots.VendorDevice, value); }

    /// <summary>Gets <c>hdtype</c>: The emulated disk controller: <c>ide</c> or <c>ahci</c>.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ConfigEnum<HdType>? HdType { get => Get<ConfigEnum<HdType>?>(Slots.HdType); init => Init(Slots.HdType, value); }
}

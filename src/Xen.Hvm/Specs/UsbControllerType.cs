namespace Xen.Hvm.Specs;

/// <summary>The kind of USB controller (<c>type=</c>, case-insensitive).</summary>
public enum UsbControllerType
{
    /// <summary><c>auto</c>: libxl chooses.</summary>
    Auto,

    /// <summary><c>pv</c>: the PV USB backend in the kernel.</summary>
    Pv,

    /// <summary><c>devicemodel</c>: an emulated controller in qemu.</summary>
    DeviceModel,

    /// <summary><c>qusb</c>: the PV USB backend in qemu.</summary>
    Qusb,
}

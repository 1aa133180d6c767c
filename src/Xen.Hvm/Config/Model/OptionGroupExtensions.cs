namespace Xen.Hvm.Config.Model;

/// <summary>Words for <see cref="OptionGroup"/>.</summary>
public static class OptionGroupExtensions
{
    /// <summary>Returns the group's title, as xl.cfg(5) and <c>docs/options.md</c> name it (<c>vCPUs and scheduling</c>).</summary>
    /// <param name="group">The group.</param>
    /// <returns>The title; an undefined value gives its number.</returns>
    public static string GetTitle(this OptionGroup group) => group switch
    {
        OptionGroup.General => "General",
        OptionGroup.Memory => "Memory",
        OptionGroup.VcpusAndScheduling => "vCPUs and scheduling",
        OptionGroup.Lifecycle => "Lifecycle actions",
        OptionGroup.BootAndFirmware => "Boot and firmware",
        OptionGroup.HvmPlatform => "HVM platform features",
        OptionGroup.Graphics => "Graphics (VNC, SDL, SPICE, VGA)",
        OptionGroup.EmulatedDevices => "Emulated devices",
        OptionGroup.DeviceLists => "Device lists",
        OptionGroup.DeviceModel => "Device model",
        OptionGroup.Arm => "Arm",
        OptionGroup.Pv => "PV only",
        OptionGroup.Pvh => "PVH only",
        OptionGroup.XmOnly => "Keys only xm read",
        _ => ((int)group).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}

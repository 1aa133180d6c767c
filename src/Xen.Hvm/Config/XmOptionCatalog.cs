namespace Xen.Hvm.Config;

/// <summary>
/// The catalogue of <c>xm create</c>'s 105 options (Xen 4.4, <c>gopts.var</c> in <c>xm/create.py</c>). A <c>KEY=VALUE</c> argument
/// whose KEY is one of them sets that option; any other is a script variable the config file can read.
/// </summary>
public static class XmOptionCatalog
{
    private static readonly Dictionary<string, XmOptionKind> s_kinds = Build();

    /// <summary>Gets the option names, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = s_kinds.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>Returns whether <paramref name="name"/> is an <c>xm create</c> option.</summary>
    /// <param name="name">A name from a <c>KEY=VALUE</c> argument.</param>
    /// <returns><see langword="true"/> for option names such as <c>memory</c> or <c>disk</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    public static bool IsOption(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return s_kinds.ContainsKey(name);
    }

    internal static XmOptionKind KindOf(string name) => s_kinds[name];

    private static Dictionary<string, XmOptionKind> Build()
    {
        var kinds = new Dictionary<string, XmOptionKind>(StringComparer.Ordinal);
        void Add(XmOptionKind kind, string names)
        {
            foreach (string n in names.Split(' '))
            {
                kinds.Add(n, kind);
            }
        }

        // xm/create.py at RELEASE-4.4.0: the converter (fn=) of each gopts.var.
        Add(XmOptionKind.Value, "vncpasswd name bootloader bootargs bootentry kernel ramdisk loader features builder cpus restart " +
            "on_poweroff on_reboot on_crash root extra ip gateway netmask hostname interface dhcp nfs_server nfs_root device_model " +
            "fda fdb parallel serial monitor_path keymap usbdevice description guest_os_type boot soundhw vnc vncdisplay vnclisten " +
            "sdl gfx_passthru opengl display xauthority uuid on_xend_start on_xend_stop pool");
        Add(XmOptionKind.Bool, "vncviewer vncconsole memory_sharing blkif netif monitor localtime usb stdvga isa nographic vncunused " +
            "suppress_spurious_page_faults");
        Add(XmOptionKind.Int, "memory maxmem shadow_memory cpu rtc_timeoffset pae hpet timer_mode tsc_mode nomigrate vpt_align viridian " +
            "acpi apic vcpus vhpt cpu_cap cpu_weight nics videoram target hap nestedhvm s3_integrity oos machine_address_size " +
            "pci_msitranslate pci_power_mgmt xen_platform_pci superpages");
        Add(XmOptionKind.Long, "vcpu_avail");
        Add(XmOptionKind.Append, "disk pci vscsi vusb ioports irq vfb vif vif2 access_control cpuid cpuid_check");
        return kinds;
    }
}

/// <summary>How <c>xm create</c> converts an option given on its command line (<c>xm/opts.py</c>).</summary>
internal enum XmOptionKind
{
    /// <summary><c>set_value</c>: the string as given.</summary>
    Value,

    /// <summary><c>set_bool</c>: <c>yes</c>/<c>y</c> is 1, <c>no</c>/<c>n</c> is 0, anything else stops xm.</summary>
    Bool,

    /// <summary><c>set_int</c>: Python's <c>int()</c>, or xm stops.</summary>
    Int,

    /// <summary><c>set_long</c>: Python's <c>long()</c>, or xm stops.</summary>
    Long,

    /// <summary><c>append_value</c>: each occurrence appends one string to a list.</summary>
    Append,
}

using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Config.Model;

/// <summary>A generated guest: the options it sets, printed as an xl config by its own printer (not the library's).</summary>
public sealed record LibxlCase(IReadOnlyList<(string Key, string Value)> Settings)
{
    public string Text
    {
        get
        {
            var sb = new StringBuilder();
            foreach (var (key, value) in Settings)
            {
                sb.Append(key).Append(" = ").Append(value).Append('\n');
            }

            return sb.ToString();
        }
    }

    public override string ToString() => Text;
}

/// <summary>
/// The real <c>xl</c> as the judge of generated models: each model is printed as config text and given to Xen 4.17's
/// <c>xl create -n</c>; when xl accepts it, <c>ToLibxlJson</c> of the bound text must equal xl's JSON, and when xl refuses
/// it, binding must report an error. 40 guests, a few milliseconds of xl each.
/// </summary>
public sealed class LibxlJsonXlPropertyTests
{
    private static Gen<string> Quoted(params string[] values) => Gen.Elements(values).Select(static v => "\"" + v + "\"");

    private static Gen<string> Number(int min, int max) =>
        from n in Gen.Choose(min, max)
        from quoted in Gen.Elements(false, false, true)
        select quoted || n < 0 ? "\"" + n.ToString(CultureInfo.InvariantCulture) + "\"" : n.ToString(CultureInfo.InvariantCulture);

    private static Gen<string> List(Gen<string> item, int max) =>
        from count in Gen.Choose(0, max)
        from items in item.ArrayOf(count)
        select "[ " + string.Join(", ", items) + " ]";

    private static readonly Gen<string> Disk = Gen.OneOf(
        from i in Gen.Choose(0, 9)
        from format in Gen.Elements("raw", "qcow2", "vhd", "")
        from vdev in Gen.Elements("xvda", "xvdb", "hda", "sdb")
        from access in Gen.Elements("rw", "ro", "w", "r", "")
        select $"\"/img/d{i}.img,{format},{vdev},{access}\"",
        Gen.Elements("\",,hdc,cdrom\"", "\"/iso/a.iso,raw,hdc,cdrom\"", "\"phy:/dev/vg/root,xvda,w\"",
            "\"format=qcow2,vdev=xvdc,access=ro,target=/img/q.qcow2\"", "\"vdev=xvdd,backendtype=qdisk,discard,target=/img/x\"",
            "\"file:/img/old.img,hda,r\"", "\"vdev=hdd,devtype=cdrom,access=ro,target=/iso/b.iso\""));

    private static readonly Gen<string> Vif =
        from mac in Gen.Elements("", "mac=00:16:3e:12:34:56", "mac=00:16:3E:0a:0b:0c")
        from bridge in Gen.Elements("", "bridge=br0", "bridge=xenbr1")
        from model in Gen.Elements("", "model=e1000", "model=rtl8139")
        from type in Gen.Elements("", "type=ioemu", "type=vif")
        from rate in Gen.Elements("", "", "rate=10Mb/s", "rate=1MB/s@20ms")
        from script in Gen.Elements("", "", "script=vif-route")
        select "\"" + string.Join(",", new[] { mac, bridge, model, type, rate, script }.Where(static s => s.Length > 0)) + "\"";

    private static readonly Gen<(string, string)?[]> Flags =
        Gen.Elements("acpi", "apic", "pae", "hpet", "localtime", "nomigrate", "hap", "usb", "vnc", "sdl", "vncunused",
                "xen_platform_pci", "nx", "viridian", "stdvga", "acpi_s3", "opengl", "nographic")
            .SelectMany(key => Gen.Elements<string?>(null, "0", "1").Select(v => v is null ? ((string, string)?)null : (key, v)))
            .ArrayOf(5);

    private static readonly Gen<(string, string)> Devices = Gen.Elements(
        ("pci", "[ \"01:00.0\", \"0000:03:00.1@4,msitranslate=1\", \"04:00.*,permissive=1\" ]"),
        ("pci_permissive", "1"),
        ("rdm", "\"strategy=host\""),
        ("usbctrl", "[ \"type=qusb,version=2,ports=4\", \"type=devicemodel\" ]"),
        ("usbdev", "[ \"type=hostdev,hostbus=1,hostaddr=3,controller=0,port=1\", \"hostbus=2,hostaddr=4\" ]"),
        ("channel", "[ \"name=org.qemu.guest_agent.0,connection=socket,path=/run/qga.sock\", \"name=c1,connection=pty\" ]"),
        ("vfb", "[ \"vnc=1,vnclisten=0.0.0.0,vncdisplay=1,keymap=fr\", \"sdl=1,opengl=1\" ]"),
        ("vkb", "[ \"backend-type=linux,unique-id=k0,width=800,height=600\" ]"),
        ("p9", "[ \"tag=share,security_model=none,path=/srv/share\" ]"),
        ("vtpm", "[ \"backend=vtpmmgr,uuid=b8b5d2a6-0f4f-4a0c-8f1e-4c3a33d3f4b1\" ]"),
        ("pvcalls", "[ \"backend=dom0\", \"\" ]"),
        ("vdispl", "[ \"backend=dom0,be-alloc=1,connectors=c0:1920x1080;c1:800x600\" ]"),
        ("vsnd", "[ [ \"card, backend=dom0, short-name=C, sample-rates=8000;44100, sample-formats=s16_le\", \"pcm, name=p0\", \"stream, unique-id=s0, type=p\" ] ]"),
        ("cpuid", "\"host,tm=0,sse3=1,family=6,model=0x2a,aes=k\""),
        ("cpuid", "[ \"1:ecx=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx1,edx=xx0xxxxxxxxxxxxxxxxxxxxxxxxxxxxx\", \"0x80000001,0:eax=0xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" ]"),
        ("vnuma", "[ [ \"pnode=0\", \"size=512\", \"vcpus=0\", \"vdistances=10,20\" ], [ \"size=512\", \"vcpus=1\", \"vdistances=20,10\" ] ]"),
        ("ioports", "[ \"2f8-2ff\", \"3f8\" ]"),
        ("iomem", "[ \"fe000,2\", \"fe100,1@a0000\" ]"),
        ("irqs", "[ 3, 4 ]"),
        ("spice", "1"),
        ("spiceport", "6000"),
        ("spicedisable_ticketing", "1"),
        ("serial", "[ \"pty\", \"file:/tmp/s\" ]"),
        ("usbdevice", "[ \"tablet\", \"host:1.2\" ]"),
        ("usbdevice", "\"mouse\""),
        ("device_model_version", "\"qemu-xen\""),
        ("device_model_override", "\"/usr/bin/qemu\""),
        ("device_model_args", "[ \"-a\", \"-b\" ]"),
        ("bootloader", "\"pygrub\""),
        ("bootloader_args", "[ \"-q\" ]"),
        ("on_watchdog", "\"preserve\""),
        ("on_soft_reset", "\"destroy\""),
        ("cpu_weight", "512"),
        ("cap", "50"),
        ("seclabel", "\"system_u:system_r:domU_t\""),
        ("init_seclabel", "\"system_u:system_r:init_t\""),
        ("pool", "\"Pool-0\""),
        ("uuid", "\"b8b5d2a6-0f4f-4a0c-8f1e-4c3a33d3f4b1\""),
        ("firmware", "\"uefi\""),
        ("bios", "\"seabios\""),
        ("gfx_passthru", "\"igd\""),
        ("mmio_hole", "1024"),
        ("max_grant_frames", "64"),
        ("max_event_channels", "1023"),
        ("shadow_memory", "8"),
        ("timer_mode", "\"no_missed_ticks_pending\""),
        ("altp2m", "\"mixed\""),
        ("ms_vm_genid", "\"none\""),
        ("mca_caps", "[ \"lmce\" ]"),
        ("vendor_device", "\"xenserver\""),
        ("soundhw", "\"hda\""),
        ("keymap", "\"de\""),
        ("vncpasswd", "\"secret\""),
        ("vncdisplay", "3"),
        ("dtdev", "[ \"/soc/dma\" ]"),
        ("passthrough", "\"enabled\""),
        ("e820_host", "1"),
        ("pvshim", "1"),
        ("root", "\"/dev/xvda1\""),
        ("cmdline", "\"quiet\""),
        ("ramdisk", "\"/boot/initrd\""));

    private static readonly Gen<(string, string)?[]> Named = Gen.OneOf(
            Quoted("destroy", "restart", "preserve", "rename-restart", "coredump-destroy").Select(static v => ((string, string)?)("on_reboot", v)),
            Quoted("destroy", "restart", "coredump-restart", "soft-reset").Select(static v => ((string, string)?)("on_crash", v)),
            Quoted("destroy", "restart", "preserve").Select(static v => ((string, string)?)("on_poweroff", v)),
            Quoted("default", "native", "always_emulate", "native_paravirt").Select(static v => ((string, string)?)("tsc_mode", v)),
            Quoted("stdvga", "cirrus", "none", "qxl").Select(static v => ((string, string)?)("vga", v)),
            Quoted("ide", "ahci").Select(static v => ((string, string)?)("hdtype", v)),
            Quoted("cd", "dc", "n").Select(static v => ((string, string)?)("boot", v)),
            Quoted("pty", "none").Select(static v => ((string, string)?)("serial", v)),
            Quoted("0", "all", "0-3", "1,3", "0-7,^2").Select(static v => ((string, string)?)("cpus", v)),
            Gen.Elements("[ \"0\", \"1-2\" ]", "[ \"defaults\", \"!crash_ctl\" ]").Select(static v => ((string, string)?)(v.Contains("defaults") ? "viridian" : "cpus_soft", v)),
            Quoted("127.0.0.1", "0.0.0.0").Select(static v => ((string, string)?)("vnclisten", v)),
            Number(0, 64).Select(static v => ((string, string)?)("videoram", v)),
            Number(-7200, 7200).Select(static v => ((string, string)?)("rtc_timeoffset", v)),
            Devices.Select(static d => ((string, string)?)d),
            Gen.Constant(((string, string)?)null))
        .ArrayOf(6);

    private static readonly Gen<LibxlCase> Case =
        from name in Gen.Elements("g", "guest-1", "vm.2", "web_3")
        from type in Gen.Elements("pv", "pvh", "hvm", "builder-hvm", "default")
        from memory in Number(0, 8192)
        from maxmem in Gen.Elements<string?>(null, null, "4096")
        from vcpus in Gen.Choose(1, 6)
        from maxvcpus in Gen.Elements<int?>(null, null, 8, 2)
        from disks in List(Disk, 3)
        from vifs in List(Vif, 2)
        from flags in Flags
        from named in Named
        select Build(name, type, memory, maxmem, vcpus, maxvcpus, disks, vifs, flags.Concat(named));

    private static LibxlCase Build(
        string name, string type, string memory, string? maxmem, int vcpus, int? maxvcpus, string disks, string vifs,
        IEnumerable<(string, string)?> more)
    {
        var settings = new List<(string, string)> { ("name", "\"" + name + "\"") };
        switch (type)
        {
            case "builder-hvm":
                settings.Add(("builder", "\"hvm\""));
                settings.Add(("kernel", "\"/usr/lib/xen/boot/hvmloader\""));
                break;
            case "default":
                settings.Add(("kernel", "\"/boot/vmlinuz\""));
                break;
            default:
                settings.Add(("type", "\"" + type + "\""));
                if (type != "hvm")
                {
                    settings.Add(("kernel", "\"/boot/vmlinuz\""));
                    settings.Add(("extra", "\"console=hvc0\""));
                }

                break;
        }

        settings.Add(("memory", memory));
        if (maxmem is not null)
        {
            settings.Add(("maxmem", maxmem));
        }

        settings.Add(("vcpus", vcpus.ToString(CultureInfo.InvariantCulture)));
        if (maxvcpus is { } m)
        {
            settings.Add(("maxvcpus", m.ToString(CultureInfo.InvariantCulture)));
        }

        settings.Add(("disk", disks));
        settings.Add(("vif", vifs));
        var seen = new HashSet<string>(settings.Select(static s => s.Item1), StringComparer.Ordinal);
        foreach (var setting in more)
        {
            if (setting is { } s && seen.Add(s.Item1))
            {
                settings.Add(s);
            }
        }

        return new LibxlCase(settings);
    }

    [XlFact]
    public void ToLibxlJsonText_GeneratedGuests_IsWhatXlPrints()
    {
        using var temp = new TempDirectory();
        string path = temp.File("guest.cfg");
        Prop.ForAll(Case.ToArbitrary(), guest =>
        {
            File.WriteAllText(path, guest.Text);
            var (rc, stdout, stderr) = LibxlXl.Run(path);
            BindResult bound = BindTestSupport.BindXl(guest.Text);
            bound.Config.ToLibxlJson(null, out var refused);
            if (rc != 0)
            {
                // Either the binding or the JSON writer knows that xl refuses it.
                Assert.True(bound.HasErrors || bound.Document.HasErrors || refused.Count > 0, "xl refused, we did not:\n" + guest.Text + stderr);
                return;
            }

            Assert.False(bound.HasErrors, "xl accepted, binding refused:\n" + guest.Text + string.Join("\n", bound.Diagnostics));
            Assert.Empty(refused);
            string ours = bound.Config.ToLibxlJsonText(null);
            if (ours != stdout)
            {
                LibxlJsonTestSupport.AssertSameJson(JsonNode.Parse(stdout), JsonNode.Parse(ours), guest.Text);
                Assert.Equal(stdout, ours);
            }
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(40));
    }
}

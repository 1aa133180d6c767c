using Xen.Hvm.Config.Validation;
using Xen.Hvm.Diagnostics;
using static Xen.Hvm.Tests.Config.Validation.ValidationTestSupport;

namespace Xen.Hvm.Tests.Config.Validation;

/// <summary>
/// Every create-time check of libxl 4.17 the validator makes (libxl_create.c, libxl_x86.c, libxl_disk.c,
/// libxl_nic.c, libxl_dm.c): a config that triggers it, its ID at the value's span, and the fixed config clean.
/// </summary>
public sealed class ConfigValidatorLibxlTests
{
    private static readonly ValidationOptions s_libxl = new() { Rules = ValidationRuleSet.Libxl };

    public static TheoryData<string, string, string, string, int, string> Cases() => new()
    {
        // id, bad config, severity, span text, occurrence, fixed config
        { DiagnosticIds.VideoRamTooSmall, HvmBase + "videoram = 6\n", "Error", "6", 0, HvmBase + "videoram = 8\n" },
        { DiagnosticIds.VideoRamTooSmall, HvmBase + "vga = \"stdvga\"\nvideoram = 8\n", "Error", "8", 0, HvmBase + "vga = \"stdvga\"\nvideoram = 16\n" },
        { DiagnosticIds.VideoRamTooSmall, HvmBase + "vga = \"qxl\"\nvideoram = 64\n", "Error", "64", 0, HvmBase + "vga = \"qxl\"\n" },
        { DiagnosticIds.VideoRamTooSmall, TraditionalBase + "stdvga = 1\nvideoram = 4\n", "Error", "4", 0, TraditionalBase + "stdvga = 1\nvideoram = 8\n" },
        { DiagnosticIds.VideoRamIgnored, TraditionalBase + "videoram = 8\n", "Warning", "8", 0, TraditionalBase + "videoram = 4\n" },
        { DiagnosticIds.QxlNeedsQemuXen, TraditionalBase + "vga = \"qxl\"\n", "Error", "\"qxl\"", 0, TraditionalBase + "vga = \"stdvga\"\n" },
        { DiagnosticIds.BiosNotForDeviceModel, HvmBase + "bios = \"rombios\"\n", "Error", "\"rombios\"", 0, HvmBase + "bios = \"seabios\"\n" },
        { DiagnosticIds.BiosNotForDeviceModel, TraditionalBase + "bios = \"seabios\"\n", "Error", "\"seabios\"", 0, TraditionalBase + "bios = \"rombios\"\n" },
        { DiagnosticIds.DirectBootWithoutKernel, HvmBase + "kernel = \"/usr/lib/xen/boot/hvmloader\"\nramdisk = \"/boot/initrd\"\n", "Error", "\"/boot/initrd\"", 0, HvmBase + "kernel = \"/usr/lib/xen/boot/hvmloader\"\n" },
        { DiagnosticIds.DirectBootWithoutKernel, HvmBase + "extra = \"console=ttyS0\"\n", "Error", "\"console=ttyS0\"", 0, HvmBase + "kernel = \"/boot/vmlinuz\"\nextra = \"console=ttyS0\"\n" },
        { DiagnosticIds.SpiceWithoutPort, HvmBase + "spice = 1\nspicedisable_ticketing = 1\n", "Error", "1", 0, HvmBase + "spice = 1\nspicedisable_ticketing = 1\nspiceport = 6000\n" },
        { DiagnosticIds.SpicePasswordMissing, HvmBase + "spice = 1\nspiceport = 6000\n", "Error", "1", 0, HvmBase + "spice = 1\nspiceport = 6000\nspicepasswd = \"s3cret\"\n" },
        { DiagnosticIds.SpicePasswordMissing, HvmBase + "spice = 1\nspiceport = 6000\nspicepasswd = \"\"\n", "Error", "\"\"", 0, HvmBase + "spice = 1\nspiceport = 6000\nspicepasswd = \"s3cret\"\n" },
        { DiagnosticIds.UsbVersionWithUsb, HvmBase + "usb = 1\nusbversion = 2\n", "Error", "2", 0, HvmBase + "usbversion = 2\n" },
        { DiagnosticIds.UsbVersionWithUsb, HvmBase + "usbdevice = \"tablet\"\nusbversion = 3\n", "Error", "3", 0, HvmBase + "usbdevice = \"tablet\"\n" },
        { DiagnosticIds.LibxlValueOutOfRange, HvmBase + "usbversion = 5\n", "Error", "5", 0, HvmBase + "usbversion = 3\n" },
        { DiagnosticIds.LibxlValueOutOfRange, HvmBase + "spice = 1\nspiceport = 6000\nspicedisable_ticketing = 1\nspiceusbredirection = 7\n", "Error", "7", 0, HvmBase + "spice = 1\nspiceport = 6000\nspicedisable_ticketing = 1\nspiceusbredirection = 4\n" },
        { DiagnosticIds.LibxlValueOutOfRange, PvBase + "max_grant_version = 16\n", "Error", "16", 0, PvBase + "max_grant_version = 2\n" },
        { DiagnosticIds.TscModeRemoved, PvBase + "tsc_mode = \"native_paravirt\"\n", "Error", "\"native_paravirt\"", 0, PvBase + "tsc_mode = \"default\"\n" },
        { DiagnosticIds.ViridianGroupsInvalid, HvmBase + "viridian = [\"freq\"]\n", "Error", "[\"freq\"]", 0, HvmBase + "viridian = [\"base\", \"freq\"]\n" },
        { DiagnosticIds.ViridianGroupsInvalid, HvmBase + "viridian = [\"!hcall_ipi\", \"all\"]\n", "Error", "[\"!hcall_ipi\", \"all\"]", 0, HvmBase + "viridian = [\"all\", \"!hcall_ipi\"]\n" },
        { DiagnosticIds.ViridianGroupsInvalid, HvmBase + "viridian = [\"defaults\", \"!base\"]\n", "Error", "[\"defaults\", \"!base\"]", 0, HvmBase + "viridian = [\"defaults\", \"!crash_ctl\"]\n" },
        { DiagnosticIds.PodConflict, HvmBase + "memory = 512\nmaxmem = 1024\npci = [\"01:00.0\"]\n", "Error", "512", 0, HvmBase + "memory = 1024\nmaxmem = 1024\npci = [\"01:00.0\"]\n" },
        { DiagnosticIds.PodConflict, HvmBase + "memory = 512\nmaxmem = 1024\naltp2m = \"mixed\"\n", "Error", "512", 0, HvmBase + "memory = 1024\naltp2m = \"mixed\"\n" },
        { DiagnosticIds.PodConflict, HvmBase + "memory = 256\nvnuma = [[\"pnode=0\", \"size=512\", \"vcpus=0\"]]\n", "Error", "256", 0, HvmBase + "memory = 512\nvnuma = [[\"pnode=0\", \"size=512\", \"vcpus=0\"]]\n" },
        { DiagnosticIds.NestedHvmWithAltp2m, HvmBase + "nestedhvm = 1\naltp2m = \"mixed\"\n", "Error", "1", 0, HvmBase + "nestedhvm = 1\n" },
        { DiagnosticIds.PassthroughConflict, HvmBase + "passthrough = \"disabled\"\npci = [\"01:00.0\"]\n", "Error", "\"disabled\"", 0, HvmBase + "pci = [\"01:00.0\"]\n" },
        { DiagnosticIds.PassthroughConflict, "name = \"v\"\ntype = \"pvh\"\nkernel = \"/k\"\npci = [\"01:00.0\"]\n", "Error", "[\"01:00.0\"]", 0, "name = \"v\"\ntype = \"pvh\"\nkernel = \"/k\"\n" },
        { DiagnosticIds.PassthroughConflict, PvBase + "passthrough = \"share_pt\"\npci = [\"01:00.0\"]\n", "Error", "\"share_pt\"", 0, PvBase + "passthrough = \"sync_pt\"\npci = [\"01:00.0\"]\n" },
        { DiagnosticIds.PvVnuma, PvBase + "vnuma = [[\"pnode=0\", \"size=512\", \"vcpus=0\"]]\n", "Error", "[[\"pnode=0\", \"size=512\", \"vcpus=0\"]]", 0, "name = \"v\"\ntype = \"pvh\"\nkernel = \"/k\"\nvnuma = [[\"pnode=0\", \"size=512\", \"vcpus=0\"]]\n" },
        { DiagnosticIds.NotSupportedByTraditional, TraditionalBase + "kernel = \"/boot/vmlinuz\"\n", "Error", "\"/boot/vmlinuz\"", 0, HvmBase + "kernel = \"/boot/vmlinuz\"\n" },
        { DiagnosticIds.NotSupportedByTraditional, TraditionalBase + "dm_restrict = 1\n", "Error", "1", 0, HvmBase + "dm_restrict = 1\n" },
        { DiagnosticIds.UnknownSoundHardware, HvmBase + "soundhw = \"all\"\n", "Error", "\"all\"", 0, HvmBase + "soundhw = \"hda\"\n" },
        { DiagnosticIds.EmulatedNicOnPv, PvBase + "vif = [\"bridge=xenbr0\", \"type=ioemu, bridge=xenbr0\"]\n", "Error", "\"type=ioemu, bridge=xenbr0\"", 0, PvBase + "vif = [\"bridge=xenbr0\", \"bridge=xenbr0\"]\n" },
        { DiagnosticIds.CdromBackendNotQdisk, HvmBase + "disk = [\"vdev=hdc, devtype=cdrom, backendtype=phy, target=/iso/x.iso\"]\n", "Error", "\"vdev=hdc, devtype=cdrom, backendtype=phy, target=/iso/x.iso\"", 0, HvmBase + "disk = [\"vdev=hdc, devtype=cdrom, backendtype=qdisk, target=/iso/x.iso\"]\n" },
        { DiagnosticIds.EmptyDiskMisused, HvmBase + "disk = [\"vdev=hdb, format=empty, target=/img/b.img\"]\n", "Error", "\"vdev=hdb, format=empty, target=/img/b.img\"", 0, HvmBase + "disk = [\"vdev=hdb, format=raw, target=/img/b.img\"]\n" },
        { DiagnosticIds.ReadOnlyEmulatedDisk, HvmBase + "disk = [\"/img/a.img,raw,hdb,ro\"]\n", "Error", "\"/img/a.img,raw,hdb,ro\"", 0, HvmBase + "disk = [\"/img/a.img,raw,hdb,rw\"]\n" },
        { DiagnosticIds.ReadOnlyEmulatedDisk, HvmBase + "hdtype = \"ahci\"\ndisk = [\"/img/a.img,raw,xvde,ro\"]\n", "Error", "\"/img/a.img,raw,xvde,ro\"", 0, HvmBase + "hdtype = \"ahci\"\ndisk = [\"/img/a.img,raw,xvde,rw\"]\n" },
        { DiagnosticIds.DiskNotEmulated, HvmBase + "disk = [\"/img/a.img,raw,xvde,rw\"]\n", "Warning", "\"/img/a.img,raw,xvde,rw\"", 0, HvmBase + "disk = [\"/img/a.img,raw,hdd,rw\"]\n" },
        { DiagnosticIds.InvalidVdev, HvmBase + "disk = [\"/img/a.img,raw,hde,rw\"]\n", "Error", "\"/img/a.img,raw,hde,rw\"", 0, HvmBase + "disk = [\"/img/a.img,raw,hdd,rw\"]\n" },
        { DiagnosticIds.DuplicateVdev, HvmBase + "disk = [\"/img/a.img,raw,hda,rw\", \"/img/b.img,raw,hda,rw\"]\n", "Error", "\"/img/b.img,raw,hda,rw\"", 0, HvmBase + "disk = [\"/img/a.img,raw,hda,rw\", \"/img/b.img,raw,hdb,rw\"]\n" },
        { DiagnosticIds.DeviceModelUserRoot, HvmBase + "dm_restrict = 1\ndevice_model_user = \"root\"\n", "Error", "\"root\"", 0, HvmBase + "dm_restrict = 1\n" },
        { DiagnosticIds.SpiceUsbRedirectionIgnored, HvmBase + "spiceusbredirection = 2\n", "Warning", "2", 0, HvmBase + "spice = 1\nspiceport = 6000\nspicedisable_ticketing = 1\nspiceusbredirection = 2\n" },
        { DiagnosticIds.VnumaVcpuMapping, HvmBase + "vnuma = [[\"pnode=0\", \"size=512\", \"vcpus=0-1\"], [\"pnode=0\", \"size=512\", \"vcpus=1\"]]\n", "Error", "[[\"pnode=0\", \"size=512\", \"vcpus=0-1\"], [\"pnode=0\", \"size=512\", \"vcpus=1\"]]", 0, HvmBase + "vnuma = [[\"pnode=0\", \"size=512\", \"vcpus=0-1\"], [\"pnode=0\", \"size=512\", \"vcpus=2\"]]\n" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_LibxlRule_ReportsItsIdAtTheValueAndTheFixIsClean(string id, string text, string severity, string part, int occurrence, string fixedText) =>
        AssertRule(text, id, Enum.Parse<DiagnosticSeverity>(severity), part, occurrence, fixedText, s_libxl);

    [Fact]
    public void Cases_CoverEveryLibxlId()
    {
        var covered = Cases().Select(static row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        var libxl = DiagnosticCatalog.All.Select(static d => d.Id).Where(static id => id.StartsWith("XH80", StringComparison.Ordinal));
        Assert.DoesNotContain(libxl, id => !covered.Contains(id));
    }

    [Fact]
    public void Validate_RulesXl_LeavesTheLibxlChecksOut()
    {
        ValidationResult r = ValidateXl(HvmBase + "videoram = 6\nsoundhw = \"all\"\n", new ValidationOptions { Rules = ValidationRuleSet.Xl });
        Assert.False(r.HasErrors);
        Assert.DoesNotContain(r.Diagnostics, static d => d.Id.StartsWith("XH8", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ToolstackXm_MakesNoLibxlCheck()
    {
        ValidationResult r = ValidateXm("name = 'h'\nbuilder = 'hvm'\nvideoram = 4\n", new ValidationOptions { Rules = ValidationRuleSet.Libxl, Toolstack = Xen.Hvm.Config.Model.Toolstack.Xm, XenVersion = new(4, 4) });
        Assert.DoesNotContain(r.Diagnostics, static d => d.Id == DiagnosticIds.VideoRamTooSmall);
    }

    [Fact]
    public void Validate_TscModeNativeParavirtBefore412_IsAccepted()
    {
        ValidationResult r = ValidateXl(PvBase + "tsc_mode = \"native_paravirt\"\n", s_libxl with { XenVersion = new(4, 11) });
        Assert.DoesNotContain(r.Diagnostics, static d => d.Id == DiagnosticIds.TscModeRemoved);
    }
}

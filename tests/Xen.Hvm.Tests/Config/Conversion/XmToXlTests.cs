using FsCheck;
using FsCheck.Fluent;
using Xen.Hvm.Capabilities;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Conversion;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Config.Validation;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Tests.Infrastructure;
using Xen.Hvm.Text;

namespace Xen.Hvm.Tests.Config.Conversion;

/// <summary><see cref="XmToXl.Migrate"/>: what each xm construct becomes in xl, and the note (ID and xm span) that says so.</summary>
public sealed class XmToXlTests
{
    private static readonly XmEvaluationContext X8664 = new() { Host = XmHostProfile.Parse("Linux dom0 2.6.18 #1 SMP x86_64") };

    private static MigrationResult Migrate(string xm, MigrationOptions? options = null) =>
        XmToXl.Migrate(XenConfig.Parse(xm, "guest.cfg", new XenConfigParseOptions { Dialect = ConfigDialect.Xm }), options);

    private static TextSpan SpanOf(string text, string part, int from = 0) => new(text.IndexOf(part, from, StringComparison.Ordinal), part.Length);

    private static Diagnostic[] Notes(MigrationResult result, string id) => result.Notes.Where(n => n.Id == id).ToArray();

    private static Diagnostic NoteFor(MigrationResult result, string id, string name) =>
        Assert.Single(result.Notes, n => n.Id == id && Equals(n.Arguments[0], name));

    /// <summary>The settings of the xl document (comments and layout aside), in order.</summary>
    private static string[] Settings(MigrationResult result) => result.Document.Settings.Select(static s => s.ToString().Trim()).ToArray();

    [Fact]
    public void Migrate_WindowsXpSample_ReadsAsAnAdminWouldWriteIt()
    {
        string path = Path.Combine(Corpus.RepositoryRoot, "samples", "configs", "winxp-hvm.xm.cfg");
        ConfigDocument xm = XenConfig.Load(path);

        MigrationResult result = XmToXl.Migrate(xm, new MigrationOptions { XmContext = X8664.WithCommandLine(["vmid=2"]) });

        Assert.False(result.HasErrors);
        Assert.Equal(
            """
            # The same Windows XP guest as winxp-hvm.cfg, the way it was written for xm (Xen 3.x): a Python program.
            # xencfg dump --uname "Linux dom0 2.6.18 #1 SMP x86_64" --var vmid=2 samples/configs/winxp-hvm.xm.cfg

            type = "hvm"
            name = "WinXP2"
            memory = 512
            vcpus = 1
            pae = 1
            acpi = 1
            apic = 1
            vif = [ "type=ioemu, bridge=xenbr0" ]
            disk = [ "format=raw, vdev=hda, access=rw, backendtype=phy, target=/dev/vg/winxp2",
                     "format=raw, vdev=hdc, access=ro, devtype=cdrom, target=/var/lib/xen/iso/winxp-sp3.iso" ]
            boot = "d"
            sdl = 0
            vnc = 1
            vga = "cirrus"
            serial = "pty"
            usbdevice = "tablet"

            # xend's defaults, which xl does not share: written out so the guest behaves as it did under xm.
            on_crash = "restart"
            hpet = 0
            device_model_version = "qemu-xen-traditional"
            bios = "rombios"

            """.ReplaceLineEndings("\n"),
            result.Document.Text);
        Assert.Equal(ConfigDialect.Xl, result.Document.Dialect);
        Assert.DoesNotContain(ConfigValidator.Validate(result.Document).Diagnostics, static d => d.Severity != DiagnosticSeverity.Info);
    }

    [Fact]
    public void Migrate_HvmBuilderKernelAndDeviceModel_TypeWrittenTheOthersDroppedEachWithItsNote()
    {
        const string Xm = "name = 'g'\nkernel = '/usr/lib/xen/boot/hvmloader'\nbuilder = 'hvm'\ndevice_model = '/usr/lib/xen/bin/qemu-dm'\nmemory = 256\n";

        MigrationResult result = Migrate(Xm, new MigrationOptions { WriteXendDefaults = false });

        Assert.Equal(["name = \"g\"", "type = \"hvm\"", "memory = 256", "device_model_version = \"qemu-xen-traditional\"", "bios = \"rombios\""], Settings(result));
        Assert.Equal(SpanOf(Xm, "'hvm'"), NoteFor(result, DiagnosticIds.MigrationOptionRenamed, "builder").Span);
        Assert.Equal(SpanOf(Xm, "'/usr/lib/xen/boot/hvmloader'"), NoteFor(result, DiagnosticIds.MigrationOptionNotNeeded, "kernel").Span);
        Assert.Equal(SpanOf(Xm, "'/usr/lib/xen/bin/qemu-dm'"), NoteFor(result, DiagnosticIds.MigrationOptionNotNeeded, "device_model").Span);
    }

    [Fact]
    public void Migrate_OtherHvmFirmwareAndStubDomain_BecomeFirmwareOverrideAndStubdomainOverride()
    {
        const string Xm = "name = 'g'\nbuilder = 'hvm'\nkernel = '/opt/hvmloader-custom'\ndevice_model = 'stubdom-dm'\n";

        MigrationResult result = Migrate(Xm, new MigrationOptions { WriteXendDefaults = false });

        Assert.Contains("firmware_override = \"/opt/hvmloader-custom\"", Settings(result));
        Assert.Contains("device_model_stubdomain_override = 1", Settings(result));
        Assert.Equal(2, Notes(result, DiagnosticIds.MigrationOptionRenamed).Count(n => n.Arguments[0] is "kernel" or "device_model"));
    }

    [Fact]
    public void Migrate_XmNamesOfXlOptions_RenamedWithTheirNotes()
    {
        const string Xm = "name = 'g'\nbuilder = 'hvm'\ncpu_cap = 50\nirq = [ 5, 7 ]\nstdvga = 1\nvideoram = 8\nbootargs = '-q --entry=2'\n";

        MigrationResult result = Migrate(Xm, new MigrationOptions { WriteXendDefaults = false });

        string[] settings = Settings(result);
        Assert.Contains("cap = 50", settings);
        Assert.Contains("irqs = [ 5, 7 ]", settings);
        Assert.Contains("vga = \"stdvga\"", settings);
        Assert.Contains("bootloader_args = [ \"-q\", \"--entry=2\" ]", settings);
        Assert.Equal(["builder", "cpu_cap", "irq", "stdvga", "bootargs"], Notes(result, DiagnosticIds.MigrationOptionRenamed).Select(static n => (string)n.Arguments[0]!));
        Assert.Equal(SpanOf(Xm, "50"), NoteFor(result, DiagnosticIds.MigrationOptionRenamed, "cpu_cap").Span);
    }

    [Fact]
    public void Migrate_BeforeXl410_WritesBuilderAndBefore43Stdvga()
    {
        MigrationResult result = Migrate("name = 'g'\nbuilder = 'hvm'\nstdvga = 0\n", new MigrationOptions { XlVersion = new XenVersion(4, 2), WriteXendDefaults = false });

        Assert.Equal(["name = \"g\"", "builder = \"hvm\"", "stdvga = 0"], Settings(result)[..3]);
    }

    [Fact]
    public void Migrate_PythonLogic_ReplacedByItsResultAtItsPlaceWithANoteQuotingIt()
    {
        const string Xm = "import os\nname = 'g'\nif os.uname()[4] == 'x86_64':\n    memory = 1024\nelse:\n    memory = 512\nkernel = '/k'\n";

        MigrationResult result = Migrate(Xm, new MigrationOptions { XmContext = X8664, WriteXendDefaults = false });

        Assert.Equal(["name = \"g\"", "memory = 1024", "kernel = \"/k\""], Settings(result));
        Diagnostic[] python = Notes(result, DiagnosticIds.MigrationPythonReplaced);
        Assert.Equal(2, python.Length);
        Assert.Equal((SpanOf(Xm, "import os").Start, "nothing xl reads"), (python[0].Span.Start, python[0].Arguments[1]));
        Assert.Equal((SpanOf(Xm, "if os").Start, "memory"), (python[1].Span.Start, python[1].Arguments[1]));
        Assert.StartsWith("if os.uname()[4] == 'x86_64': | memory = 1024 | else:", (string)python[1].Arguments[0]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Migrate_ComputedValue_WrittenAsItsResultWithANote()
    {
        const string Xm = "vmid = 4\nname = 'vm%d' % vmid\nkernel = '/k'\n";

        MigrationResult result = Migrate(Xm, new MigrationOptions { WriteXendDefaults = false });

        Assert.Equal(["name = \"vm4\"", "kernel = \"/k\""], Settings(result));
        Assert.Equal(SpanOf(Xm, "'vm%d' % vmid"), NoteFor(result, DiagnosticIds.MigrationComputedValue, "name").Span);
        Assert.Equal(SpanOf(Xm, "4"), NoteFor(result, DiagnosticIds.MigrationNotAnOption, "vmid").Span);
    }

    [Fact]
    public void Migrate_Comments_StayAboveTheSettingsTheyDescribeAndGoWithWhatIsDropped()
    {
        const string Xm = "# Guest header\n# second line\n\n# memory for the guest\nmemory = 512\n# the helper\narch = 'x'\n# kernel path\nkernel = '/k'   # inline\nname = 'g'\n";

        MigrationResult result = Migrate(Xm, new MigrationOptions { WriteXendDefaults = false });

        Assert.Equal("# Guest header\n# second line\n\n# memory for the guest\nmemory = 512\n# kernel path\nkernel = \"/k\" # inline\nname = \"g\"\n", result.Document.Text);
    }

    [Fact]
    public void Migrate_PythonModeLine_DroppedWithANote()
    {
        const string Xm = "#  -*- mode: python; -*-\n# my guest\nname = 'g'\nkernel = '/k'\n";

        MigrationResult result = Migrate(Xm, new MigrationOptions { WriteXendDefaults = false });

        Assert.StartsWith("# my guest\nname", result.Document.Text, StringComparison.Ordinal);
        Assert.Equal(SpanOf(Xm, "#  -*- mode: python; -*-"), Assert.Single(Notes(result, DiagnosticIds.MigrationModeLineDropped)).Span);
    }

    [Fact]
    public void Migrate_XmDiskItems_WrittenInXlsFormWithWhatTheyLose()
    {
        const string Xm = "name = 'g'\nkernel = '/k'\ndisk = [ 'phy:sda7,sda1,w', 'file:/img,xvda,w!', 'phy:/dev/vg/a,xvdb,r,0,x86_32-abi', 'tap:aio:/x.img,xvdc,w' ]\n";

        MigrationResult result = Migrate(Xm, new MigrationOptions { WriteXendDefaults = false });

        Assert.Equal(
            new ConfigList([
                "format=raw, vdev=sda1, access=rw, backendtype=phy, target=/dev/sda7",
                "format=raw, vdev=xvda, access=rw, target=/img",
                "format=raw, vdev=xvdb, access=ro, backendtype=phy, backend=0, target=/dev/vg/a",
                "format=raw, vdev=xvdc, access=rw, target=/x.img"]),
            result.Document.Values["disk"]);
        Assert.Equal(4, Notes(result, DiagnosticIds.MigrationSpecRewritten).Length);
        Assert.Equal(SpanOf(Xm, "'file:/img,xvda,w!'"), Assert.Single(Notes(result, DiagnosticIds.MigrationSharedWritableDisk)).Span);
        Diagnostic protocol = Assert.Single(Notes(result, DiagnosticIds.MigrationSpecPartDropped));
        Assert.Equal((SpanOf(Xm, "'phy:/dev/vg/a,xvdb,r,0,x86_32-abi'"), "x86_32-abi"), (protocol.Span, protocol.Arguments[2]));
    }

    [Fact]
    public void Migrate_HvmCdroms_LoseThePhyBackendAndAnEmptyDriveStaysEmpty()
    {
        MigrationResult result = Migrate("name = 'g'\nbuilder = 'hvm'\ndisk = [ 'phy:/dev/cdrom,hdc:cdrom,r', ',hdd:cdrom,r' ]\n");

        Assert.Equal(
            new ConfigList(["format=raw, vdev=hdc, access=ro, devtype=cdrom, target=/dev/cdrom", "format=empty, vdev=hdd, access=ro, devtype=cdrom, target="]),
            result.Document.Values["disk"]);
        Assert.DoesNotContain(ConfigValidator.Validate(result.Document).Diagnostics, static d => d.IsError);
    }

    [Fact]
    public void Migrate_VifItems_KeptAsWrittenWhenXlReadsThemAlikeElseRewrittenWithoutXmOnlyKeys()
    {
        const string Xm = "name = 'g'\nkernel = '/k'\nvif = [ 'type=ioemu,bridge=br0', 'bridge=xenbr1, accel=x, policy=p, label=l', 'mac=00:16:3e:00:00:01, bridge=xenbr0' ]\n";

        MigrationResult result = Migrate(Xm, new MigrationOptions { WriteXendDefaults = false });

        Assert.Equal(new ConfigList(["bridge=br0", "bridge=xenbr1", "mac=00:16:3e:00:00:01, bridge=xenbr0"]), result.Document.Values["vif"]);
        Diagnostic[] dropped = Notes(result, DiagnosticIds.MigrationSpecPartDropped);
        Assert.Equal(["type=ioemu", "policy=p", "label=l", "accel=x"], dropped.Select(static d => (string)d.Arguments[2]!));
        Assert.Equal([DiagnosticSeverity.Info, DiagnosticSeverity.Warning, DiagnosticSeverity.Warning, DiagnosticSeverity.Warning], dropped.Select(static d => d.Severity));
        Assert.Equal(SpanOf(Xm, "'bridge=xenbr1, accel=x, policy=p, label=l'"), dropped[1].Span);
    }

    [Fact]
    public void Migrate_VifOfAnotherType_IsAPvInterface()
    {
        MigrationResult result = Migrate("name = 'g'\nbuilder = 'hvm'\nvif = [ 'bridge=xenbr1,type=netfront' ]\n");

        Assert.Equal(new ConfigList(["bridge=xenbr1,type=vif"]), result.Document.Values["vif"]);
    }

    [Fact]
    public void Migrate_ValueTheHostDecides_WithoutAHostIsAnErrorAndNotWritten()
    {
        const string Xm = "import os\nname = 'g'\nkernel = '/boot/vmlinuz-' + os.uname()[2]\n";

        MigrationResult result = Migrate(Xm);

        Assert.True(result.HasErrors);
        Assert.DoesNotContain(result.Document.Settings, static s => s.Name == "kernel");
        Diagnostic unknown = NoteFor(result, DiagnosticIds.MigrationValueUnknown, "kernel");
        Assert.Equal((DiagnosticSeverity.Error, SpanOf(Xm, "'/boot/vmlinuz-' + os.uname()[2]")), (unknown.Severity, unknown.Span));
        Assert.False(Migrate(Xm, new MigrationOptions { XmContext = X8664 }).HasErrors);
    }

    [Fact]
    public void Migrate_FileThatRaises_IsAnErrorAtTheRaise()
    {
        const string Xm = "name = 'g'\nraise ValueError\nkernel = '/k'\n";

        MigrationResult result = Migrate(Xm);

        Diagnostic stop = Assert.Single(Notes(result, DiagnosticIds.MigrationEvaluationIncomplete));
        Assert.True(result.HasErrors);
        Assert.Equal(2, stop.Location.Line);
    }

    [Fact]
    public void Migrate_HvmGuestWithNothingSet_GetsXendsDefaultsWrittenOut()
    {
        const string Xm = "name = 'g'\nbuilder = 'hvm'\n";

        MigrationResult result = Migrate(Xm);

        Assert.Equal(
            ["name = \"g\"", "type = \"hvm\"", "on_crash = \"restart\"", "memory = 128", "hpet = 0", "boot = \"c\"", "vnc = 0",
             "device_model_version = \"qemu-xen-traditional\"", "bios = \"rombios\""],
            Settings(result));
        Diagnostic[] defaults = Notes(result, DiagnosticIds.MigrationDefaultWritten);
        Assert.Equal(["on_crash", "memory", "device_model_version", "bios", "hpet", "boot", "vnc"], defaults.Select(static d => (string)d.Arguments[0]!));

        // The guest-wide ones sit at the file's start, the HVM ones at builder, which made the guest HVM.
        Assert.All(defaults[..2], d => Assert.Equal(0, d.Span.Start));
        Assert.All(defaults[2..], d => Assert.Equal(SpanOf(Xm, "'hvm'"), d.Span));

        // And xl reads them as xend did.
        EffectiveConfig xl = DomainConfig.Bind(result.Document).Config.GetEffectiveValues(Toolstack.Xl, new XenVersion(4, 17));
        Assert.Equal((long)4, xl["videoram"].Value);
        Assert.Equal(new ConfigEnum<BiosKind>(BiosKind.Rombios), xl["bios"].Value);
    }

    [Fact]
    public void Migrate_PvGuest_GetsOnlyTheDefaultsThatMatterToIt()
    {
        MigrationResult result = Migrate("name = 'g'\nkernel = '/k'\nmemory = 256\n");

        Assert.Equal(["name = \"g\"", "kernel = \"/k\"", "memory = 256", "on_crash = \"restart\""], Settings(result));
    }

    [Fact]
    public void Migrate_WithoutXendDefaults_WritesOnlyWhatTheFileSets()
    {
        MigrationResult result = Migrate("name = 'g'\nkernel = '/k'\n", new MigrationOptions { WriteXendDefaults = false });

        Assert.Equal(["name = \"g\"", "kernel = \"/k\""], Settings(result));
        Assert.Empty(Notes(result, DiagnosticIds.MigrationDefaultWritten));
    }

    [Fact]
    public void Migrate_UpstreamDeviceModel_NoTraditionalAndAWarningAtBuilder()
    {
        const string Xm = "name = 'g'\nbuilder = 'hvm'\nmemory = 512\n";

        MigrationResult result = Migrate(Xm, new MigrationOptions { DeviceModel = MigrationDeviceModel.Upstream });

        Assert.DoesNotContain(result.Document.Settings, static s => s.Name is "device_model_version" or "bios" or "videoram");
        Diagnostic upgraded = Assert.Single(Notes(result, DiagnosticIds.MigrationDeviceModelUpgraded));
        Assert.Equal((DiagnosticSeverity.Warning, SpanOf(Xm, "'hvm'")), (upgraded.Severity, upgraded.Span));
    }

    [Fact]
    public void Migrate_VideoRamBelowTheCardsMinimum_RaisedWithAWarning()
    {
        const string Xm = "name = 'g'\nbuilder = 'hvm'\nstdvga = 1\nvideoram = 4\n";

        MigrationResult result = Migrate(Xm);

        Assert.Contains("videoram = 8", Settings(result));
        Diagnostic raised = NoteFor(result, DiagnosticIds.MigrationValueRaised, "videoram");
        Assert.Equal((DiagnosticSeverity.Warning, SpanOf(Xm, "4\n")), (raised.Severity, new TextSpan(raised.Span.Start, 2)));
        Assert.DoesNotContain(ConfigValidator.Validate(result.Document).Diagnostics, static d => d.IsError);
    }

    [Fact]
    public void Migrate_PciWithMemoryBelowMaxmem_DropsTheHeadroomAndKeepsMsiTranslate()
    {
        const string Xm = "name = 'g'\nbuilder = 'hvm'\nmemory = 512\nmaxmem = 1024\npci = [ '01:00.0' ]\n";

        MigrationResult result = Migrate(Xm);

        string[] settings = Settings(result);
        Assert.DoesNotContain(settings, static s => s.StartsWith("maxmem", StringComparison.Ordinal));
        Assert.Contains("pci_msitranslate = 1", settings);
        Assert.Equal(SpanOf(Xm, "1024"), Assert.Single(Notes(result, DiagnosticIds.MigrationBalloonDropped)).Span);
        Assert.DoesNotContain(ConfigValidator.Validate(result.Document).Diagnostics, static d => d.IsError);
    }

    [Fact]
    public void Migrate_KernelIpSettings_FoldedIntoExtraAsXendPassedThem()
    {
        const string Xm = "name = 'g'\nkernel = '/k'\nip = '10.0.0.2'\ngateway = '10.0.0.1'\nnetmask = '255.0.0.0'\nhostname = 'vm'\nextra = '4'\n";

        MigrationResult result = Migrate(Xm, new MigrationOptions { WriteXendDefaults = false });

        Assert.Equal(["name = \"g\"", "kernel = \"/k\"", "extra = \"ip=10.0.0.2:127.0.255.255:10.0.0.1:255.0.0.0:vm:eth0:off 4\""], Settings(result));
        Assert.Equal(["ip", "gateway", "netmask", "hostname"], Notes(result, DiagnosticIds.MigrationOptionFolded).Select(static n => (string)n.Arguments[0]!));
    }

    [Fact]
    public void Migrate_OptionsXlHasNoneFor_LostWithAWarningOrNeedlessWithAnInfo()
    {
        const string Xm = "name = 'g'\nbuilder = 'hvm'\nfda = '/f.img'\nisa = 0\nvncviewer = 1\non_xend_start = 'start'\n";

        MigrationResult result = Migrate(Xm, new MigrationOptions { WriteXendDefaults = false });

        Assert.DoesNotContain(result.Document.Settings, static s => s.Name is "fda" or "isa" or "vncviewer" or "on_xend_start");
        Assert.Equal(SpanOf(Xm, "'/f.img'"), NoteFor(result, DiagnosticIds.MigrationOptionLost, "fda").Span);
        NoteFor(result, DiagnosticIds.MigrationOptionLost, "on_xend_start");
        NoteFor(result, DiagnosticIds.MigrationOptionNotNeeded, "isa");
        NoteFor(result, DiagnosticIds.MigrationOptionNotNeeded, "vncviewer");
    }

    [Fact]
    public void Migrate_Xm30Options_FoldedWhereXendPutThem()
    {
        const string Xm = "name = 'g'\nbuilder = 'hvm'\naudio = 1\ncdrom = '/iso/os.iso'\ndescription = 'web server'\nrestart = 'never'\nvcpus = 4\nvcpu_avail = 3\n";

        MigrationResult result = Migrate(Xm, new MigrationOptions { WriteXendDefaults = false });

        string[] settings = Settings(result);
        Assert.Contains("soundhw = \"sb16\"", settings);
        Assert.Contains("disk = [ \"format=raw, vdev=hdc, access=ro, devtype=cdrom, target=/iso/os.iso\" ]", settings);
        Assert.Contains("# web server", result.Document.Text, StringComparison.Ordinal);
        Assert.Equal(["on_poweroff = \"destroy\"", "on_reboot = \"destroy\"", "on_crash = \"destroy\""], settings.Where(static s => s.StartsWith("on_", StringComparison.Ordinal)));
        Assert.Contains("vcpus = 2", settings);
        Assert.Contains("maxvcpus = 4", settings);
        Assert.Equal(["audio", "cdrom", "restart", "vcpu_avail"], Notes(result, DiagnosticIds.MigrationOptionFolded).Select(static n => (string)n.Arguments[0]!).Order());
    }

    [Fact]
    public void Migrate_SettingAssignedTwice_KeepsTheLastWithANoteAtTheFirst()
    {
        const string Xm = "name = 'g'\nkernel = '/k'\nmemory = 256\nmemory = 512\n";

        MigrationResult result = Migrate(Xm, new MigrationOptions { WriteXendDefaults = false });

        Assert.Equal(["name = \"g\"", "kernel = \"/k\"", "memory = 512"], Settings(result));
        Assert.Equal(SpanOf(Xm, "memory"), Assert.Single(Notes(result, DiagnosticIds.MigrationOverriddenSetting)).Span);
    }

    [Fact]
    public void Migrate_CommandLineOption_WinsOverTheFileWithANote()
    {
        const string Xm = "name = 'g'\nkernel = '/k'\nmemory = 512\n";

        MigrationResult result = Migrate(Xm, new MigrationOptions { XmContext = XmEvaluationContext.Default.WithCommandLine(["memory=1024"]), WriteXendDefaults = false });

        Assert.Contains("memory = 1024", Settings(result));
        Assert.Equal(SpanOf(Xm, "512"), NoteFor(result, DiagnosticIds.MigrationCommandLineValue, "memory").Span);
    }

    [Fact]
    public void Migrate_PythonFreeXmFileReadAsXl_IsReadAgainAsXm()
    {
        ConfigDocument asXl = XenConfig.Parse("name = 'g'\nkernel = '/k'\ndisk = [ 'file:/img,xvda,w' ]\n", "guest.cfg", new XenConfigParseOptions { Dialect = ConfigDialect.Xl });

        MigrationResult result = XmToXl.Migrate(asXl);

        Assert.Same(asXl, result.Source);
        Assert.Equal(new ConfigList(["format=raw, vdev=xvda, access=rw, target=/img"]), result.Document.Values["disk"]);
    }

    [Fact]
    public void Migrate_TheNewDocument_ReportsThePathItWillBeSavedAt()
    {
        MigrationResult result = Migrate("name = 'g'\nkernel = '/k'\n", new MigrationOptions { Path = "/etc/xen/g.cfg" });

        Assert.Equal("/etc/xen/g.cfg", result.Document.Path);
        Assert.All(result.Notes, n => Assert.Equal("guest.cfg", n.Location.Path));
    }

    [Fact]
    public void Migrate_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => XmToXl.Migrate(null!));
    }

    private static Gen<string> XmText =>
        Gen.Elements(
            "name = 'g'\n", "builder = 'hvm'\n", "kernel = '/k'\n", "memory = 512\n", "memory = '512'\n", "vcpus = [1]\n", "disk = [ 'phy:sda1,xvda,w!' ]\n",
            "disk = 'x'\n", "vif = [ '', 'bad' ]\n", "pci = [ 'zz' ]\n", "cpu_cap = 'x'\n", "irq = [ 'a' ]\n", "stdvga = 'yes'\n", "videoram = -1\n",
            "ip = '1.2.3.4'\n", "restart = 'sometimes'\n", "vcpu_avail = 5\n", "cdrom = ''\n", "description = 'a\\nb'\n", "import os\n", "if x:\n", "    memory = 1\n",
            "raise ValueError\n", "# comment\n", "\n", "#  -*- mode: python -*-\n", "x = os.uname()[4]\n", "def f():\n    return 1\n", "extra = 4\n", "uuid = None\n")
            .ArrayOf()
            .Select(static parts => string.Concat(parts));

    [Fact]
    public void Migrate_AnyXmText_NeverThrowsAndEveryNoteIsInsideTheFile()
    {
        Prop.ForAll(XmText.ToArbitrary(), text =>
        {
            MigrationResult result = Migrate(text);
            Assert.All(result.Notes, n => Assert.InRange(n.Span.End, 0, text.Length));
            Assert.Equal(ConfigDialect.Xl, result.Document.Dialect);
            Assert.DoesNotContain(result.Document.Diagnostics, static d => d.IsError);
        }).Check(FsCheck.Config.QuickThrowOnFailure.WithMaxTest(100));
    }
}

using Xen.Hvm.Config;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;
using static Xen.Hvm.Tests.Config.Model.BindTestSupport;

namespace Xen.Hvm.Tests.Config.Model;

/// <summary><c>doc.WithModel(model)</c>: the smallest edits that make a document bind to a model, and the changes it refuses.</summary>
public sealed class ApplyTests
{
    private const string Xl =
        "# Windows guest\n" +
        "name = 'win'   # the name\n" +
        "type = \"hvm\"\n" +
        "memory=512\n" +
        "disk = [ 'phy:/dev/vg/win,hda,w',   # system\n" +
        "         'file:/iso/win.iso,hdc:cdrom,r',\n" +
        "         'file:/data.img,hdb,w' ]\n" +
        "vif = [ 'bridge=xenbr0' ]\n" +
        "k_2 = 'kept'\n";

    private static ConfigDocument ParseXl(string text) => XenConfig.Parse(text, "guest.cfg", new XenConfigParseOptions { Dialect = ConfigDialect.Xl });

    private static ConfigDocument ParseXm(string text) => XenConfig.Parse(text, "guest.cfg", new XenConfigParseOptions { Dialect = ConfigDialect.Xm });

    private static readonly BindOptions s_xm = new() { Toolstack = Toolstack.Xm };

    private static DiskSpec Disk(string text, ConfigDialect dialect = ConfigDialect.Xl) => DiskSpec.Parse(text, dialect, null).Value;

    [Fact]
    public void WithModel_TheBoundModel_ChangesNothing()
    {
        ConfigDocument doc = ParseXl(Xl);
        ApplyResult r = doc.WithModel(DomainConfig.Bind(doc).Config);

        Assert.Equal(Xl, r.Document.Text);
        Assert.Empty(r.ChangedKeys);
        Assert.False(r.HasRefusals);
        Assert.Empty(r.Diagnostics);
    }

    [Fact]
    public void WithModel_ChangedScalars_EditOnlyTheirValues()
    {
        ConfigDocument doc = ParseXl(Xl);
        DomainConfig model = DomainConfig.Bind(doc).Config with { MemoryMiB = 1024, Name = "win 'ten'" };
        ApplyResult r = doc.WithModel(model);

        Assert.Equal(Xl.Replace("memory=512", "memory=1024", StringComparison.Ordinal).Replace("'win'", "\"win 'ten'\"", StringComparison.Ordinal), r.Document.Text);
        Assert.Equal(["name", "memory"], r.ChangedKeys);
        Assert.Equal(model, r.Bound.Config);
    }

    [Fact]
    public void WithModel_ClearedAndNewOptions_RemoveTheSettingAndAppendALine()
    {
        ConfigDocument doc = ParseXl(Xl);
        DomainConfig model = DomainConfig.Bind(doc).Config with { Type = null, Vcpus = 2, OnCrash = ShutdownAction.Preserve };
        ApplyResult r = doc.WithModel(model);

        Assert.Equal(Xl.Replace("type = \"hvm\"\n", string.Empty, StringComparison.Ordinal) + "vcpus = 2\non_crash = 'preserve'\n", r.Document.Text);
        Assert.Equal(model, r.Bound.Config);
    }

    [Fact]
    public void WithModel_ChangedDisk_ReplacesOnlyThatItemInTheXlForm()
    {
        ConfigDocument doc = ParseXl(Xl);
        DomainConfig bound = DomainConfig.Bind(doc).Config;
        DomainConfig model = bound with { Disks = bound.Disks!.WithItem(2, Disk("file:/data2.img,hdb,w")) };
        ApplyResult r = doc.WithModel(model);

        string expected = Xl.Replace("'file:/data.img,hdb,w'", "'" + Disk("file:/data2.img,hdb,w").ToSpecString(ConfigDialect.Xl) + "'", StringComparison.Ordinal);
        Assert.Equal(expected, r.Document.Text);
        Assert.Equal(model, r.Bound.Config);
    }

    [Fact]
    public void WithModel_RemovedDiskOnItsOwnLine_RemovesTheLine()
    {
        ConfigDocument doc = ParseXl(Xl);
        DomainConfig bound = DomainConfig.Bind(doc).Config;
        ApplyResult r = doc.WithModel(bound with { Disks = bound.Disks!.WithoutItem(1) });

        Assert.Equal(Xl.Replace("         'file:/iso/win.iso,hdc:cdrom,r',\n", string.Empty, StringComparison.Ordinal), r.Document.Text);
    }

    [Fact]
    public void WithModel_RemovedFirstDisk_KeepsTheOtherLines()
    {
        ConfigDocument doc = ParseXl(Xl);
        DomainConfig bound = DomainConfig.Bind(doc).Config;
        ApplyResult r = doc.WithModel(bound with { Disks = bound.Disks!.WithoutItem(0) });

        Assert.Equal(Xl.Replace("'phy:/dev/vg/win,hda,w',   # system\n         ", string.Empty, StringComparison.Ordinal), r.Document.Text);
        Assert.Equal(2, r.Bound.Config.Disks!.Count);
    }

    [Fact]
    public void WithModel_AddedDisk_GoesOnALineOfItsOwn()
    {
        ConfigDocument doc = ParseXl(Xl);
        DomainConfig bound = DomainConfig.Bind(doc).Config;
        DiskSpec added = Disk("/x.img,raw,xvdb,w");
        ApplyResult r = doc.WithModel(bound with { Disks = bound.Disks!.WithItemAppended(added) });

        Assert.Equal(Xl.Replace("'file:/data.img,hdb,w' ]", "'file:/data.img,hdb,w',\n         '" + added.ToSpecString() + "' ]", StringComparison.Ordinal), r.Document.Text);
    }

    [Fact]
    public void WithModel_XmDisk_PrintsInTheXmForm()
    {
        const string text = "name = 'a'\ndisk = ['phy:/dev/vg/a,hda,w']\n";
        ConfigDocument doc = ParseXm(text);
        DomainConfig bound = DomainConfig.Bind(doc, s_xm).Config;
        DiskSpec added = Disk("file:/b.img,hdb,r", ConfigDialect.Xm);
        ApplyResult r = doc.WithModel(bound with { Disks = bound.Disks!.WithItemAppended(added) }, s_xm);

        Assert.Equal("name = 'a'\ndisk = ['phy:/dev/vg/a,hda,w', '" + added.ToSpecString(ConfigDialect.Xm) + "']\n", r.Document.Text);
        Assert.False(r.HasRefusals);
    }

    [Fact]
    public void WithModel_XmComputedValue_IsRefusedAtItAndTheRestIsWritten()
    {
        const string text = "base = 256\nmemory = base * 2\nname = 'a'\n";
        ConfigDocument doc = ParseXm(text);
        DomainConfig bound = DomainConfig.Bind(doc, s_xm).Config;
        ApplyResult r = doc.WithModel(bound with { MemoryMiB = 1024, Name = "b" }, s_xm);

        Assert.Equal(text.Replace("'a'", "'b'", StringComparison.Ordinal), r.Document.Text);
        Assert.Equal(["memory"], r.RefusedKeys);
        Diagnostic d = Assert.Single(r.Diagnostics);
        Assert.Equal(DiagnosticIds.WriteBackComputedValue, d.Id);
        Assert.Equal(SpanOf(text, "base * 2"), d.Span);
        Assert.True(r.Document.HasRefusedEdits);
        Assert.Contains(r.Document.Diagnostics, x => x.Id == DiagnosticIds.WriteBackComputedValue);
    }
}

using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Tests.Config.Xm;

public sealed class XmEditingTests
{
    private const string Sample = """
        import os, re
        arch = os.uname()[4]
        if re.search('64', arch):
            arch_libdir = 'lib64'
        else:
            arch_libdir = 'lib'
        memory = 128 # MiB
        name = 'hvm'
        device_model = '/usr/' + arch_libdir + '/xen/bin/qemu-dm'
        disk = [ 'file:/a.img,hda,w' ]

        """;

    [Fact]
    public void SetValue_SimpleAssignment_ReplacesOnlyTheValue()
    {
        ConfigDocument doc = XmParserTests.Xm(Sample).SetValue("memory", 512).SetValue("name", "win's");

        Assert.Equal(Sample.Replace("memory = 128", "memory = 512", StringComparison.Ordinal).Replace("name = 'hvm'", "name = 'win\\'s'", StringComparison.Ordinal), doc.ToFullString());
        Assert.Equal(ConfigDialect.Xm, doc.Dialect);
        Assert.Empty(doc.Diagnostics);
    }

    [Fact]
    public void SetValue_ComputedValue_BecomesALiteralWithXH4201()
    {
        ConfigDocument doc = XmParserTests.Xm(Sample).SetValue("device_model", "qemu-dm");

        Assert.Contains("device_model = 'qemu-dm'\n", doc.ToFullString(), StringComparison.Ordinal);
        Assert.Contains("if re.search('64', arch):", doc.ToFullString(), StringComparison.Ordinal);
        Diagnostic d = Assert.Single(doc.Diagnostics);
        Assert.Equal(DiagnosticIds.XmComputedValueReplaced, d.Id);
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
        Assert.Equal("'qemu-dm'", doc.Text.Substring(d.Span.Start, d.Span.Length));
        Assert.Equal("qemu-dm", doc.Evaluate(XmEvaluationContext.Default).Variables.GetString("device_model"));
    }

    [Fact]
    public void SetValue_FurtherEdits_KeepTheNoteAtItsMovedPlace()
    {
        ConfigDocument doc = XmParserTests.Xm(Sample).SetValue("device_model", "qemu-dm").SetValue("memory", 1024).RemoveSetting("arch");

        Diagnostic d = Assert.Single(doc.Diagnostics, x => x.Id == DiagnosticIds.XmComputedValueReplaced);
        Assert.Equal("'qemu-dm'", doc.Text.Substring(d.Span.Start, d.Span.Length));
        Assert.Empty(XmParserTests.Xm(Sample).SetValue("device_model", "qemu-dm").SetValue("device_model", "x").Diagnostics);
    }

    [Fact]
    public void SetValue_NameAssignedInABlockAfterwards_AddsTheSettingAtTheEnd()
    {
        ConfigDocument doc = XmParserTests.Xm("arch_libdir = 'lib'\nif 1:\n    arch_libdir = 'lib64'\n").SetValue("arch_libdir", "lib32");

        Assert.Equal("arch_libdir = 'lib'\nif 1:\n    arch_libdir = 'lib64'\narch_libdir = 'lib32'\n", doc.ToFullString());
        Assert.Equal("lib32", doc.Evaluate(XmEvaluationContext.Default).Variables.GetString("arch_libdir"));
    }

    [Fact]
    public void SetValue_NegativeIntegerAndFloat_AreBarePythonNumbers()
    {
        ConfigDocument doc = XmParserTests.Xm("rtc_timeoffset = 0\nx = 1\n").SetValue("rtc_timeoffset", -3600).SetValue("x", new ConfigFloat(2));

        Assert.Equal("rtc_timeoffset = -3600\nx = 2.0\n", doc.ToFullString());
        Assert.Equal(new ConfigInteger(-3600), doc.Values["rtc_timeoffset"]);
    }

    [Fact]
    public void AppendToListAndRemoveAndAdd_WorkOnXmFiles()
    {
        ConfigDocument doc = XmParserTests.Xm(Sample)
            .AppendToList("disk", "file:/b.iso,hdc:cdrom,r")
            .RemoveSetting("name")
            .AddSetting("vcpus", new ConfigInteger(2), after: "memory");

        string text = doc.ToFullString();
        Assert.Contains("disk = [ 'file:/a.img,hda,w', 'file:/b.iso,hdc:cdrom,r' ]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("name =", text, StringComparison.Ordinal);
        Assert.Contains("memory = 128 # MiB\nvcpus = 2\n", text, StringComparison.Ordinal);
        Assert.False(doc.HasErrors);
    }

    [Theory]
    [InlineData("vif.default.script")]
    [InlineData("if")]
    [InlineData("9x")]
    public void SetValue_NameThatIsNotAPythonIdentifier_Throws(string name)
    {
        Assert.Throws<ArgumentException>(() => XmParserTests.Xm("x = 1\n").SetValue(name, "v"));
    }

    [Fact]
    public void SetValue_UppercaseName_IsValidInXm()
    {
        Assert.Equal("x = 1\nVmId = \"a\"\n", XmParserTests.Xm("x = 1\n").SetValue("VmId", "a").ToFullString());
    }
}

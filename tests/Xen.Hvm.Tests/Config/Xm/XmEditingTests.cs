using System.Text;
using System.Text.Json.Nodes;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Tests.Infrastructure;

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
    public void WithValue_SimpleAssignment_ReplacesOnlyTheValue()
    {
        ConfigDocument doc = XmParserTests.Xm(Sample).WithValue("memory", 512).WithValue("name", "win's");

        Assert.Equal(Sample.Replace("memory = 128", "memory = 512", StringComparison.Ordinal).Replace("name = 'hvm'", "name = 'win\\'s'", StringComparison.Ordinal), doc.ToFullString());
        Assert.Equal(ConfigDialect.Xm, doc.Dialect);
        Assert.Empty(doc.Diagnostics);
    }

    [Fact]
    public void WithValue_ComputedValue_BecomesALiteralWithXH4201()
    {
        ConfigDocument doc = XmParserTests.Xm(Sample).WithValue("device_model", "qemu-dm");

        Assert.Contains("device_model = 'qemu-dm'\n", doc.ToFullString(), StringComparison.Ordinal);
        Assert.Contains("if re.search('64', arch):", doc.ToFullString(), StringComparison.Ordinal);
        Diagnostic d = Assert.Single(doc.Diagnostics);
        Assert.Equal(DiagnosticIds.XmComputedValueReplaced, d.Id);
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
        Assert.Equal("'qemu-dm'", doc.Text.Substring(d.Span.Start, d.Span.Length));
        Assert.Equal("qemu-dm", doc.Evaluate(XmEvaluationContext.Default).Variables.GetString("device_model"));
    }

    [Fact]
    public void WithValue_FurtherEdits_KeepTheNoteAtItsMovedPlace()
    {
        ConfigDocument doc = XmParserTests.Xm(Sample).WithValue("device_model", "qemu-dm").WithValue("memory", 1024).WithoutSetting("arch");

        Diagnostic d = Assert.Single(doc.Diagnostics, x => x.Id == DiagnosticIds.XmComputedValueReplaced);
        Assert.Equal("'qemu-dm'", doc.Text.Substring(d.Span.Start, d.Span.Length));
        Assert.Empty(XmParserTests.Xm(Sample).WithValue("device_model", "qemu-dm").WithValue("device_model", "x").Diagnostics);
    }

    [Fact]
    public void WithValue_NameAssignedInABlockAfterwards_AddsTheSettingAtTheEnd()
    {
        ConfigDocument doc = XmParserTests.Xm("arch_libdir = 'lib'\nif 1:\n    arch_libdir = 'lib64'\n").WithValue("arch_libdir", "lib32");

        Assert.Equal("arch_libdir = 'lib'\nif 1:\n    arch_libdir = 'lib64'\narch_libdir = 'lib32'\n", doc.ToFullString());
        Assert.Equal("lib32", doc.Evaluate(XmEvaluationContext.Default).Variables.GetString("arch_libdir"));
    }

    [Fact]
    public void WithValue_NegativeIntegerAndFloat_AreBarePythonNumbers()
    {
        ConfigDocument doc = XmParserTests.Xm("rtc_timeoffset = 0\nx = 1\n").WithValue("rtc_timeoffset", -3600).WithValue("x", new ConfigFloat(2));

        Assert.Equal("rtc_timeoffset = -3600\nx = 2.0\n", doc.ToFullString());
        Assert.Equal(new ConfigInteger(-3600), doc.Values["rtc_timeoffset"]);
    }

    [Fact]
    public void WithItemAppendedWithoutSettingAndWithSettingInserted_WorkOnXmFiles()
    {
        ConfigDocument doc = XmParserTests.Xm(Sample)
            .WithItemAppended("disk", "file:/b.iso,hdc:cdrom,r")
            .WithoutSetting("name")
            .WithSettingInserted("vcpus", new ConfigInteger(2), after: "memory");

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
    public void WithValue_NameThatIsNotAPythonIdentifier_Throws(string name)
    {
        Assert.Throws<ArgumentException>(() => XmParserTests.Xm("x = 1\n").WithValue(name, "v"));
    }

    [Fact]
    public void WithValue_UppercaseName_IsValidInXm()
    {
        Assert.Equal("x = 1\nVmId = \"a\"\n", XmParserTests.Xm("x = 1\n").WithValue("VmId", "a").ToFullString());
    }

    [Theory]
    [InlineData("x = 1 \\\n", "x = 1 \\\n\nname = \"a\"\n")]
    [InlineData("x = 1 \\", "x = 1 \\\n\nname = \"a\"")]
    [InlineData("x = 1 \\\r\n", "x = 1 \\\r\n\r\nname = \"a\"\r\n")]
    [InlineData("x = 1 \\\n# c\n", "x = 1 \\\n# c\nname = \"a\"\n")]
    [InlineData("if 1:\n    x = 1 \\\n", "if 1:\n    x = 1 \\\n\nname = \"a\"\n")]
    public void WithValue_FileEndsInALineContinuation_AddsTheSettingOnAClearLine(string text, string expected)
    {
        ConfigDocument doc = XmParserTests.Xm(text).WithValue("name", "a");

        Assert.Equal(expected, doc.ToFullString());
        Assert.False(doc.HasErrors);
        Assert.Equal("a", doc.Values.GetString("name"));
        Assert.Equal(new ConfigInteger(1), doc.Evaluate(XmEvaluationContext.Default).Variables["x"]);
    }

    [PythonFact(2)]
    public void WithValue_FileEndsInALineContinuation_Python2ReadsBothSettings()
    {
        foreach (string text in (string[])["x = 1 \\\n", "x = 1 \\", "x = 1 \\\r\n", "x = 1 \\\n# c\n", "if 1:\n    x = 1 \\\n"])
        {
            JsonObject values = RunPython2(XmParserTests.Xm(text).WithValue("name", "a").ToBytes());

            Assert.Equal(1, values["x"]!.GetValue<int>());
            Assert.Equal(Hex("a"), values["name"]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData("disk = [ 'a',\n")]
    [InlineData("disk = [ 'a',\r\n")]
    [InlineData("x = '''abc\n")]
    [InlineData("x = f(1,\n# comment\n")]
    public void WithValue_FileEndsInsideAnOpenBracketOrString_RefusesWithXH2008(string text)
    {
        ConfigDocument doc = XmParserTests.Xm(text).WithValue("name", "a");

        Assert.Equal(text, doc.ToFullString());
        Diagnostic d = Assert.Single(doc.Diagnostics, x => x.Id == DiagnosticIds.EditInsideOpenStatement);
        Assert.Equal(0, d.Span.Start);
    }

    [Fact]
    public void WithValue_NonAsciiInFileWithoutCodingLine_WritesUtf8EscapesWithXH4202()
    {
        ConfigDocument doc = XmParserTests.Xm("name = 'a'\n").WithValue("name", "café");

        Assert.Equal("name = 'caf\\xc3\\xa9'\n", doc.ToFullString());
        Assert.True(Ascii.IsValid(doc.ToBytes()));
        Diagnostic d = Assert.Single(doc.Diagnostics);
        Assert.Equal(DiagnosticIds.XmEditNonAsciiEscaped, d.Id);
        Assert.Equal(DiagnosticSeverity.Info, d.Severity);
        Assert.Equal("'caf\\xc3\\xa9'", doc.Text.Substring(d.Span.Start, d.Span.Length));
    }

    [Fact]
    public void WithSettingInsertedAndWithItemAppended_NonAsciiInFileWithoutCodingLine_WriteEscapes()
    {
        ConfigDocument doc = XmParserTests.Xm("disk = [ 'a' ]\n").WithItemAppended("disk", "file:/é.img,hda,w").WithSettingInserted("name", "ü", after: "disk");

        Assert.Equal("disk = [ 'a', 'file:/\\xc3\\xa9.img,hda,w' ]\nname = '\\xc3\\xbc'\n", doc.ToFullString());
        string[] spans = [.. doc.Diagnostics.Where(d => d.Id == DiagnosticIds.XmEditNonAsciiEscaped).Select(d => doc.Text.Substring(d.Span.Start, d.Span.Length))];
        Assert.Equal(["'file:/\\xc3\\xa9.img,hda,w'", "'\\xc3\\xbc'"], spans);
        Assert.False(doc.HasErrors);
    }

    [Theory]
    [InlineData("# -*- coding: utf-8 -*-\n", "636166c3a9")]
    [InlineData("#!/usr/bin/python\n# vim: set fileencoding=utf-8 :\n", "636166c3a9")]
    [InlineData("\uFEFF", "636166c3a9")]
    [InlineData("# -*- coding: latin-1 -*-\n", "636166e9")]
    [InlineData("# coding=cp1252\n", "636166e9")]
    [InlineData("", "636166c3a9")]
    public void WithValue_NonAscii_WritesTheBytesTheFileEncodingGives(string head, string expectedHex)
    {
        ConfigDocument doc = XmParserTests.Xm(head + "name = 'a'\n").WithValue("name", "café");

        Assert.False(doc.HasErrors);
        string literal = doc.Settings.Single(s => s.Name == "name").Value.ToString();
        Assert.Equal(expectedHex, Convert.ToHexString(ValueBytes(literal)).ToLowerInvariant());
    }

    [PythonFact(2)]
    public void WithValue_NonAscii_Python2CompilesTheFileAndReadsTheIntendedBytes()
    {
        foreach (var (head, hex) in (ReadOnlySpan<(string, string)>)[("", "636166c3a9"), ("# -*- coding: utf-8 -*-\n", "636166c3a9"), ("\uFEFF", "636166c3a9"), ("# -*- coding: latin-1 -*-\n", "636166e9"), ("# coding=cp1252\n", "636166e9")])
        {
            ConfigDocument doc = XmParserTests.Xm(head + "name = 'a'\ndisk = []\n").WithValue("name", "café").WithItemAppended("disk", "é");

            JsonObject values = RunPython2(doc.ToBytes());

            Assert.Equal(hex, values["name"]!.GetValue<string>());
            Assert.Equal(hex[6..], values["disk"]![0]!.GetValue<string>());
        }
    }

    [Theory]
    [InlineData("# -*- coding: latin-1 -*-\n", "€", DiagnosticIds.XmEditCharacterNotInEncoding)]
    [InlineData("# -*- coding: ascii -*-\n", "é", DiagnosticIds.XmEditCharacterNotInEncoding)]
    [InlineData("# -*- coding: klingon -*-\n", "é", DiagnosticIds.XmEditUnknownEncoding)]
    public void WithValue_CharacterTheDeclaredEncodingCannotHold_RefusesAtTheDeclaration(string head, string value, string id)
    {
        string text = head + "name = 'a'\n";

        ConfigDocument doc = XmParserTests.Xm(text).WithValue("name", value);

        Assert.Equal(text, doc.ToFullString());
        Diagnostic d = Assert.Single(doc.Diagnostics, x => x.Id == id);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
        Assert.Equal(head.TrimEnd('\n'), doc.Text.Substring(d.Span.Start, d.Span.Length));
        Assert.Equal(text, XmParserTests.Xm(text).WithSettingInserted("other", value).ToFullString());
        Assert.Equal("xyz", XmParserTests.Xm(text).WithValue("name", "xyz").Values.GetString("name"));
    }

    [Fact]
    public void WithValue_UndecodableByteOfALoadedFile_IsWrittenAsThatByte()
    {
        ConfigDocument latin1 = XenConfig.Parse([.. "x = '"u8, 0xE9, .. "'\n"u8], options: new XenConfigParseOptions { Dialect = ConfigDialect.Xm });
        string value = ((Xen.Hvm.Config.Syntax.StringLiteralSyntax)latin1.Settings[0].Value).Value;

        ConfigDocument doc = XmParserTests.Xm("y = ''\n").WithValue("y", value);

        Assert.Equal("y = '\\xe9'\n", doc.ToFullString());
    }

    private static string Hex(string ascii) => Convert.ToHexString(Encoding.ASCII.GetBytes(ascii)).ToLowerInvariant();

    /// <summary>The bytes a Python 2 str literal of ours stands for: ASCII, \x escapes, and the file's own bytes.</summary>
    private static byte[] ValueBytes(string literal)
    {
        byte[] raw = Xen.Hvm.Internal.ByteText.Encode(literal[1..^1]);
        var bytes = new List<byte>();
        for (int i = 0; i < raw.Length; i++)
        {
            if (raw[i] == '\\' && raw[i + 1] == 'x')
            {
                bytes.Add(Convert.FromHexString(Encoding.ASCII.GetString(raw, i + 2, 2))[0]);
                i += 3;
            }
            else
            {
                bytes.Add(raw[i]);
            }
        }

        return [.. bytes];
    }

    /// <summary>Runs a file with Python 2's execfile and returns its variables; strings as the hex of their bytes.</summary>
    internal static JsonObject RunPython2(byte[] file)
    {
        using var dir = new TempDirectory();
        string path = dir.File("guest.cfg");
        File.WriteAllBytes(path, file);
        const string Script = """
            import json, sys
            d = {}
            execfile(sys.argv[1], d)
            def conv(v):
                if isinstance(v, str): return v.encode('hex')
                if isinstance(v, list): return [conv(x) for x in v]
                return v
            kept = (str, list, int, long, float)
            sys.stdout.write(json.dumps(dict((k, conv(v)) for k, v in d.items() if isinstance(v, kept))))
            """;
        var (code, output, error) = PythonInterpreters.Run(PythonInterpreters.Python2!, ["-c", Script, path], string.Empty);
        Assert.True(code == 0, error);
        return JsonNode.Parse(output)!.AsObject();
    }
}

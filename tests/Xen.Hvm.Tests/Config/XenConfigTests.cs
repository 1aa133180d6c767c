using System.Diagnostics.Contracts;
using System.Reflection;
using Xen.Hvm.Config;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Config;

public sealed class XenConfigTests
{
    private static readonly byte[] s_latin1 = [.. "name = 'caf"u8, 0xE9, .. "'\nmemory = 512\n"u8];

    [Fact]
    public void Parse_Stream_ReadsToTheEndKeepsTheBytesAndLeavesTheStreamOpen()
    {
        using var stream = new MemoryStream(s_latin1);

        ConfigDocument doc = XenConfig.Parse(stream, "g.cfg");

        Assert.Equal(s_latin1, doc.ToBytes());
        Assert.Equal("g.cfg", doc.Path);
        Assert.Equal(stream.Length, stream.Position);
        Assert.True(stream.CanRead);
    }

    [Fact]
    public async Task ParseAsync_Stream_GivesTheDocumentParseGives()
    {
        using var stream = new MemoryStream(s_latin1);

        ConfigDocument doc = await XenConfig.ParseAsync(stream, "g.cfg");

        Assert.Equal(XenConfig.Parse(s_latin1, "g.cfg").ToFullString(), doc.ToFullString());
        Assert.Equal(512, doc.Values.GetInt64("memory"));
    }

    [Fact]
    public async Task LoadAsync_AndWriteToAsync_RoundTripTheBytes()
    {
        using var dir = new TempDirectory();
        string path = dir.File("g.cfg");
        await File.WriteAllBytesAsync(path, s_latin1);

        ConfigDocument doc = await XenConfig.LoadAsync(path);
        using var output = new MemoryStream();
        await doc.WriteToAsync(output);

        Assert.Equal(s_latin1, output.ToArray());
    }

    [Fact]
    public void ConfigDocument_EveryEdit_IsAPureWithMethodAndNoneMutates()
    {
        // The trap: doc.SetValue(...); doc.Save(path) compiled without a warning and saved nothing. The edits are now
        // With* methods marked [Pure] in the assembly's metadata, so CA1806 (and XH0001) report an ignored result.
        MethodInfo[] methods = typeof(ConfigDocument).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly);
        MethodInfo[] edits = methods.Where(m => m.ReturnType == typeof(ConfigDocument)).ToArray();

        Assert.Equal(["WithItemAppended", "WithSettingInserted", "WithValue", "WithoutSetting"], edits.Select(m => m.Name).Distinct().Order(StringComparer.Ordinal));
        Assert.All(edits, m => Assert.NotNull(m.GetCustomAttribute<PureAttribute>()));
        Assert.DoesNotContain(methods, m => m.Name.StartsWith("Set", StringComparison.Ordinal) || m.Name.StartsWith("Add", StringComparison.Ordinal) || m.Name.StartsWith("Remove", StringComparison.Ordinal) || m.Name.StartsWith("Append", StringComparison.Ordinal));
        Assert.NotNull(typeof(ConfigDocument).GetMethod(nameof(ConfigDocument.Evaluate))!.GetCustomAttribute<PureAttribute>());
        Assert.NotNull(typeof(XmEvaluationContext).GetMethod(nameof(XmEvaluationContext.WithCommandLine))!.GetCustomAttribute<PureAttribute>());
    }
}

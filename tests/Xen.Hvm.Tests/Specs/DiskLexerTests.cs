using FsCheck;
using FsCheck.Fluent;
using Xen.Hvm.Specs.Internal;
using Xen.Hvm.Tests.Specs.Oracles;

namespace Xen.Hvm.Tests.Specs;

/// <summary>The hand-written disk scanner agrees with its Sprache oracle (which states every flex rule itself),
/// token for token.</summary>
public sealed class DiskLexerTests
{
    private static readonly string[] Pieces =
    [
        "format=", "raw", "qcow2", "vdev=", "xvda", "hdc", "access=", "w", "ro", "target=", "devtype=", "cdrom", "disk",
        "backend=", "backendtype=", "phy", "script=", "discard", "no-discard", "colo", "colo-port=", "trusted", "untrusted",
        "grant_usage=1", "grant_usage=0", "direct-io-safe", "specification=", "tap:", "tap2:", "tapdisk:", "aio:", "ioemu:",
        "file:", "phy:", "nbd:", "qcow:", "vhd:", "sync:", "abc:", ":", ",", ",", ",", "=", " ", "\t", "\n", "/x", "a", "1",
        "-", "x=y", "VDEV=",
    ];

    private static Gen<string> SpecLike() =>
        Gen.Elements(Pieces).ArrayOf().Select(parts => string.Concat(parts));

    [Fact]
    public void Scan_RandomSpecLikeText_AgreesWithSpracheOracle()
    {
        Prop.ForAll(Arb.From(SpecLike()), text =>
        {
            var fast = DiskLexer.Scan(text);
            var oracle = SpracheDiskLexer.Scan(text);
            Assert.Equal(oracle, fast);
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Scan_RandomStrings_AgreesWithSpracheOracle()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), text =>
        {
            text ??= string.Empty;
            Assert.Equal(SpracheDiskLexer.Scan(text), DiskLexer.Scan(text));
            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Theory]
    [InlineData("phy:/dev/x,xvda,w", new[] { "PhyPrefix", "Positional", "Positional", "Positional" })]
    [InlineData(" /x , , xvda", new[] { "Whitespace", "Positional", "Whitespace", "Positional", "Whitespace", "Positional" })]
    [InlineData("cdrom,cdromx", new[] { "Cdrom", "Positional" })]
    [InlineData("tap:sync:/x", new[] { "TapPrefix", "UnknownPrefix" })]
    [InlineData("abc:1,x", new[] { "Positional", "Positional" })]
    [InlineData("target=a,b\nc", new[] { "Target", "Whitespace", "Positional" })]
    [InlineData("foo=bar", new[] { "UnknownParameter", "Positional" })]
    [InlineData("x=", new[] { "Positional", "LexError" })]
    public void Scan_KnownInputs_PickFlexRules(string text, string[] ruleNames)
    {
        var rules = ruleNames.Select(Enum.Parse<DiskRule>).ToArray();
        Assert.Equal(rules, DiskLexer.Scan(text).Select(t => t.Rule).ToArray());
        Assert.Equal(rules, SpracheDiskLexer.Scan(text).Select(t => t.Rule).ToArray());
    }

    [Fact]
    public void Patterns_OneRowPerFlexRule_InTheOraclesOrder()
    {
        Assert.Equal(SpracheDiskLexer.RuleCount, DiskLexer.Patterns.Length);
        Assert.Equal(Enum.GetValues<DiskRule>(), DiskLexer.Patterns.Select(p => p.Rule));
    }
}

using FsCheck;
using FsCheck.Fluent;
using Pidgin;
using Sprache;
using Xen.Hvm.Specs;
using Xen.Hvm.Specs.Internal;
using Xen.Hvm.Tests.Specs.Oracles;

namespace Xen.Hvm.Tests.Specs;

/// <summary>The shipped scanner and Pidgin grammars (<see cref="SpecGrammar"/>) and their oracles (the Sprache grammars
/// of <see cref="SpracheSpecGrammar"/>, and for the cutting the Pidgin grammar of <see cref="PidginSplitGrammar"/> the
/// scanner replaced) read random text the same way, piece for piece and position for position.</summary>
public sealed class SpecGrammarTests
{
    /// <summary>Text made mostly of the characters the grammars cut at, so that separators, empty fields, keys
    /// without values and values holding '=' or ':' are common, with some arbitrary strings besides.</summary>
    internal static Gen<string> CuttableText() =>
        Gen.Frequency(
            (5, Gen.Elements(',', '=', ':', ' ', '\t', '/', 'a', 'b', '1', '0', '@', '.', 'x', '\n').ArrayOf().Select(cs => new string(cs))),
            (1, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty)));

    [Fact]
    public void Split_RandomText_AgreesWithSpracheOracle()
    {
        Prop.ForAll(Arb.From(CuttableText()), text =>
        {
            foreach (char separator in ",/")
            {
                Assert.Equal(SpracheSpecGrammar.Split(text, separator), SpecGrammar.Split(text, separator).Select(t => (t.Start, t.Text)));
                Assert.Equal(SpracheSpecGrammar.Tokenize(text, separator), SpecGrammar.Tokenize(text, separator).Select(t => (t.Start, t.Text)));
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Cutting_RandomText_AgreesWithPidginOracle()
    {
        Prop.ForAll(Arb.From(CuttableText()), Arb.From(Gen.Choose(0, 20)), (text, start) =>
        {
            foreach (char separator in ",/")
            {
                Assert.Equal(PidginSplitGrammar.Split(text, separator), SpecGrammar.Split(text, separator).Select(t => (t.Start, t.End)));
            }

            Assert.Equal(PidginSplitGrammar.Items(text), SpecGrammar.Items(text).Select(Raw));
            Assert.Equal(PidginSplitGrammar.Strtok(text), SpecGrammar.StrtokItemsOf(text).Select(Raw));
            var whole = PidginSplitGrammar.KeyValue(text);
            Assert.Equal(whole with { Start = whole.Start + start, KeyEnd = whole.KeyEnd + start, End = whole.End + start }, Raw(SpecGrammar.KeyValue(new SpecToken(start, text))));
        }).QuickCheckThrowOnFailure();

        static PidginSplitGrammar.RawItem Raw(SpecItem item)
        {
            Assert.Equal(item.Whole.Start, item.Key.Start);
            Assert.Equal(item.HasEquals ? item.Key.End + 1 : item.Key.End, item.Value.Start);
            Assert.Equal(item.Whole.End, item.Value.End);
            return new(item.Whole.Start, item.Key.End, item.HasEquals, item.Whole.End);
        }
    }

    [Fact]
    public void KeyValue_RandomField_AgreesWithSpracheOracle()
    {
        Prop.ForAll(Arb.From(CuttableText()), Arb.From(Gen.Choose(0, 20)), (text, start) =>
        {
            var item = SpecGrammar.KeyValue(new SpecToken(start, text));
            var (key, value) = SpracheSpecGrammar.KeyValue((start, text));
            Assert.Equal(key, (item.Key.Start, item.Key.Text));
            Assert.Equal(value is not null, item.HasEquals);
            Assert.Equal(value ?? (start + text.Length, string.Empty), (item.Value.Start, item.Value.Text));
            Assert.Equal((start, text), (item.Whole.Start, item.Whole.Text));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void StrtokItems_RandomText_AgreeWithSpracheOracle()
    {
        Prop.ForAll(Arb.From(CuttableText()), text =>
        {
            var expected = SpracheSpecGrammar.Strtok(text)
                .Select(x => (x.Whole, x.Item.Key, x.Item.Value ?? (x.Whole.Start + x.Whole.Text.Length, string.Empty), x.Item.Value is not null));
            var actual = SpecGrammar.StrtokItemsOf(text)
                .Select(i => ((i.Whole.Start, i.Whole.Text), (i.Key.Start, i.Key.Text), (i.Value.Start, i.Value.Text), i.HasEquals));
            Assert.Equal(expected, actual);

            // The comma items without the strtok rules are the Python split, each cut at its first '=' as the
            // oracle's KEY[=VALUE] grammar cuts it.
            var items = SpecGrammar.Items(text).ToArray();
            Assert.Equal(SpracheSpecGrammar.Split(text, ','), items.Select(i => (i.Whole.Start, i.Whole.Text)));
            foreach (var item in items)
            {
                var (key, value) = SpracheSpecGrammar.KeyValue((item.Whole.Start, item.Whole.Text));
                Assert.Equal(key, (item.Key.Start, item.Key.Text));
                Assert.Equal(value is not null, item.HasEquals);
                Assert.Equal(value ?? (item.Whole.Start + item.Whole.Text.Length, string.Empty), (item.Value.Start, item.Value.Text));
            }
        }).QuickCheckThrowOnFailure();
    }

    /// <summary>Near-valid values of the vif sub-languages: digits, units and marks in random order and number.</summary>
    private static Gen<string> ValuePieces(params string[] pieces) =>
        Gen.Elements(pieces).ArrayOf().Select(parts => string.Concat(parts));

    [Fact]
    public void Rate_NearValidText_AgreesWithSpracheOracle()
    {
        var gen = ValuePieces("0", "1", "9", "10", "K", "M", "G", "k", "B", "b", "/s", "/", "s", "@", "ms");
        Prop.ForAll(Arb.From(gen), text =>
        {
            var oracle = SpracheSpecGrammar.Rate.TryParse(text);
            var shipped = SpecGrammar.Rate.Parse(text);
            Assert.Equal(oracle.WasSuccessful, shipped.Success);
            if (shipped.Success)
            {
                Assert.Equal(oracle.Value, shipped.Value);
            }

            var oracleInterval = SpracheSpecGrammar.Interval.TryParse(text);
            var interval = SpecGrammar.Interval.Parse(text);
            Assert.Equal(oracleInterval.WasSuccessful, interval.Success);
            if (interval.Success)
            {
                Assert.Equal(oracleInterval.Value, interval.Value);
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void VlanTerm_NearValidText_AgreesWithSpracheOracle()
    {
        var gen = ValuePieces("1", "0", "4094", "4095", "123456", "-", "+", "x", "p", "u", "/");
        Prop.ForAll(Arb.From(gen), text =>
        {
            var oracle = SpracheSpecGrammar.VlanTerm.TryParse(text);
            var shipped = SpecGrammar.VlanTermGrammar.Parse(text);
            Assert.Equal(oracle.WasSuccessful, shipped.Success);
            if (shipped.Success)
            {
                Assert.Equal(oracle.Value, shipped.Value);
            }
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void UsbHost_NearValidText_AgreesWithSpracheOracle()
    {
        var gen = from body in ValuePieces("1", "12", "046d", "c52b", "fffff", ":", ".", "1234", "g")
                  from prefix in Gen.Elements("host:", "host:", "host", "hst:")
                  select prefix + body;
        Prop.ForAll(Arb.From(gen), text =>
        {
            var oracle = SpracheSpecGrammar.UsbHost.TryParse(text);
            var shipped = SpecGrammar.UsbHost.Parse(text);
            Assert.Equal(oracle.WasSuccessful, shipped.Success);
            if (shipped.Success)
            {
                var (kind, first, second) = oracle.Value;
                var expectedKind = kind == 0 ? EmulatedUsbDeviceKind.HostByVendorProduct : EmulatedUsbDeviceKind.HostByBusAddress;
                Assert.Equal((expectedKind, first, second), shipped.Value);
            }
        }).QuickCheckThrowOnFailure();
    }
}

using FsCheck;
using FsCheck.Fluent;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Specs;
using static Xen.Hvm.Tests.Config.Model.ApplyTestSupport;

namespace Xen.Hvm.Tests.Config.Model;

/// <summary>
/// The write-back properties, on generated xl and xm documents (strings needing quotes and escapes, lists in five
/// layouts, spec strings with separators, xm expressions, <c>if</c> blocks, <c>disk.append</c>, xl <c>+=</c> chains)
/// and generated changes of their models (values set and cleared, options the file lacks, list items removed,
/// inserted and replaced, other settings removed, changed and added).
/// </summary>
public sealed class ApplyPropertyTests
{
    private static readonly FsCheck.Config s_config = FsCheck.Config.QuickThrowOnFailure.WithMaxTest(150);

    private static (ConfigDocument Doc, BindOptions Options, DomainConfig Bound) Read(ApplyCase c)
    {
        ConfigDocument doc = XenConfig.Parse(c.Text, "guest.cfg", new XenConfigParseOptions { Dialect = c.Dialect });
        Assert.False(doc.HasErrors, string.Join("\n", doc.Diagnostics));
        BindOptions options = c.Dialect == ConfigDialect.Xm ? new BindOptions { Toolstack = Toolstack.Xm } : BindOptions.Default;
        return (doc, options, DomainConfig.Bind(doc, options).Config);
    }

    [Fact]
    public void WithModel_GeneratedChange_ReadsBackAsTheModelExceptCodeItRefuses()
    {
        int changed = 0, refused = 0;
        Prop.ForAll(ApplyGenerators.Cases.ToArbitrary(), c =>
        {
            var (doc, options, bound) = Read(c);
            DomainConfig model = ApplyGenerators.Apply(bound, c.Plan);
            ApplyResult result = doc.WithModel(model, options);

            AssertReadsBack(bound, model, result, options);
            Assert.All(result.RefusedKeys, k => Assert.Contains(k, c.Fragile));
            Assert.All(result.Diagnostics, d => Assert.Contains(d.Id, CodeRefusals));
            Assert.Equal(result.HasRefusals, result.Document.HasRefusedEdits);
            changed += result.ChangedKeys.Count;
            refused += result.RefusedKeys.Count;
        }).Check(s_config);

        // The generator reaches both: many changes written, some refused.
        Assert.True(changed > 300, $"{changed} changes written");
        Assert.True(refused > 5, $"{refused} changes refused");
    }

    [Fact]
    public void WithModel_GeneratedChange_KeepsEveryLineItDidNotTouch()
    {
        Prop.ForAll(ApplyGenerators.Cases.ToArbitrary(), c =>
        {
            var (doc, options, bound) = Read(c);
            DomainConfig model = ApplyGenerators.Apply(bound, c.Plan);
            ApplyResult result = doc.WithModel(model, options);

            AssertUntouchedLinesKept(doc, result.Document, ChangedKeys(bound, model));
        }).Check(s_config);
    }

    [Fact]
    public void WithModel_TheBoundModel_ChangesNoByte()
    {
        Prop.ForAll(ApplyGenerators.Cases.ToArbitrary(), c =>
        {
            var (doc, options, bound) = Read(c);
            ApplyResult result = doc.WithModel(bound, options);

            Assert.Equal(doc.Text, result.Document.Text);
            Assert.Empty(result.ChangedKeys);
            Assert.Empty(result.Diagnostics);
        }).Check(s_config);
    }

    [Fact]
    public void Generators_SpecPools_ParseInTheirDialects()
    {
        Assert.All(ApplyGenerators.XlDisks, t => Assert.True(DiskSpec.Parse(t, ConfigDialect.Xl, null).Success, t + ": " + DiskSpec.Parse(t, ConfigDialect.Xl, null)));
        Assert.All(ApplyGenerators.XmDisks, t => Assert.True(DiskSpec.Parse(t, ConfigDialect.Xm, null).Success, t + ": " + DiskSpec.Parse(t, ConfigDialect.Xm, null)));
        foreach (ConfigDialect d in (ConfigDialect[])[ConfigDialect.Xl, ConfigDialect.Xm])
        {
            Assert.All(ApplyGenerators.Vifs, t => Assert.True(VifSpec.Parse(t, d, null).Success, t));
            Assert.All(ApplyGenerators.Pcis, t => Assert.True(PciSpec.Parse(t, d, null).Success, t));
            Assert.All(ApplyGenerators.CpuLists(d), t => Assert.True(CpuListSpec.Parse(t, d, null).Success, t));
        }

        Assert.All(ApplyGenerators.ViridianGroups, t => Assert.True(ViridianSpec.Parse(t, ConfigDialect.Xl, null).Success, t));
    }
}

using Xen.Hvm.Tests.Config.Xm;
using Xen.Hvm.Tests.DiskImages;

namespace Xen.Hvm.Tests.Infrastructure;

public sealed class JudgesTests
{
    /// <summary>Every judge and what is missing of it (null when present).</summary>
    public static IEnumerable<(string Judge, string? Missing)> All() =>
    [
        ("corpus", Corpus.Missing),
        ("qemu-img", QemuImg.Missing),
        ("xl", XlDryRun.Missing),
        ("python2", PythonInterpreters.Missing(2)),
        ("python3", PythonInterpreters.Missing(3)),
    ];

    [Theory]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsCiValue_CiVariable_MeansCiOnlyWhenTrue(string? value, bool expected) =>
        Assert.Equal(expected, Judges.IsCiValue(value));

    [Fact]
    public void SkipReason_MissingJudge_SkipsLocallyAndRunsInCi()
    {
        Assert.NotNull(Judges.SkipReason("qemu-img not found.", ci: false));
        Assert.Null(Judges.SkipReason("qemu-img not found.", ci: true)); // the test runs, and Require fails it
        Assert.Null(Judges.SkipReason(null, ci: false));
        Assert.Null(Judges.SkipReason(null, ci: true));
    }

    [Fact]
    public void Require_MissingJudge_FailsTheTest() =>
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => Judges.Require<string>(null, "xl not found."));

    // The one test that cannot skip in CI: whichever test would have used a missing judge, CI fails here too,
    // even where a data-driven test would have found no rows to check.
    [CiFact]
    public void EveryJudge_InCi_IsPresent()
    {
        string[] missing = All().Where(j => j.Missing is not null).Select(j => j.Judge + ": " + j.Missing).ToArray();
        Assert.True(missing.Length == 0, "Missing judges in CI: " + string.Join(" ", missing));
    }
}

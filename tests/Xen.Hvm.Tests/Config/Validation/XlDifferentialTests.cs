using FsCheck;
using FsCheck.Fluent;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Validation;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Config.Validation;

/// <summary>
/// The differential property against Xen's own xl 4.17 (<c>xl create -n</c> through xl-dryrun): generated valid
/// guests and single-rule mutations go to both, and under rule set xl we have an error exactly when xl refuses.
/// Forty cases (each xl run takes a process), run two at a time.
/// </summary>
public sealed class XlDifferentialTests
{
    private const int Cases = 40;

    [XlFact]
    public void Validate_RulesXl_ErrorExactlyWhenRealXlRefuses()
    {
        Gen<(string Text, Mutation? Mutation)> gen = Gen.Frequency(
            (1, ValidationArbitraries.Guest(Gen.Constant(false)).Select(static c => (GuestPrinter.Print(c, ConfigDialect.Xl), (Mutation?)null))),
            (1, ValidationArbitraries.Guest(Gen.Constant(true)).Select(static c => (GuestPrinter.Print(c, ConfigDialect.Xl), (Mutation?)null))),
            (3, ValidationArbitraries.MutatedGuests().Generator.Select(static m => (m.Text, (Mutation?)m.Mutation))));
        (string Text, Mutation? Mutation)[] samples = gen.Sample(Cases, 20);

        using var dir = new TempDirectory();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, samples.Length, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            (string text, Mutation? mutation) = samples[i];
            string path = dir.File($"case{i}.cfg");
            File.WriteAllText(path, text);
            bool xlRefuses = XlDryRun.Run(path)["rc"]!.GetValue<int>() != 0;
            ValidationResult ours = ConfigValidator.Validate(
                XenConfig.Parse(text, "guest.cfg", new XenConfigParseOptions { Dialect = ConfigDialect.Xl }),
                new ValidationOptions { Rules = ValidationRuleSet.Xl });
            if (xlRefuses != ours.HasErrors || (mutation is not null && mutation.XlRefuses != xlRefuses))
            {
                failures.Add($"{mutation?.Name ?? "valid"}: xl refuses {xlRefuses}, ours {string.Join("; ", ours.Diagnostics.Where(static d => d.IsError))}\n{text}");
            }
        });

        Assert.Empty(failures);
    }
}

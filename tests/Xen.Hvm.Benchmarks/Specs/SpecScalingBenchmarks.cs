using System.Text;
using BenchmarkDotNet.Attributes;
using Xen.Hvm.Config;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Benchmarks.Specs;

/// <summary>How the time of one parse grows with its input: a spec of every language made of its typical specs of
/// <see cref="SpecInputs"/> joined by commas, 4 KiB, 16 KiB and 64 KiB long. A linear parser's 16x mean is about 16 times
/// its 1x mean, more where the large input's buffers go to the large-object heap (docs/benchmarks.md); SpecScalingTests
/// asserts the ratios of allocation, which need no quiet machine.</summary>
[MemoryDiagnoser]
public class SpecScalingBenchmarks
{
    private string text = string.Empty;

    /// <summary>Gets the languages measured.</summary>
    public static IEnumerable<SpecKind> Kinds => Enum.GetValues<SpecKind>();

    /// <summary>Gets or sets the language measured.</summary>
    [ParamsSource(nameof(Kinds))]
    public SpecKind Kind { get; set; }

    /// <summary>Gets or sets the input's length in units of 4 KiB.</summary>
    [Params(1, 4, 16)]
    public int Factor { get; set; }

    /// <summary>Builds the input.</summary>
    [GlobalSetup]
    public void Setup()
    {
        int length = 4096 * Factor;
        var sb = new StringBuilder(length + 256);
        for (int i = 0; sb.Length < length; i++)
        {
            sb.Append(i == 0 ? string.Empty : ",").Append(SpecInputs.Typical[Kind][i % SpecInputs.PerLanguage]);
        }

        text = sb.ToString();
    }

    /// <summary>Parses the input in the xl dialect.</summary>
    /// <returns>The number of diagnostics.</returns>
    [Benchmark]
    public int Parse() => SpecString.Parse(Kind, text, ConfigDialect.Xl).Diagnostics.Count;
}

using BenchmarkDotNet.Attributes;
using Xen.Hvm.Config;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Benchmarks.Specs;

/// <summary>Every spec language: time and allocations per spec (each benchmark parses the language's 8 typical
/// specs of <see cref="SpecInputs"/>, so <c>OperationsPerInvoke = 8</c>), through the generic entry point.</summary>
[MemoryDiagnoser]
public class SpecLanguageBenchmarks
{
    /// <summary>Gets the languages measured.</summary>
    public static IEnumerable<SpecKind> Kinds => Enum.GetValues<SpecKind>();

    /// <summary>Gets or sets the language measured.</summary>
    [ParamsSource(nameof(Kinds))]
    public SpecKind Kind { get; set; }

    /// <summary>Parses the language's typical specs in the xl dialect.</summary>
    /// <returns>The number that parsed without errors.</returns>
    [Benchmark(OperationsPerInvoke = SpecInputs.PerLanguage)]
    public int Parse()
    {
        int n = 0;
        foreach (string s in SpecInputs.Typical[Kind])
        {
            n += SpecString.Parse(Kind, s, ConfigDialect.Xl).Success ? 1 : 0;
        }

        return n;
    }
}

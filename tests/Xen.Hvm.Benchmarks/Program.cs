using BenchmarkDotNet.Running;

namespace Xen.Hvm.Benchmarks;

/// <summary>Runs the benchmarks: <c>dotnet run -c Release --project tests/Xen.Hvm.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}

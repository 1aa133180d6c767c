using System.Reflection;
using System.Runtime.Versioning;
using System.Text.Json;
using Xen.Hvm.Config;

namespace Xen.Hvm.Snippets;

/// <summary>Runs the README's sample against the Xen.Hvm package and says which build of the package it ran.</summary>
internal static class Program
{
    public static int Main()
    {
        Assembly library = typeof(XenConfig).Assembly;
        string built = library.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName ?? "?";
        string version = library.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?";
        Console.WriteLine($"consumer: Xen.Hvm {version} ({built}) from {library.Location}, on .NET {Environment.Version}");

        // The assembly must be the package's (the deps file says where each one came from), built for this framework.
        string expected = AppContext.TargetFrameworkName ?? "?";
        using (var deps = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Xen.Hvm.PackageConsumer.deps.json"))))
        {
            var entry = deps.RootElement.GetProperty("libraries").EnumerateObject().Single(p => p.Name.StartsWith("Xen.Hvm/", StringComparison.Ordinal));
            Check.That(entry.Value.GetProperty("type").GetString() == "package", "Xen.Hvm comes from the package, not a project");
        }

        Check.That(built == expected, $"the package's {expected} build is the one loaded");

        string scratch = Directory.CreateTempSubdirectory("xen-hvm-consumer-").FullName;
        string home = Environment.CurrentDirectory;
        try
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "fixtures", "winxp.cfg"), Path.Combine(scratch, "winxp.cfg"));
            Environment.CurrentDirectory = scratch;
            Readme.Run();
        }
        finally
        {
            Environment.CurrentDirectory = home;
            Directory.Delete(scratch, recursive: true);
        }

        Console.WriteLine("consumer: the README sample ran");
        return 0;
    }
}

/// <summary>What the README sample's result must be (the snippets project has the same helper).</summary>
internal static class Check
{
    public static void That(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("check failed: " + what);
        }
    }
}

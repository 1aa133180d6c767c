namespace Xen.Hvm.Snippets;

/// <summary>Runs every sample of the docs in a scratch copy of fixtures/: exit code 0 when each ran and checked out.</summary>
internal static class Program
{
    private static readonly (string Name, Action Run)[] Samples =
    [
        ("README.md", Readme.Run),
        ("articles/configs.md", Configs.Run),
        ("articles/capabilities.md", Capabilities.Run),
        ("articles/spec-strings.md", SpecStrings.Run),
        ("articles/disk-images.md", DiskImages.Run),
        ("diagnostics.md, limits.md", Diagnostics.Run),
        ("articles/libvirt.md, migration.md, model-json.md", Conversion.Run),
        ("articles/validation.md", Validation.Run),
        ("articles/write-back.md", WriteBack.Run),
    ];

    public static int Main()
    {
        string fixtures = Path.Combine(AppContext.BaseDirectory, "fixtures");
        string scratch = Directory.CreateTempSubdirectory("xen-hvm-snippets-").FullName;
        string home = Environment.CurrentDirectory;
        int failed = 0;
        try
        {
            foreach (string file in Directory.EnumerateFiles(fixtures))
            {
                File.Copy(file, Path.Combine(scratch, Path.GetFileName(file)));
            }

            // A small raw disk with data in its first and last MiB, for the image samples.
            using (var raw = File.Create(Path.Combine(scratch, "disk.raw")))
            {
                raw.SetLength(4 << 20);
                raw.Write(Enumerable.Range(0, 1 << 20).Select(i => (byte)(i * 7)).ToArray());
                raw.Position = 3 << 20;
                raw.Write(Enumerable.Repeat((byte)0xA5, 1 << 20).ToArray());
            }

            Environment.CurrentDirectory = scratch;
            // What the samples print to standard error is their output too (the refused backing file's XH7011, for
            // one): it goes to standard output, so that a log's errors are only ours.
            TextWriter errors = Console.Error;
            Console.SetError(Console.Out);
            foreach (var (name, run) in Samples)
            {
                try
                {
                    run();
                    Console.WriteLine($"snippets: {name}: ok");
                }
                catch (Exception ex)
                {
                    failed++;
                    errors.WriteLine($"snippets: {name}: FAILED: {ex}");
                }
            }

            Console.SetError(errors);
        }
        finally
        {
            Environment.CurrentDirectory = home;
            Directory.Delete(scratch, recursive: true);
        }

        Console.WriteLine($"snippets: {Samples.Length - failed} of {Samples.Length} ran");
        return failed == 0 ? 0 : 1;
    }
}

/// <summary>What each sample's output must be, checked after the region runs.</summary>
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

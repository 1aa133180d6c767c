using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Tests.Infrastructure;

namespace Xen.Hvm.Tests.Config;

public sealed class XenConfigLoadAllTests
{
    [Theory]
    [InlineData(null)]
    [InlineData(1)]
    [InlineData(4)]
    public void LoadAll_ManyFiles_GivesEachFileLoadsResultInTheOrderGiven(int? degree)
    {
        using var dir = new TempDirectory();
        var paths = new List<string>();
        for (int i = 0; i < 64; i++)
        {
            string path = dir.File($"g{i}.cfg");
            // xl, xm and broken files, of different sizes, so that they finish out of order.
            string text = (i % 3) switch
            {
                0 => $"name = \"g{i}\"\nmemory = {i}\n" + string.Concat(Enumerable.Repeat("# padding\n", i * 20)),
                1 => $"import os\nname = 'g{i}'\nfor d in []:\n    pass\n",
                _ => $"name = \"g{i}\nmemory = = {i}\n",
            };
            File.WriteAllText(path, text);
            paths.Add(path);
        }

        paths.Insert(10, dir.File("missing.cfg"));
        paths.Insert(20, dir.Path);

        var results = XenConfig.LoadAll(paths, maxDegreeOfParallelism: degree).ToList();

        Assert.Equal(paths, results.Select(r => r.Path));
        foreach (var result in results)
        {
            bool read = XenConfig.TryLoad(result.Path, null, out var expected, out var error);
            Assert.Equal(read, result.IsLoaded);
            if (read)
            {
                Assert.Equal(expected!.ToFullString(), result.Document!.ToFullString());
                Assert.Equal(expected.Dialect, result.Document.Dialect);
                Assert.Equal(expected.Diagnostics.Select(d => (d.Id, d.Location.Start)), result.Document.Diagnostics.Select(d => (d.Id, d.Location.Start)));
                Assert.Null(result.Error);
            }
            else
            {
                Assert.Equal(DiagnosticIds.ConfigFileUnreadable, result.Error!.Id);
                Assert.Equal(error!.Id, result.Error.Id);
            }
        }
    }

    [Fact]
    public void LoadAll_NullPaths_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => XenConfig.LoadAll(null!));

    [Fact]
    public void LoadAll_NullPathAmongOthers_ThrowsArgumentNullExceptionWhenReached()
    {
        using var dir = new TempDirectory();
        string good = dir.File("g.cfg");
        File.WriteAllText(good, "memory = 1\n");

        using var results = XenConfig.LoadAll([good, null!, good]).GetEnumerator();

        Assert.True(results.MoveNext());
        Assert.True(results.Current.IsLoaded);
        Assert.Throws<ArgumentNullException>(() => results.MoveNext());
    }

    [Fact]
    public void LoadAll_DegreeBelowOne_ThrowsArgumentOutOfRangeException() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => XenConfig.LoadAll([], maxDegreeOfParallelism: 0));
}

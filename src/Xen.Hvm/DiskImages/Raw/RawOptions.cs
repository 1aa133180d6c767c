using Xen.Hvm.Diagnostics;
using Xen.Hvm.DiskImages.Internal;

namespace Xen.Hvm.DiskImages.Raw;

/// <summary>Options for raw images; the defaults are those of <c>qemu-img create -f raw</c> (a sparse file).</summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed record RawOptions : DiskImageOptions
{
    private static readonly string[] s_keys = ["preallocation"];

    /// <summary>Gets <see cref="DiskImageFormat.Raw"/>.</summary>
    public override DiskImageFormat Format => DiskImageFormat.Raw;

    /// <summary>Gets how disk space is reserved; <see cref="RawPreallocation.Off"/> (sparse) by default.</summary>
    public RawPreallocation Preallocation { get; init; }

    /// <summary>Parses <c>qemu-img</c>-style options for raw images (<c>-o preallocation=off|falloc|full</c>).</summary>
    /// <param name="text">The option string; empty means defaults.</param>
    /// <returns>The options, or the problems: an unknown key (<c>XH7005</c>) or value (<c>XH7006</c>), with spans into <paramref name="text"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static ParseResult<RawOptions> Parse(string text)
    {
        var reader = new QemuOptionReader(text);
        var options = new RawOptions();
        foreach (var option in reader.Read("raw", s_keys))
        {
            RawPreallocation? mode = option.Value switch { "off" => RawPreallocation.Off, "falloc" => RawPreallocation.Falloc, "full" => RawPreallocation.Full, _ => null };
            if (mode is { } preallocation)
            {
                options = options with { Preallocation = preallocation };
            }
            else
            {
                reader.Invalid(option, "off, falloc or full");
            }
        }

        return reader.Result(options);
    }
}

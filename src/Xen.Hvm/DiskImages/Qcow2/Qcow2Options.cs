using System.Globalization;
using System.Text;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.DiskImages.Internal;
using Xen.Hvm.Text;

namespace Xen.Hvm.DiskImages.Qcow2;

/// <summary>Options for qcow2 images; the defaults are those of <c>qemu-img create -f qcow2</c> in QEMU 7.2.</summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed record Qcow2Options : DiskImageOptions
{
    /// <summary>The smallest cluster size qcow2 allows, 512 bytes.</summary>
    public const int MinClusterSize = 512;

    /// <summary>The largest cluster size QEMU allows, 2 MiB.</summary>
    public const int MaxClusterSize = 2 * 1024 * 1024;

    private static readonly string[] s_keys = ["compat", "cluster_size", "refcount_bits", "backing_file", "backing_fmt", "preallocation", "lazy_refcounts", "extended_l2", "compression_type"];

    /// <summary>Gets <see cref="DiskImageFormat.Qcow2"/>.</summary>
    public override DiskImageFormat Format => DiskImageFormat.Qcow2;

    /// <summary>Gets the header version; <see cref="Qcow2Version.V3"/> by default.</summary>
    public Qcow2Version Version { get; init; } = Qcow2Version.V3;

    /// <summary>Gets the cluster size in bytes: a power of two from 512 B to 2 MiB; 64 KiB by default.</summary>
    public int ClusterSize { get; init; } = 65536;

    /// <summary>Gets the refcount width in bits: 1, 2, 4, 8, 16, 32 or 64 (only 16 with version 2); 16 by default.</summary>
    public int RefcountBits { get; init; } = 16;

    /// <summary>Gets the backing file name to store, or <see langword="null"/>. Writing a file by path, a relative name
    /// is resolved against the image's directory, as QEMU does, and the file must exist; writing a stream, the name is
    /// stored as given and <see cref="BackingFormat"/> is needed.</summary>
    public string? BackingFile { get; init; }

    /// <summary>Gets the backing file's format; when <see langword="null"/> it is detected from the file (path writes only).</summary>
    public DiskImageFormat? BackingFormat { get; init; }

    /// <summary>Gets the preallocation mode; <see cref="Qcow2Preallocation.Off"/> by default.</summary>
    public Qcow2Preallocation Preallocation { get; init; }

    /// <summary>
    /// Parses <c>qemu-img</c>-style options for qcow2 images (<c>-o key=value,...</c>): <c>compat</c>,
    /// <c>cluster_size</c>, <c>refcount_bits</c>, <c>backing_file</c>, <c>backing_fmt</c>, <c>preallocation</c>, and
    /// <c>lazy_refcounts=off</c>, <c>extended_l2=off</c>, <c>compression_type=zlib</c>. A doubled comma stands for a
    /// literal comma.
    /// </summary>
    /// <param name="text">The option string; empty means defaults.</param>
    /// <returns>The options, or the problems: an unknown key (<c>XH7005</c>) or value (<c>XH7006</c>), with spans into <paramref name="text"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static ParseResult<Qcow2Options> Parse(string text)
    {
        var reader = new QemuOptionReader(text);
        var options = new Qcow2Options();
        TextSpan? refcountSpan = null;
        foreach (var option in reader.Read("qcow2", s_keys))
        {
            string value = option.Value;
            switch (option.Key)
            {
                case "compat":
                    Qcow2Version? version = value switch { "0.10" or "v2" => Qcow2Version.V2, "1.1" or "v3" => Qcow2Version.V3, _ => null };
                    Apply(version is { } v ? options with { Version = v } : null, "0.10 (v2) or 1.1 (v3)");
                    break;
                case "cluster_size":
                    bool clusterOk = ByteSize.TryParse(value, out var cluster) && cluster.Bytes is >= MinClusterSize and <= MaxClusterSize && (cluster.Bytes & (cluster.Bytes - 1)) == 0;
                    Apply(clusterOk ? options with { ClusterSize = (int)cluster.Bytes } : null, "a power of two from 512 to 2M");
                    break;
                case "refcount_bits":
                    bool bitsOk = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int bits) && bits is >= 1 and <= 64 && (bits & (bits - 1)) == 0;
                    Apply(bitsOk ? options with { RefcountBits = bits } : null, "1, 2, 4, 8, 16, 32 or 64");
                    refcountSpan = bitsOk ? option.ValueSpan : refcountSpan;
                    break;
                case "backing_file":
                    bool nameOk = value.Length > 0 && Encoding.UTF8.GetByteCount(value) <= Qcow2Header.MaxBackingFileNameLength;
                    Apply(nameOk ? options with { BackingFile = value } : null, "a file name of 1 to 1023 bytes");
                    break;
                case "backing_fmt":
                    Apply(FormatNames.Parse(value) is { } backingFormat ? options with { BackingFormat = backingFormat } : null, "raw, qcow2 or vpc");
                    break;
                case "preallocation":
                    Qcow2Preallocation? mode = value switch { "off" => Qcow2Preallocation.Off, "metadata" => Qcow2Preallocation.Metadata, _ => null };
                    Apply(mode is { } m ? options with { Preallocation = m } : null, "off or metadata");
                    break;
                case "lazy_refcounts" or "extended_l2":
                    Apply(value is "off" or "false" ? options : null, "off (not supported by this writer)");
                    break;
                default: // compression_type
                    Apply(value == "zlib" ? options : null, "zlib");
                    break;
            }

            void Apply(Qcow2Options? changed, string expected)
            {
                if (changed is null)
                {
                    reader.Invalid(option, expected);
                }
                else
                {
                    options = changed;
                }
            }
        }

        if (options.Version == Qcow2Version.V2 && options.RefcountBits != 16 && refcountSpan is { } span)
        {
            reader.Invalid("refcount_bits", options.RefcountBits.ToString(CultureInfo.InvariantCulture), span, "16 with compat=0.10");
        }

        return reader.Result(options);
    }
}

using System.Text;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.DiskImages.Qcow2;
using Xen.Hvm.DiskImages.Raw;
using Xen.Hvm.DiskImages.Vhd;
using Xen.Hvm.Text;

namespace Xen.Hvm.DiskImages.Internal;

/// <summary>Parses qemu-img <c>-o key=value,...</c> strings into option records, with spans on every problem.</summary>
internal static class QemuOptionParser
{
    private static readonly string[] s_rawKeys = ["preallocation"];
    private static readonly string[] s_qcow2Keys = ["compat", "cluster_size", "refcount_bits", "backing_file", "backing_fmt", "preallocation", "lazy_refcounts", "extended_l2", "compression_type"];
    private static readonly string[] s_vhdKeys = ["subformat", "force_size"];

    public static bool TryParse(DiskImageFormat format, string text, out DiskImageOptions? result, out IReadOnlyList<Diagnostic> diagnostics)
    {
        string[] keys = format switch
        {
            DiskImageFormat.Raw => s_rawKeys,
            DiskImageFormat.Qcow2 => s_qcow2Keys,
            DiskImageFormat.Vhd => s_vhdKeys,
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Value should be Raw, Qcow2 or Vhd."),
        };
        var problems = new List<Diagnostic>();
        var lines = LineMap.Create(text);
        var raw = new RawOptions();
        var qcow2 = new Qcow2Options();
        var vhd = new VhdOptions();
        TextSpan? refcountSpan = null;
        foreach (var (key, keySpan, value, valueSpan) in Split(text))
        {
            void Bad(string expected) => problems.Add(Diagnostic.Create(
                DiagnosticDescriptors.InvalidImageOptionValue, SourceLocation.Create(null, valueSpan, lines), key, value, expected));

            if (Array.IndexOf(keys, key) < 0)
            {
                problems.Add(Diagnostic.Create(
                    DiagnosticDescriptors.UnknownImageOption, SourceLocation.Create(null, keySpan, lines), key, FormatNames.Qemu(format), string.Join(", ", keys)));
                continue;
            }

            switch (format, key)
            {
                case (DiskImageFormat.Raw, "preallocation"):
                    RawPreallocation? p = value switch { "off" => RawPreallocation.Off, "falloc" => RawPreallocation.Falloc, "full" => RawPreallocation.Full, _ => null };
                    if (p is { } rawMode)
                    {
                        raw = raw with { Preallocation = rawMode };
                    }
                    else
                    {
                        Bad("off, falloc or full");
                    }

                    break;
                case (_, "compat"):
                    Qcow2Version? v = value switch { "0.10" or "v2" => Qcow2Version.V2, "1.1" or "v3" => Qcow2Version.V3, _ => null };
                    if (v is { } version)
                    {
                        qcow2 = qcow2 with { Version = version };
                    }
                    else
                    {
                        Bad("0.10 (v2) or 1.1 (v3)");
                    }

                    break;
                case (_, "cluster_size"):
                    if (ByteSize.TryParse(value, out var cluster) && cluster.Bytes is >= Qcow2Options.MinClusterSize and <= Qcow2Options.MaxClusterSize && (cluster.Bytes & (cluster.Bytes - 1)) == 0)
                    {
                        qcow2 = qcow2 with { ClusterSize = (int)cluster.Bytes };
                    }
                    else
                    {
                        Bad("a power of two from 512 to 2M");
                    }

                    break;
                case (_, "refcount_bits"):
                    if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int bits) && bits is >= 1 and <= 64 && (bits & (bits - 1)) == 0)
                    {
                        qcow2 = qcow2 with { RefcountBits = bits };
                        refcountSpan = valueSpan;
                    }
                    else
                    {
                        Bad("1, 2, 4, 8, 16, 32 or 64");
                    }

                    break;
                case (_, "backing_file"):
                    if (value.Length > 0 && Encoding.UTF8.GetByteCount(value) <= Qcow2Header.MaxBackingFileNameLength)
                    {
                        qcow2 = qcow2 with { BackingFile = value };
                    }
                    else
                    {
                        Bad("a file name of 1 to 1023 bytes");
                    }

                    break;
                case (_, "backing_fmt"):
                    if (FormatNames.Parse(value) is { } backingFormat)
                    {
                        qcow2 = qcow2 with { BackingFormat = backingFormat };
                    }
                    else
                    {
                        Bad("raw, qcow2 or vpc");
                    }

                    break;
                case (DiskImageFormat.Qcow2, "preallocation"):
                    Qcow2Preallocation? q = value switch { "off" => Qcow2Preallocation.Off, "metadata" => Qcow2Preallocation.Metadata, _ => null };
                    if (q is { } qcowMode)
                    {
                        qcow2 = qcow2 with { Preallocation = qcowMode };
                    }
                    else
                    {
                        Bad("off or metadata");
                    }

                    break;
                case (_, "lazy_refcounts" or "extended_l2"):
                    if (value is not ("off" or "false"))
                    {
                        Bad("off (not supported by this writer)");
                    }

                    break;
                case (_, "compression_type"):
                    if (value != "zlib")
                    {
                        Bad("zlib");
                    }

                    break;
                case (_, "subformat"):
                    VhdSubformat? s = value switch { "dynamic" => VhdSubformat.Dynamic, "fixed" => VhdSubformat.Fixed, _ => null };
                    if (s is { } subformat)
                    {
                        vhd = vhd with { Subformat = subformat };
                    }
                    else
                    {
                        Bad("dynamic or fixed");
                    }

                    break;
                case (_, "force_size"):
                    bool? f = value switch { "on" or "true" => true, "off" or "false" => false, _ => null };
                    if (f is { } force)
                    {
                        vhd = vhd with { ForceSize = force };
                    }
                    else
                    {
                        Bad("on or off");
                    }

                    break;
            }
        }

        if (format == DiskImageFormat.Qcow2 && qcow2.Version == Qcow2Version.V2 && qcow2.RefcountBits != 16 && refcountSpan is { } span)
        {
            problems.Add(Diagnostic.Create(
                DiagnosticDescriptors.InvalidImageOptionValue, SourceLocation.Create(null, span, lines), "refcount_bits", qcow2.RefcountBits.ToString(System.Globalization.CultureInfo.InvariantCulture), "16 with compat=0.10"));
        }

        diagnostics = problems;
        result = problems.Count > 0 ? null : format switch
        {
            DiskImageFormat.Raw => raw,
            DiskImageFormat.Qcow2 => qcow2,
            _ => vhd,
        };
        return result is not null;
    }

    /// <summary>Splits at single commas (a doubled comma is a literal comma), then at the first '='; no '=' means "on".</summary>
    private static IEnumerable<(string Key, TextSpan KeySpan, string Value, TextSpan ValueSpan)> Split(string text)
    {
        int start = 0;
        while (start <= text.Length)
        {
            int end = start;
            var item = new StringBuilder();
            while (end < text.Length)
            {
                if (text[end] == ',')
                {
                    if (end + 1 < text.Length && text[end + 1] == ',')
                    {
                        item.Append(',');
                        end += 2;
                        continue;
                    }

                    break;
                }

                item.Append(text[end]);
                end++;
            }

            string s = item.ToString();
            if (s.Trim().Length > 0)
            {
                int eq = text.IndexOf('=', start, end - start);
                if (eq < 0)
                {
                    yield return (s.Trim(), TextSpan.FromBounds(start, end), "on", TextSpan.FromBounds(end, end));
                }
                else
                {
                    int eqInItem = s.IndexOf('=', StringComparison.Ordinal);
                    yield return (s[..eqInItem].Trim(), TextSpan.FromBounds(start, eq), s[(eqInItem + 1)..], TextSpan.FromBounds(eq + 1, end));
                }
            }

            start = end + 1;
        }
    }
}

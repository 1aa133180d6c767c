using System.CommandLine;
using System.Text.Json;
using Xen.Hvm.DiskImages;
using Xen.Hvm.DiskImages.Qcow2;
using Xen.Hvm.DiskImages.Vhd;

namespace XenCfg;

/// <summary><c>xencfg image-info [--json] [-f FMT] PATH</c>: what an image is, like <c>qemu-img info</c>; backing files are named, never opened.</summary>
internal static class ImageInfoCommand
{
    public static Command Create(CliContext context)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON (format, virtual-size, file-length, cluster-size, format-specific fields)." };
        var format = ImageCommandHelpers.FormatOption("--format", "-f", "The format; probed from the file when omitted (a qcow2 overlay or a fixed VHD is then shown as raw, with a warning).");
        var path = new Argument<string>("PATH") { Description = "The image file." };
        var command = new Command("image-info", "Show the format, virtual size and settings of a raw, qcow2 or VHD image (like 'qemu-img info'); a backing file is named, never opened.");
        command.Add(json);
        command.Add(format);
        command.Add(path);
        command.SetAction(parse => ImageCommandHelpers.Guard(context, "image-info", parse.GetValue(path)!, () =>
            Run(context, parse.GetValue(path)!, parse.GetValue(format), parse.GetValue(json))));
        return command;
    }

    private static int Run(CliContext context, string path, string? formatName, bool json)
    {
        DiskImageFormat? format = null;
        if (formatName is not null && (format = ImageCommandHelpers.ParseFormat(context, "image-info", formatName)) is null)
        {
            return ExitCodes.UsageOrIo;
        }

        if (!DiskImage.TryInspect(path, format, out var info, out var diagnostics))
        {
            ImageCommandHelpers.Report(context, path, diagnostics);
            return ExitCodes.Worst(ExitCodes.Failed, ExitCodes.For(diagnostics));
        }

        var fields = Fields(info);
        if (json)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
            {
                writer.WriteStartObject();
                foreach (var (key, value) in fields)
                {
                    writer.WritePropertyName(key);
                    if (value is long n)
                    {
                        writer.WriteNumberValue(n);
                    }
                    else
                    {
                        writer.WriteStringValue(value.ToString());
                    }
                }

                writer.WriteEndObject();
            }

            context.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        }
        else
        {
            foreach (var (key, value) in fields)
            {
                context.Out.WriteLine($"{key}: {(value is long n && key.EndsWith("size", StringComparison.Ordinal) ? ImageCommandHelpers.Describe(n) : value)}");
            }
        }

        ImageCommandHelpers.Report(context, path, diagnostics);
        context.Error.WriteLine($"{path}: {ImageCommandHelpers.Name(info.Format)} image, virtual size {ImageCommandHelpers.Describe(info.Capacity)}, {CliSummary.Problems(diagnostics)}");
        return ExitCodes.Ok;
    }

    private static List<(string Key, object Value)> Fields(DiskImageInfo info)
    {
        var fields = new List<(string, object)>
        {
            ("image", info.Path ?? string.Empty),
            ("format", ImageCommandHelpers.Name(info.Format)),
            ("virtual-size", info.Capacity),
            ("file-length", info.FileLength),
        };
        if (info.ClusterSize is { } cluster)
        {
            fields.Add(("cluster-size", (long)cluster));
        }

        if (info is Qcow2ImageInfo qcow2)
        {
            fields.Add(("compat", qcow2.Version == Qcow2Version.V2 ? "0.10" : "1.1"));
            fields.Add(("refcount-bits", (long)qcow2.RefcountBits));
            if (qcow2.BackingFile is { } backing)
            {
                fields.Add(("backing-file", backing));
            }

            if (qcow2.BackingFormat is { } backingFormat)
            {
                fields.Add(("backing-format", ImageCommandHelpers.Name(backingFormat)));
            }
        }

        if (info is VhdImageInfo vhd)
        {
            fields.Add(("subformat", vhd.Subformat.ToString().ToLowerInvariant()));
            fields.Add(("geometry", vhd.Geometry.ToString()));
            fields.Add(("creator", vhd.CreatorApplication.TrimEnd('\0', ' ')));
            fields.Add(("uuid", vhd.UniqueId.ToString()));
        }

        return fields;
    }
}

using System.CommandLine;
using Xen.Hvm.DiskImages;
using Xen.Hvm.DiskImages.Qcow2;
using Xen.Hvm.DiskImages.Vhd;

namespace XenCfg;

/// <summary><c>xencfg mkimage -f raw|qcow2|vhd [-o key=value,...] [--no-flush] PATH SIZE</c>: creates an empty disk image as qemu-img does.</summary>
internal static class MkimageCommand
{
    public static Command Create(CliContext context)
    {
        var format = ImageCommandHelpers.FormatOption("--format", "-f", "The format: raw (default), qcow2 or vhd (vpc).");
        var options = ImageCommandHelpers.OptionsOption();
        var overwrite = ImageCommandHelpers.OverwriteOption();
        var device = ImageCommandHelpers.DeviceOption();
        var noFlush = ImageCommandHelpers.NoFlushOption();
        var path = new Argument<string>("PATH") { Description = "The image file to create." };
        var size = new Argument<string?>("SIZE")
        {
            Description = "The virtual size: 512, 64k, 4096M, 10G, 2T, 10GiB, or dd operands such as 'bs=1M count=4096'. A qcow2 overlay defaults to its backing file's size.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("mkimage", "Create an empty raw, qcow2 or VHD disk image that QEMU and Xen accept (like 'qemu-img create' or 'dd ... count=N').");
        command.Add(format);
        command.Add(options);
        command.Add(overwrite);
        command.Add(device);
        command.Add(noFlush);
        command.Add(path);
        command.Add(size);
        command.SetAction(parse => ImageCommandHelpers.Guard(context, "mkimage", parse.GetValue(path)!, () =>
            Run(context, parse.GetValue(format) ?? "raw", parse.GetValue(options), (parse.GetValue(overwrite), parse.GetValue(device), parse.GetValue(noFlush)), parse.GetValue(path)!, parse.GetValue(size))));
        return command;
    }

    private static int Run(CliContext context, string formatName, string? optionText, (bool Overwrite, bool Device, bool NoFlush) write, string path, string? sizeText)
    {
        if (ImageCommandHelpers.ParseFormat(context, "mkimage", formatName) is not { } format ||
            ImageCommandHelpers.ParseOptions(context, format, optionText, write.Overwrite, write.Device, write.NoFlush) is not { } options)
        {
            return ExitCodes.UsageOrIo;
        }

        long capacity;
        if (sizeText is not null)
        {
            if (!ByteSize.TryParse(sizeText, out var size, out var sizeDiagnostics))
            {
                ImageCommandHelpers.Report(context, "SIZE", sizeDiagnostics);
                return ExitCodes.For(sizeDiagnostics);
            }

            capacity = size;
        }
        else if (options is Qcow2Options { BackingFile: { } backing })
        {
            // The backing file is only described (its own backing files are never opened).
            string directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
            string backingPath = Path.Combine(directory, backing);
            if (!DiskImage.TryInspect(backingPath, options is Qcow2Options { BackingFormat: { } f } ? f : null, out var backingInfo, out var diagnostics))
            {
                ImageCommandHelpers.Report(context, backingPath, diagnostics);
                return ExitCodes.Worst(ExitCodes.Failed, ExitCodes.For(diagnostics));
            }

            ImageCommandHelpers.Report(context, backingPath, diagnostics);
            if (backingInfo.Capacity == 0)
            {
                context.Error.WriteLine("xencfg mkimage: the backing file is empty: give a SIZE.");
                return ExitCodes.UsageOrIo;
            }

            capacity = backingInfo.Capacity;
        }
        else
        {
            context.Error.WriteLine("xencfg mkimage: give a SIZE (only a qcow2 overlay can take its backing file's size).");
            return ExitCodes.UsageOrIo;
        }

        var info = DiskImage.Create(path, capacity, options);
        context.Out.WriteLine($"Created '{path}': {ImageCommandHelpers.Name(info.Format)}, virtual size {ImageCommandHelpers.Describe(info.Capacity)}.");
        if (info.Capacity != capacity)
        {
            context.Out.WriteLine($"The size was rounded up from {capacity} bytes, as qemu-img does{(info is VhdImageInfo { Geometry: var g } ? $" (CHS {g})" : string.Empty)}.");
        }

        return ExitCodes.Ok;
    }
}

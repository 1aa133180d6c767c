using System.CommandLine;
using Spectre.Console;
using Xen.Hvm.DiskImages;

namespace XenCfg;

/// <summary><c>xencfg convert-image [-f FMT] -O FMT [-o ...] [--backing-under DIR] [--device] [--no-flush] SRC DST</c>: converts between raw, qcow2 and VHD.</summary>
internal static class ConvertImageCommand
{
    public static Command Create(CliContext context)
    {
        var sourceFormat = ImageCommandHelpers.FormatOption("--format", "-f", "The source format; probed from the file when omitted, by qemu's rule: a qcow2 overlay or a fixed VHD is then read as raw.");
        var targetFormat = ImageCommandHelpers.FormatOption("--output-format", "-O", "The target format: raw, qcow2 or vhd (vpc).");
        targetFormat.Required = true;
        var options = ImageCommandHelpers.OptionsOption();
        var overwrite = ImageCommandHelpers.OverwriteOption();
        var device = ImageCommandHelpers.DeviceOption();
        var noFlush = ImageCommandHelpers.NoFlushOption();
        var backingUnder = ImageCommandHelpers.BackingUnderOption();
        var source = new Argument<string>("SRC") { Description = "The image to read (raw, qcow2 or VHD)." };
        var target = new Argument<string>("DST") { Description = "The image to write." };
        var command = new Command("convert-image", "Convert a disk image to raw, qcow2 or VHD (like 'qemu-img convert'), keeping it sparse.");
        command.Add(sourceFormat);
        command.Add(targetFormat);
        command.Add(options);
        command.Add(overwrite);
        command.Add(device);
        command.Add(noFlush);
        command.Add(backingUnder);
        command.Add(source);
        command.Add(target);
        command.SetAction(parse => ImageCommandHelpers.Guard(context, "convert-image", parse.GetValue(target)!, () => Run(
            context,
            parse.GetValue(sourceFormat),
            parse.GetValue(targetFormat)!,
            parse.GetValue(options),
            (parse.GetValue(overwrite), parse.GetValue(device), parse.GetValue(noFlush)),
            ImageCommandHelpers.BackingPolicy(parse.GetValue(backingUnder)),
            parse.GetValue(source)!,
            parse.GetValue(target)!)));
        return command;
    }

    private static int Run(CliContext context, string? sourceFormatName, string targetFormatName, string? optionText, (bool Overwrite, bool Device, bool NoFlush) write, BackingFilePolicy policy, string source, string target)
    {
        DiskImageFormat? sourceFormat = null;
        if (sourceFormatName is not null)
        {
            sourceFormat = ImageCommandHelpers.ParseFormat(context, "convert-image", sourceFormatName);
            if (sourceFormat is null)
            {
                return ExitCodes.UsageOrIo;
            }
        }

        if (ImageCommandHelpers.ParseFormat(context, "convert-image", targetFormatName) is not { } format ||
            ImageCommandHelpers.ParseOptions(context, format, optionText, write.Overwrite, write.Device, write.NoFlush) is not { } options)
        {
            return ExitCodes.UsageOrIo;
        }

        // Describing first (no backing file is opened for it) shows the warnings, such as a format read as raw.
        if (!DiskImage.TryInspect(source, sourceFormat, out _, out var warnings))
        {
            ImageCommandHelpers.Report(context, source, warnings);
            return ExitCodes.Worst(ExitCodes.Failed, ExitCodes.For(warnings));
        }

        ImageCommandHelpers.Report(context, source, warnings);
        DiskImageInfo info;
        if (context.IsTerminal)
        {
            info = null!;
            AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask($"{Path.GetFileName(source)} -> {Path.GetFileName(target)}", maxValue: 1);
                    var progress = new Progress(task);
                    info = DiskImage.Convert(source, target, options, progress, sourceFormat, policy);
                    task.Value = task.MaxValue;
                });
        }
        else
        {
            info = DiskImage.Convert(source, target, options, progress: null, sourceFormat, policy);
        }

        context.Out.WriteLine($"Converted '{source}' to '{target}': {ImageCommandHelpers.Name(info.Format)}, virtual size {ImageCommandHelpers.Describe(info.Capacity)}, file {info.FileLength} bytes.");
        context.Out.WriteLine(ImageCommandHelpers.DescribePolicy(policy));
        return ExitCodes.Ok;
    }

    /// <summary>Reports straight into the Spectre task (no synchronization context hop).</summary>
    private sealed class Progress(ProgressTask task) : IProgress<DiskImageProgress>
    {
        public void Report(DiskImageProgress value)
        {
            task.MaxValue = Math.Max(1, value.TotalBytes);
            task.Value = value.BytesProcessed;
        }
    }
}

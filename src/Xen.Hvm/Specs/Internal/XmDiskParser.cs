using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Specs.Internal;

/// <summary>
/// The xm (xend) reading of a disk spec: <c>uname,dev,mode[,backend[,protocol]]</c>, split on every comma
/// (xm <c>create.py</c> <c>preprocess_disk</c>, xend <c>blkif.py</c>, <c>BlktapController.py</c>).
/// </summary>
internal static class XmDiskParser
{
    private static readonly string[] TapDrivers = ["aio", "sync", "vmdk", "ram", "qcow", "qcow2", "ioemu"];
    private static readonly string[] Tap2Drivers = ["aio", "ram", "qcow", "vhd", "remus"];

    public static DiskSpec? Parse(SpecContext ctx)
    {
        string s = ctx.Text;
        var fields = SpecGrammar.Split(s, ',');
        if (fields.Count is < 3 or > 5)
        {
            ctx.Report(DiagnosticDescriptors.DiskXmFieldCount, 0, ctx.Original.Length, fields.Count);
            return null;
        }

        SpecToken uname = fields[0];
        SpecToken dev = fields[1];
        SpecToken mode = fields[2];

        // dev = [ioemu:]vdev[:cdrom|:disk]
        SpecToken vdev = dev;
        if (vdev.Text.Contains("ioemu:", StringComparison.Ordinal))
        {
            int c = vdev.Text.IndexOf(':', StringComparison.Ordinal);
            vdev = new SpecToken(vdev.Start + c + 1, vdev.Text[(c + 1)..]);
        }

        var deviceType = DiskDeviceType.Disk;
        int colon = vdev.Text.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            var type = new SpecToken(vdev.Start + colon + 1, vdev.Text[(colon + 1)..]);
            vdev = new SpecToken(vdev.Start, vdev.Text[..colon]);
            if (type.Text == "cdrom")
            {
                deviceType = DiskDeviceType.Cdrom;
            }
            else if (type.Text != "disk")
            {
                ctx.Report(DiagnosticDescriptors.DiskUnknownXmType, type.Start, type.Length, type.Text);
            }
        }

        if (!VirtualDevice.TryParse(vdev.Text, out var device, out string? reason))
        {
            ctx.Report(DiagnosticDescriptors.VdevInvalid, vdev.Start, vdev.Length, vdev.Text, reason);
        }
        else if (vdev.Text.StartsWith('d'))
        {
            ctx.Report(DiagnosticDescriptors.VdevNotInXm, vdev.Start, vdev.Length);
        }

        _ = device;

        DiskAccess access = DiskAccess.ReadOnly;
        switch (mode.Text)
        {
            case "r":
                access = DiskAccess.ReadOnly;
                break;
            case "w":
                access = DiskAccess.ReadWrite;
                break;
            case "w!":
                access = DiskAccess.SharedWrite;
                ctx.ReportAs(DiagnosticDescriptors.DiskSharedWriteNotInXl, DiagnosticSeverity.Info, mode.Start, mode.Length);
                break;
            case "rw":
            case "ro":
            case "":
                ctx.Report(DiagnosticDescriptors.DiskModeNotInXm, mode.Start, mode.Length, mode.Text);
                break;
            default:
                ctx.Report(DiagnosticDescriptors.DiskUnknownAccess, mode.Start, mode.Length, mode.Text);
                break;
        }

        string? target = null;
        string? unameType = null;
        var format = DiskFormat.Raw;
        var backendType = DiskBackendType.Unknown;
        string? script = null;
        if (uname.Length == 0)
        {
            if (deviceType != DiskDeviceType.Cdrom)
            {
                ctx.Report(DiagnosticDescriptors.DiskNoTarget, 0, ctx.Original.Length);
            }

            target = string.Empty;
        }
        else
        {
            int c = uname.Text.IndexOf(':', StringComparison.Ordinal);
            if (c <= 0)
            {
                ctx.Report(DiagnosticDescriptors.DiskXmNeedsUname, uname.Start, uname.Length, uname.Text);
                return null;
            }

            string typ = uname.Text[..c];
            string rest = uname.Text[(c + 1)..];
            int restStart = uname.Start + c + 1;
            switch (typ)
            {
                case "phy":
                    backendType = DiskBackendType.Phy;
                    unameType = typ;
                    target = rest;
                    break;
                case "file":
                    unameType = typ;
                    target = rest;
                    break;
                case "tap":
                case "tap2":
                {
                    string chain = typ;
                    if (typ == "tap2" && rest.StartsWith("tapdisk:", StringComparison.Ordinal))
                    {
                        chain += ":tapdisk";
                        rest = rest[8..];
                        restStart += 8;
                    }

                    int d = rest.IndexOf(':', StringComparison.Ordinal);
                    string driver = d < 0 ? string.Empty : rest[..d];
                    string[] known = typ == "tap" ? TapDrivers : Tap2Drivers;
                    if (d < 0 || Array.IndexOf(known, driver) < 0)
                    {
                        ctx.Report(DiagnosticDescriptors.DiskUnknownPrefix, uname.Start, Math.Max(1, restStart + Math.Max(d, 0) - uname.Start), uname.Text[..(restStart - uname.Start + Math.Max(d, 0))]);
                        return null;
                    }

                    unameType = chain + ":" + driver;
                    target = rest[(d + 1)..];
                    format = driver switch
                    {
                        "qcow" => DiskFormat.Qcow,
                        "qcow2" => DiskFormat.Qcow2,
                        "vhd" => DiskFormat.Vhd,
                        _ => DiskFormat.Raw,
                    };
                    if (driver is "sync" or "vmdk" or "ram" or "remus")
                    {
                        ctx.Report(DiagnosticDescriptors.DiskTapDriverNotInXl, restStart, driver.Length, driver);
                    }

                    break;
                }

                default:
                    if (!IsScriptName(typ))
                    {
                        ctx.Report(DiagnosticDescriptors.DiskXmNeedsUname, uname.Start, uname.Length, uname.Text);
                        return null;
                    }

                    unameType = typ;
                    script = "block-" + typ;
                    target = rest;
                    break;
            }
        }

        if (deviceType == DiskDeviceType.Cdrom && string.IsNullOrEmpty(target))
        {
            format = DiskFormat.Empty;
        }

        return new DiskSpec
        {
            Target = target,
            Format = format,
            Vdev = vdev.Text,
            Access = access,
            DeviceType = deviceType,
            BackendType = backendType,
            Script = script,
            BackendDomain = fields.Count > 3 && fields[3].Length > 0 ? fields[3].Text : null,
            XmProtocol = fields.Count > 4 ? fields[4].Text : null,
            XmUnameType = unameType,
        };
    }

    private static bool IsScriptName(string typ)
    {
        if (typ.Length == 0 || typ[0] is not (>= 'a' and <= 'z'))
        {
            return false;
        }

        foreach (char ch in typ)
        {
            if (ch is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether xm reads <paramref name="type"/> as a uname type: <c>phy</c>, <c>file</c>, <c>tap:DRIVER</c>,
    /// <c>tap2:[tapdisk:]DRIVER</c>, or a block script name (<c>nbd</c>).</summary>
    public static bool IsUnameType(string type)
    {
        string[] parts = type.Split(':');
        return parts switch
        {
            ["phy" or "file"] => true,
            ["tap", var driver] => Array.IndexOf(TapDrivers, driver) >= 0,
            ["tap2", var driver] => Array.IndexOf(Tap2Drivers, driver) >= 0,
            ["tap2", "tapdisk", var driver] => Array.IndexOf(Tap2Drivers, driver) >= 0,
            [var script] => IsScriptName(script) && script is not ("tap" or "tap2" or "tapdisk" or "aio" or "ioemu"),
            _ => false,
        };
    }

    /// <summary>The xm uname type for a value that did not come from xm text.</summary>
    public static string DeriveUnameType(DiskSpec spec)
    {
        if (spec.Script is { } script && script.StartsWith("block-", StringComparison.Ordinal) && IsScriptName(script[6..]))
        {
            return script[6..];
        }

        return spec.Format switch
        {
            DiskFormat.Qcow => "tap:qcow",
            DiskFormat.Qcow2 => "tap:qcow2",
            DiskFormat.Vhd => "tap2:vhd",
            _ => spec.BackendType == DiskBackendType.Phy ? "phy" : spec.Target is { } t && t.StartsWith("/dev/", StringComparison.Ordinal) ? "phy" : "file",
        };
    }
}

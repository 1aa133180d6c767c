using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Validation.Internal;

// The disk checks: libxl_disk.c (setdefault, device number), libxl_device.c (empty disks), libxl_dm.c (what qemu-xen
// emulates for an HVM guest).
internal static partial class LibxlRules
{
    private static void CheckDisks(ValidationContext c)
    {
        if (c.Config.Disks is not { } disks)
        {
            return;
        }

        var numbers = new Dictionary<int, int>();
        for (int i = 0; i < disks.Count; i++)
        {
            DiskSpec disk = disks[i];
            Text.SourceLocation where = c.LocateItem("disk", i);
            string vdev = disk.Vdev ?? string.Empty;
            if (c.IsHvm && disk.IsRemovable && disk.BackendType is DiskBackendType.Phy or DiskBackendType.Tap or DiskBackendType.Standalone)
            {
                c.Report(DiagnosticDescriptors.CdromBackendNotQdisk, where, vdev, disk.BackendType.ToString().ToLowerInvariant());
            }

            if (disk.Format == DiskFormat.Empty && !disk.IsRemovable)
            {
                c.Report(DiagnosticDescriptors.EmptyDiskMisused, where, vdev, "has format=empty but is not a CD-ROM", "Set devtype=cdrom, or give the image and its format");
            }
            else if (disk.Format == DiskFormat.Empty && !string.IsNullOrEmpty(disk.Target))
            {
                c.Report(DiagnosticDescriptors.EmptyDiskMisused, where, vdev, $"is empty (format=empty) but names the image '{Clip(disk.Target)}'", "Remove format=empty, or the target");
            }

            if (!VirtualDevice.TryParse(disk.Vdev, out VirtualDevice device, out string? reason))
            {
                if (disk.Vdev is not null)
                {
                    c.Report(DiagnosticDescriptors.InvalidVdev, where, Clip(vdev), reason);
                }

                continue;
            }

            if (numbers.TryGetValue(device.DeviceNumber, out int first))
            {
                c.Report(DiagnosticDescriptors.DuplicateVdev, where, vdev, disks[first].Vdev, device.DeviceNumber);
            }
            else
            {
                numbers[device.DeviceNumber] = i;
            }

            if (c.IsHvm && !c.IsTraditional)
            {
                CheckEmulation(c, disk, device, where);
            }
        }
    }

    /// <summary>libxl_dm.c <c>libxl__build_device_model_args_new</c>: which disks qemu-xen emulates, and the read-only ones it refuses.</summary>
    private static void CheckEmulation(ValidationContext c, DiskSpec disk, VirtualDevice device, Text.SourceLocation where)
    {
        if (device.Kind == VirtualDeviceKind.Number || disk.Format == DiskFormat.Empty && !disk.IsRemovable)
        {
            return;
        }

        int index = device.Disk;
        if (disk.IsRemovable)
        {
            if (index > 4)
            {
                c.Report(DiagnosticDescriptors.DiskNotEmulated, where, device.Name, "an emulated CD-ROM must be one of the first disks", "Give the CD-ROM a vdev from hda to hdd");
            }

            return;
        }

        if (device.Kind == VirtualDeviceKind.Scsi)
        {
            return;
        }

        bool ahci = c.Config.HdType?.Value == HdType.Ahci;
        if ((ahci && index < 6) || index < 4)
        {
            if (disk.IsReadOnly)
            {
                c.Report(DiagnosticDescriptors.ReadOnlyEmulatedDisk, where, device.Name, ahci && index < 6 ? "AHCI" : "IDE");
            }
        }
        else
        {
            c.Report(DiagnosticDescriptors.DiskNotEmulated, where, device.Name, ahci ? "only 6 AHCI disks are emulated" : "only 4 IDE disks are emulated",
                "Guests without PV drivers (Windows before the drivers are installed) do not see it");
        }
    }
}

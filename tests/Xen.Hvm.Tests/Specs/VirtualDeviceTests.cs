using Xen.Hvm.Specs;

namespace Xen.Hvm.Tests.Specs;

public sealed class VirtualDeviceTests
{
    [Theory]
    [InlineData("hda", VirtualDeviceKind.Ide, 0, 0, 0x300, HvmDiskEmulation.Ide)]
    [InlineData("hdb", VirtualDeviceKind.Ide, 1, 0, 0x340, HvmDiskEmulation.Ide)]
    [InlineData("hdc", VirtualDeviceKind.Ide, 2, 0, 22 << 8, HvmDiskEmulation.Ide)]
    [InlineData("hdd63", VirtualDeviceKind.Ide, 3, 63, (22 << 8) | 64 | 63, HvmDiskEmulation.PvOnly)]
    [InlineData("sdb3", VirtualDeviceKind.Scsi, 1, 3, (8 << 8) | 16 | 3, HvmDiskEmulation.PvOnly)]
    [InlineData("sda", VirtualDeviceKind.Scsi, 0, 0, 8 << 8, HvmDiskEmulation.Scsi)]
    [InlineData("xvda", VirtualDeviceKind.Xen, 0, 0, 202 << 8, HvmDiskEmulation.PvOnly)]
    [InlineData("xvdaa1", VirtualDeviceKind.Xen, 26, 1, (1 << 28) | (26 << 8) | 1, HvmDiskEmulation.PvOnly)]
    [InlineData("xvdtq37", VirtualDeviceKind.Xen, 536, 37, (1 << 28) | (536 << 8) | 37, HvmDiskEmulation.PvOnly)]
    [InlineData("d0p1", VirtualDeviceKind.Xen, 0, 1, (202 << 8) | 1, HvmDiskEmulation.PvOnly)]
    [InlineData("d536p37", VirtualDeviceKind.Xen, 536, 37, (1 << 28) | (536 << 8) | 37, HvmDiskEmulation.PvOnly)]
    [InlineData("d0x10p0", VirtualDeviceKind.Xen, 16, 0, (1 << 28) | (16 << 8), HvmDiskEmulation.PvOnly)]
    [InlineData("0x301", VirtualDeviceKind.Number, -1, -1, 0x301, HvmDiskEmulation.PvOnly)]
    [InlineData("769", VirtualDeviceKind.Number, -1, -1, 769, HvmDiskEmulation.PvOnly)]
    [InlineData("01401", VirtualDeviceKind.Number, -1, -1, 769, HvmDiskEmulation.PvOnly)]
    public void TryParse_DocumentedNames_GiveXenDeviceNumbers(string name, VirtualDeviceKind kind, int disk, int partition, int number, HvmDiskEmulation hvm)
    {
        Assert.True(VirtualDevice.TryParse(name, out var d));
        Assert.Equal(kind, d.Kind);
        Assert.Equal(disk, d.Disk);
        Assert.Equal(partition, d.Partition);
        Assert.Equal(number, d.DeviceNumber);
        Assert.Equal(hvm, d.HvmEmulation);
        Assert.Equal(name, d.Name);
    }

    [Theory]
    [InlineData("hde")]
    [InlineData("hda64")]
    [InlineData("sdq")]
    [InlineData("sda16")]
    [InlineData("xvda0")]
    [InlineData("xvda256")]
    [InlineData("xvd")]
    [InlineData("xvdA")]
    [InlineData("d1048576p0")]
    [InlineData("d0p256")]
    [InlineData("4294967296")]
    [InlineData("vda")]
    [InlineData("")]
    public void TryParse_BeyondTheLimits_Fails(string name)
    {
        Assert.False(VirtualDevice.TryParse(name, out _, out string? reason));
        Assert.False(string.IsNullOrEmpty(reason));
        Assert.Throws<FormatException>(() => VirtualDevice.Parse(name));
    }

    [Fact]
    public void Xvd_LimitsOfBijectiveBase26_AreAccepted()
    {
        var last = VirtualDevice.Create(VirtualDeviceKind.Xen, (1 << 20) - 1, 255);
        Assert.True(VirtualDevice.TryParse(last.Name, out var again));
        Assert.Equal(last, again);
        Assert.Equal("xvdz", VirtualDevice.Create(VirtualDeviceKind.Xen, 25, 0).Name);
        Assert.Equal("xvdaa", VirtualDevice.Create(VirtualDeviceKind.Xen, 26, 0).Name);
        Assert.Equal("xvdzz", VirtualDevice.Create(VirtualDeviceKind.Xen, 701, 0).Name);
        Assert.Equal("xvdaaa", VirtualDevice.Create(VirtualDeviceKind.Xen, 702, 0).Name);
    }

    [Fact]
    public void FromDeviceNumber_EveryValidName_RoundTrips()
    {
        foreach (var kind in new[] { VirtualDeviceKind.Xen, VirtualDeviceKind.Ide, VirtualDeviceKind.Scsi })
        {
            int maxDisk = kind switch { VirtualDeviceKind.Ide => 3, VirtualDeviceKind.Scsi => 15, _ => 40 };
            int maxPart = kind switch { VirtualDeviceKind.Ide => 63, VirtualDeviceKind.Scsi => 15, _ => 255 };
            for (int disk = 0; disk <= maxDisk; disk++)
            {
                for (int part = 0; part <= maxPart; part += 7)
                {
                    var d = VirtualDevice.Create(kind, disk, part);
                    var back = VirtualDevice.FromDeviceNumber(d.DeviceNumber);
                    Assert.Equal(d, back);
                    Assert.Equal(d.Name, back.Name);
                    Assert.True(VirtualDevice.TryParse(d.Name, out var parsed));
                    Assert.Equal(d.DeviceNumber, parsed.DeviceNumber);
                }
            }
        }

        Assert.Equal("hda", VirtualDevice.FromDeviceNumber(0x300).Name);
        Assert.Equal("xvdb", VirtualDevice.FromDeviceNumber(51728).Name);
        Assert.Equal(VirtualDeviceKind.Number, VirtualDevice.FromDeviceNumber(0x901).Kind);
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Xen.Hvm.Specs.Internal;

namespace Xen.Hvm.Specs;

/// <summary>
/// A guest disk name (<c>vdev</c>) and the Xen device number it stands for, following xen-vbd-interface(7) and libxl's
/// <c>libxl__device_disk_dev_number</c>.
/// </summary>
/// <remarks>
/// <para>Names are tried in libxl's order: <c>d&lt;N&gt;p&lt;M&gt;</c> (C <c>%i</c> numbers: decimal, <c>0x</c> hex
/// or octal; disk &lt; 2^20, partition &lt; 256), <c>xvd&lt;letters&gt;[N]</c> (bijective base 26, disk ≤ 2^20-1,
/// partition 1..255 without leading zero), a bare number (decimal, hex or octal, ≤ 2^31-1), <c>hd&lt;a-d&gt;[N]</c>
/// (partition ≤ 63), <c>sd&lt;a-p&gt;[N]</c> (partition ≤ 15).</para>
/// <para>Encodings: <c>202&lt;&lt;8 | disk&lt;&lt;4 | part</c> for xvd disks and partitions up to 15, otherwise
/// <c>1&lt;&lt;28 | disk&lt;&lt;8 | part</c>; <c>8&lt;&lt;8 | disk&lt;&lt;4 | part</c> for sd;
/// <c>3&lt;&lt;8 | disk&lt;&lt;6 | part</c> for hda/hdb and <c>22&lt;&lt;8 | (disk-2)&lt;&lt;6 | part</c> for hdc/hdd.</para>
/// <para>Unlike libxl, a name with no letters (<c>xvd</c>, <c>hd1</c>) is rejected: libxl computes a negative disk
/// index for it.</para>
/// <para>Equality compares the kind and the device number, not the spelling. Immutable; safe to share across threads.</para>
/// </remarks>
public readonly struct VirtualDevice : IEquatable<VirtualDevice>
{
    private const int XvdMaxDisk = (1 << 20) - 1;
    private readonly string? _name;

    private VirtualDevice(string name, VirtualDeviceKind kind, int disk, int partition, int number)
    {
        _name = name;
        Kind = kind;
        Disk = disk;
        Partition = partition;
        DeviceNumber = number;
    }

    /// <summary>Gets the name as written (or the canonical name for <see cref="FromDeviceNumber"/>).</summary>
    public string Name => _name ?? string.Empty;

    /// <summary>Gets the naming scheme.</summary>
    public VirtualDeviceKind Kind { get; }

    /// <summary>Gets the zero-based disk index, or -1 for <see cref="VirtualDeviceKind.Number"/> names.</summary>
    public int Disk { get; }

    /// <summary>Gets the partition (0 is the whole disk), or -1 for <see cref="VirtualDeviceKind.Number"/> names.</summary>
    public int Partition { get; }

    /// <summary>Gets the number written to xenstore as <c>virtual-device</c>.</summary>
    public int DeviceNumber { get; }

    /// <summary>Gets a value indicating whether this is a whole disk (partition 0).</summary>
    public bool IsWholeDisk => Partition == 0;

    /// <summary>Gets how an HVM guest sees the device besides PV: only whole <c>hd*</c> and <c>sd*</c> disks are emulated.</summary>
    public HvmDiskEmulation HvmEmulation => !IsWholeDisk ? HvmDiskEmulation.PvOnly : Kind switch
    {
        VirtualDeviceKind.Ide => HvmDiskEmulation.Ide,
        VirtualDeviceKind.Scsi => HvmDiskEmulation.Scsi,
        _ => HvmDiskEmulation.PvOnly,
    };

    /// <summary>Parses a device name.</summary>
    /// <param name="name">The name, e.g. <c>hda</c>, <c>xvdaa1</c>, <c>d0p1</c>, <c>0x301</c>.</param>
    /// <returns>The device.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The name is not one libxl accepts.</exception>
    public static VirtualDevice Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return TryParse(name, out var device, out string? reason)
            ? device
            : throw new FormatException($"'{name}' is not a valid virtual disk name: {reason}.");
    }

    /// <summary>Tries to parse a device name.</summary>
    /// <param name="name">The name, or <see langword="null"/>.</param>
    /// <param name="device">The device, when valid.</param>
    /// <returns><see langword="true"/> when the name is valid.</returns>
    public static bool TryParse([NotNullWhen(true)] string? name, out VirtualDevice device) => TryParse(name, out device, out _);

    /// <summary>Tries to parse a device name, and says why it is invalid.</summary>
    /// <param name="name">The name, or <see langword="null"/>.</param>
    /// <param name="device">The device, when valid.</param>
    /// <param name="reason">Why the name is invalid, when it is.</param>
    /// <returns><see langword="true"/> when the name is valid.</returns>
    public static bool TryParse([NotNullWhen(true)] string? name, out VirtualDevice device, [NotNullWhen(false)] out string? reason)
    {
        device = default;
        if (string.IsNullOrEmpty(name))
        {
            reason = "the name is empty";
            return false;
        }

        // 1. d<N>p<M> (sscanf "d%ip%i").
        if (TryParseDp(name, out int disk, out int partition, out reason))
        {
            device = new VirtualDevice(name, VirtualDeviceKind.Xen, disk, partition, EncodeXen(disk, partition));
            return true;
        }

        if (reason is not null)
        {
            return false;
        }

        // 2. xvd<letters>[N]
        if (name.StartsWith("xvd", StringComparison.Ordinal))
        {
            if (!TryLetters(name, 3, XvdMaxDisk, 255, out disk, out partition, out reason))
            {
                return false;
            }

            device = new VirtualDevice(name, VirtualDeviceKind.Xen, disk, partition, EncodeXen(disk, partition));
            return true;
        }

        // 3. a number, written to xenstore as is.
        if (char.IsAsciiDigit(name[0]) && CNumbers.TryParseWhole(name, 0, out ulong number))
        {
            if (number > int.MaxValue)
            {
                reason = "the device number is above 2147483647";
                return false;
            }

            device = new VirtualDevice(name, VirtualDeviceKind.Number, -1, -1, (int)number);
            return true;
        }

        // 4. hd<a-d>[N], 5. sd<a-p>[N]
        if (name.StartsWith("hd", StringComparison.Ordinal))
        {
            if (!TryLetters(name, 2, 3, 63, out disk, out partition, out reason))
            {
                return false;
            }

            device = new VirtualDevice(name, VirtualDeviceKind.Ide, disk, partition, EncodeIde(disk, partition));
            return true;
        }

        if (name.StartsWith("sd", StringComparison.Ordinal))
        {
            if (!TryLetters(name, 2, 15, 15, out disk, out partition, out reason))
            {
                return false;
            }

            device = new VirtualDevice(name, VirtualDeviceKind.Scsi, disk, partition, (8 << 8) | (disk << 4) | partition);
            return true;
        }

        reason = "expected xvd*, hd*, sd*, d<N>p<M> or a device number";
        return false;
    }

    /// <summary>Decodes a xenstore device number into the device it names, with its canonical name.</summary>
    /// <param name="number">The device number.</param>
    /// <returns>The device; numbers outside the documented encodings give a <see cref="VirtualDeviceKind.Number"/> device.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is negative.</exception>
    public static VirtualDevice FromDeviceNumber(int number)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        int major = number >> 8;
        if ((number >> 28) == 1)
        {
            return Create(VirtualDeviceKind.Xen, (number >> 8) & 0xfffff, number & 0xff);
        }

        switch (major)
        {
            case 202:
                return Create(VirtualDeviceKind.Xen, (number >> 4) & 0xf, number & 0xf);
            case 8:
                return Create(VirtualDeviceKind.Scsi, (number >> 4) & 0xf, number & 0xf);
            case 3:
                return Create(VirtualDeviceKind.Ide, (number >> 6) & 1, number & 0x3f);
            case 22:
                return Create(VirtualDeviceKind.Ide, 2 + ((number >> 6) & 1), number & 0x3f);
            default:
                return new VirtualDevice(number.ToString(CultureInfo.InvariantCulture), VirtualDeviceKind.Number, -1, -1, number);
        }
    }

    /// <summary>Constructs the device with the canonical name for a kind, disk and partition.</summary>
    /// <param name="kind">The naming scheme (not <see cref="VirtualDeviceKind.Number"/>).</param>
    /// <param name="disk">The zero-based disk index.</param>
    /// <param name="partition">The partition, 0 for the whole disk.</param>
    /// <returns>The device, e.g. <c>xvdb2</c> for (Xen, 1, 2).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The disk or partition is outside the limits of the scheme, or the kind is <see cref="VirtualDeviceKind.Number"/>.</exception>
    public static VirtualDevice Create(VirtualDeviceKind kind, int disk, int partition)
    {
        (string prefix, int maxDisk, int maxPartition) = kind switch
        {
            VirtualDeviceKind.Xen => ("xvd", XvdMaxDisk, 255),
            VirtualDeviceKind.Ide => ("hd", 3, 63),
            VirtualDeviceKind.Scsi => ("sd", 15, 15),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Value should be Xen, Ide or Scsi."),
        };
        ArgumentOutOfRangeException.ThrowIfNegative(disk);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(disk, maxDisk);
        ArgumentOutOfRangeException.ThrowIfNegative(partition);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(partition, maxPartition);
        string name = prefix + Letters(disk) + (partition == 0 ? string.Empty : partition.ToString(CultureInfo.InvariantCulture));
        int number = kind switch
        {
            VirtualDeviceKind.Xen => EncodeXen(disk, partition),
            VirtualDeviceKind.Ide => EncodeIde(disk, partition),
            _ => (8 << 8) | (disk << 4) | partition,
        };
        return new VirtualDevice(name, kind, disk, partition, number);
    }

    /// <summary>Returns the name.</summary>
    /// <returns><see cref="Name"/>.</returns>
    public override string ToString() => Name;

    /// <inheritdoc/>
    public bool Equals(VirtualDevice other) => Kind == other.Kind && DeviceNumber == other.DeviceNumber;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is VirtualDevice other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, DeviceNumber);

    /// <summary>Compares two devices by kind and device number.</summary>
    /// <param name="left">The first device.</param>
    /// <param name="right">The second device.</param>
    /// <returns><see langword="true"/> when they are the same device.</returns>
    public static bool operator ==(VirtualDevice left, VirtualDevice right) => left.Equals(right);

    /// <summary>Compares two devices by kind and device number.</summary>
    /// <param name="left">The first device.</param>
    /// <param name="right">The second device.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(VirtualDevice left, VirtualDevice right) => !left.Equals(right);

    private static int EncodeXen(int disk, int partition) =>
        disk <= 15 && partition <= 15 ? (202 << 8) | (disk << 4) | partition : (1 << 28) | (disk << 8) | partition;

    private static int EncodeIde(int disk, int partition) => ((disk < 2 ? 3 : 22) << 8) | ((disk & 1) << 6) | partition;

    private static string Letters(int disk)
    {
        var sb = new StringBuilder();
        int n = disk + 1;
        while (n > 0)
        {
            n--;
            sb.Insert(0, (char)('a' + (n % 26)));
            n /= 26;
        }

        return sb.ToString();
    }

    private static bool TryParseDp(string name, out int disk, out int partition, out string? reason)
    {
        disk = partition = 0;
        reason = null;
        if (name.Length < 2 || name[0] != 'd')
        {
            return false;
        }

        // sscanf("%i") skips white space and takes a sign; we take digits only, which is what real names use.
        ulong d = CNumbers.StrToUL(name, 1, 0, out int end, out bool overflow);
        if (end == 1 || !char.IsAsciiDigit(name[1]) || end >= name.Length || name[end] != 'p')
        {
            return false;
        }

        int pStart = end + 1;
        if (pStart >= name.Length || !char.IsAsciiDigit(name[pStart]))
        {
            return false;
        }

        ulong p = CNumbers.StrToUL(name, pStart, 0, out int pEnd, out bool pOverflow);
        if (pEnd != name.Length)
        {
            return false;
        }

        if (overflow || d >= 1 << 20)
        {
            reason = "the disk number of d<N>p<M> must be below 1048576";
            return false;
        }

        if (pOverflow || p >= 256)
        {
            reason = "the partition of d<N>p<M> must be below 256";
            return false;
        }

        disk = (int)d;
        partition = (int)p;
        return true;
    }

    private static bool TryLetters(string name, int prefixLength, int maxDisk, int maxPartition, out int disk, out int partition, [NotNullWhen(false)] out string? reason)
    {
        disk = -1;
        partition = 0;
        int p = prefixLength;
        while (p < name.Length && name[p] is >= 'a' and <= 'z')
        {
            disk = ((disk + 1) * 26) + (name[p] - 'a');
            p++;
            if (disk > maxDisk)
            {
                reason = $"the disk index is above {maxDisk}";
                return false;
            }
        }

        if (disk < 0)
        {
            reason = "the disk letter is missing";
            return false;
        }

        if (p == name.Length)
        {
            reason = null;
            return true;
        }

        if (name[p] == '0')
        {
            reason = "the partition number has a leading zero";
            return false;
        }

        for (int i = p; i < name.Length; i++)
        {
            if (!char.IsAsciiDigit(name[i]))
            {
                reason = $"unexpected '{name[i]}' after the disk letters";
                return false;
            }
        }

        if (name.Length - p > 4 || int.Parse(name.AsSpan(p), NumberStyles.None, CultureInfo.InvariantCulture) > maxPartition)
        {
            reason = $"the partition is above {maxPartition}";
            return false;
        }

        partition = int.Parse(name.AsSpan(p), NumberStyles.None, CultureInfo.InvariantCulture);
        reason = null;
        return true;
    }
}

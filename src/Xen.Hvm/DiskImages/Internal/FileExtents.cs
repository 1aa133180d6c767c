using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Xen.Hvm.DiskImages.Internal;

/// <summary>
/// The few POSIX calls .NET does not offer: holes (<c>lseek</c> with <c>SEEK_DATA</c>/<c>SEEK_HOLE</c>), the size of
/// a block device (<c>SEEK_END</c>) and the file type and identity (<c>statx</c>, whose layout is the same on every
/// Linux architecture). Elsewhere every byte counts as data and the type comes from <see cref="FileSystemInfo"/>.
/// </summary>
internal static class FileExtents
{
    private const int SeekEnd = 2;
    private const int SeekData = 3;
    private const int SeekHole = 4;
    private const int ENXIO = 6;
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const int AtEmptyPath = 0x1000;
    private const uint StatxTypeAndIno = 0x001 | 0x100;
    private const int StatxSize = 256;
    private static bool s_noStatx;

    /// <summary>Returns whether the run at <paramref name="offset"/> is a hole, and how long it is (at most up to <paramref name="limit"/>).</summary>
    public static (bool IsHole, long Length) Probe(SafeFileHandle handle, long offset, long limit)
    {
        if (!OperatingSystem.IsLinux() || offset >= limit)
        {
            return (false, Math.Max(0, limit - offset));
        }

        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            int fd = (int)handle.DangerousGetHandle();
            long data = lseek(fd, offset, SeekData);
            if (data < 0)
            {
                // ENXIO: no data at or after the offset, so the rest of the file is a hole.
                return Marshal.GetLastPInvokeError() == ENXIO ? (true, limit - offset) : (false, limit - offset);
            }

            if (data > offset)
            {
                return (true, Math.Min(data, limit) - offset);
            }

            long hole = lseek(fd, offset, SeekHole);
            return hole <= offset ? (false, limit - offset) : (false, Math.Min(hole, limit) - offset);
        }
        catch (EntryPointNotFoundException)
        {
            return (false, limit - offset);
        }
        catch (DllNotFoundException)
        {
            return (false, limit - offset);
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    /// <summary>Returns the size of an open block device (its <c>stat</c> size is 0), or -1 when unknown.</summary>
    public static long DeviceSize(SafeFileHandle handle)
    {
        if (OperatingSystem.IsWindows())
        {
            return -1;
        }

        bool added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            return lseek((int)handle.DangerousGetHandle(), 0, SeekEnd);
        }
        catch (EntryPointNotFoundException)
        {
            return -1;
        }
        catch (DllNotFoundException)
        {
            return -1;
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    /// <summary>Returns what is at a path without opening it.</summary>
    public static ImageFileStatus Stat(string path, bool followLinks)
    {
        if (path.Contains('\0', StringComparison.Ordinal))
        {
            return ImageFileStatus.Missing;
        }

        if (OperatingSystem.IsLinux() && !s_noStatx)
        {
            byte[] name = NulTerminated(path);
            var buffer = new byte[StatxSize];
            try
            {
                if (statx(AtFdCwd, name, followLinks ? 0 : AtSymlinkNoFollow, StatxTypeAndIno, buffer) == 0)
                {
                    return FromStatx(buffer);
                }

                return ImageFileStatus.Missing;
            }
            catch (EntryPointNotFoundException)
            {
                s_noStatx = true;
            }
            catch (DllNotFoundException)
            {
                s_noStatx = true;
            }
        }

        return ManagedStat(path, followLinks);
    }

    /// <summary>Returns what an open file is (<c>fstat</c>); without <c>statx</c>, what its path is now.</summary>
    public static ImageFileStatus Stat(SafeFileHandle handle, string path)
    {
        if (OperatingSystem.IsLinux() && !s_noStatx)
        {
            bool added = false;
            var buffer = new byte[StatxSize];
            try
            {
                handle.DangerousAddRef(ref added);
                if (statx((int)handle.DangerousGetHandle(), [0], AtEmptyPath, StatxTypeAndIno, buffer) == 0)
                {
                    return FromStatx(buffer);
                }
            }
            catch (EntryPointNotFoundException)
            {
                s_noStatx = true;
            }
            catch (DllNotFoundException)
            {
                s_noStatx = true;
            }
            finally
            {
                if (added)
                {
                    handle.DangerousRelease();
                }
            }
        }

        return ManagedStat(path, followLinks: true);
    }

    /// <summary>Reads at an offset until the span is full; what lies past the end of the file reads as zeros.</summary>
    public static void ReadOrZero(IImageReadFile file, Span<byte> buffer, long offset)
    {
        int done = 0;
        while (done < buffer.Length)
        {
            int n = file.Read(buffer[done..], offset + done);
            if (n <= 0)
            {
                buffer[done..].Clear();
                return;
            }

            done += n;
        }
    }

    private static ImageFileStatus FromStatx(byte[] buffer)
    {
        int mode = BitConverter.ToUInt16(buffer, 28);
        ulong inode = BitConverter.ToUInt64(buffer, 32);
        ulong device = ((ulong)BitConverter.ToUInt32(buffer, 136) << 32) | BitConverter.ToUInt32(buffer, 140);
        var kind = (mode & 0xF000) switch
        {
            0x8000 => ImageFileKind.Regular,
            0x4000 => ImageFileKind.Directory,
            0xA000 => ImageFileKind.SymbolicLink,
            0x6000 => ImageFileKind.BlockDevice,
            0x2000 => ImageFileKind.CharacterDevice,
            0x1000 => ImageFileKind.Fifo,
            0xC000 => ImageFileKind.Socket,
            _ => ImageFileKind.Other,
        };
        return new ImageFileStatus(kind, device, inode);
    }

    /// <summary>What <see cref="FileSystemInfo"/> tells: no devices or FIFOs (they look like files), no identity.</summary>
    private static ImageFileStatus ManagedStat(string path, bool followLinks)
    {
        try
        {
            FileSystemInfo info = Directory.Exists(path) ? new DirectoryInfo(path) : new FileInfo(path);
            if (info.LinkTarget is not null)
            {
                if (!followLinks)
                {
                    return new ImageFileStatus(ImageFileKind.SymbolicLink);
                }

                info = info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
            }

            return !info.Exists ? ImageFileStatus.Missing
                : info is DirectoryInfo || info.Attributes.HasFlag(FileAttributes.Directory) ? new ImageFileStatus(ImageFileKind.Directory)
                : new ImageFileStatus(ImageFileKind.Regular);
        }
        catch (IOException)
        {
            return ImageFileStatus.Missing;
        }
        catch (UnauthorizedAccessException)
        {
            return ImageFileStatus.Missing;
        }
    }

    private static byte[] NulTerminated(string path)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(path) + 1];
        Encoding.UTF8.GetBytes(path, bytes);
        return bytes;
    }

#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe blocks, which this project does not enable; the signatures are blittable.
    [DllImport("libc", SetLastError = true)]
    private static extern long lseek(int fd, long offset, int whence);

    [DllImport("libc", SetLastError = true)]
    private static extern int statx(int dirfd, byte[] pathname, int flags, uint mask, byte[] statxbuf);
#pragma warning restore SYSLIB1054
}

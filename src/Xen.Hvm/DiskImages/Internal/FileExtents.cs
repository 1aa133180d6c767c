using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Xen.Hvm.DiskImages.Internal;

/// <summary>Finds holes in files (Linux <c>lseek</c> with <c>SEEK_DATA</c>/<c>SEEK_HOLE</c>); elsewhere every byte counts as data.</summary>
internal static class FileExtents
{
    private const int SeekData = 3;
    private const int SeekHole = 4;
    private const int ENXIO = 6;

    /// <summary>Returns whether the run at <paramref name="offset"/> is a hole, and how long it is (at most up to <paramref name="limit"/>).</summary>
    public static (bool IsHole, long Length) Probe(SafeFileHandle handle, long offset, long limit)
    {
        if (!OperatingSystem.IsLinux() || offset >= limit)
        {
            return (false, limit - offset);
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

    /// <summary>Reads at an offset until the span is full; what lies past the end of the file reads as zeros.</summary>
    public static void ReadOrZero(SafeFileHandle handle, Span<byte> buffer, long offset)
    {
        int done = 0;
        while (done < buffer.Length)
        {
            int n = RandomAccess.Read(handle, buffer[done..], offset + done);
            if (n <= 0)
            {
                buffer[done..].Clear();
                return;
            }

            done += n;
        }
    }

#pragma warning disable SYSLIB1054 // LibraryImport needs unsafe blocks, which this project does not enable; the signature is blittable.
    [DllImport("libc", SetLastError = true)]
    private static extern long lseek(int fd, long offset, int whence);
#pragma warning restore SYSLIB1054
}

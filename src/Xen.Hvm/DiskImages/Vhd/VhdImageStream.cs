using System.Buffers.Binary;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.DiskImages.Internal;

namespace Xen.Hvm.DiskImages.Vhd;

/// <summary>
/// Reads fixed and dynamic VHDs as QEMU's <c>vpc</c> driver does: the size follows <see cref="VhdSizing.CapacityOf"/>,
/// allocated blocks are read whole (the sector bitmap is not consulted), unallocated blocks read as zeros.
/// </summary>
internal sealed class VhdImageStream : DiskImageStream
{
    /// <summary>The largest block allocation table read (4 Mi entries; qemu-img's 2040 GiB disks need 1 Mi).</summary>
    private const long MaxBatBytes = 16L * 1024 * 1024;

    private readonly IImageReadFile _handle;
    private readonly uint[] _bat;
    private readonly int _blockSize;
    private readonly int _bitmapSize;

    private VhdImageStream(IImageReadFile handle, uint[] bat, int blockSize, VhdImageInfo info)
        : base(info)
    {
        _handle = handle;
        _bat = bat;
        _blockSize = blockSize;
        _bitmapSize = (((blockSize / 512 / 8) + 511) / 512) * 512;
    }

    /// <summary>Opens a VHD; problems are added to <paramref name="problems"/> and make the result null.</summary>
    public static DiskImageStream? Open(IImageReadFile handle, string? path, long fileLength, List<Diagnostic> problems)
    {
        if (ReadFooter(handle, path, fileLength, problems) is not { } footer)
        {
            return null;
        }

        long capacity = VhdSizing.CapacityOf(footer);
        var info = new VhdImageInfo
        {
            Path = path,
            Capacity = capacity,
            FileLength = fileLength,
            Subformat = footer.DiskType == VhdFooter.TypeFixed ? VhdSubformat.Fixed : VhdSubformat.Dynamic,
            Geometry = footer.Geometry,
            CreatorApplication = footer.CreatorApplication,
            UniqueId = footer.UniqueId,
            Timestamp = VhdFooter.ToDateTime(footer.Timestamp),
        };
        if (footer.DiskType == VhdFooter.TypeDifferencing)
        {
            problems.Add(ImageDiagnostics.Unsupported(path, "VHD", "a parent disk (differencing VHD)"));
            return null;
        }

        if (footer.DiskType == VhdFooter.TypeFixed)
        {
            long dataLength = Math.Max(0, fileLength - VhdFooter.Size);
            if (capacity > dataLength)
            {
                problems.Add(ImageDiagnostics.InvalidHeader(path, "VHD", $"the fixed disk claims {capacity} bytes but the file holds {dataLength}"));
                return null;
            }

            if (capacity < dataLength)
            {
                // Never a silent truncation: QEMU reads the same size, but the caller is told what it does not see.
                problems.Add(ImageDiagnostics.VhdSize(path, capacity, dataLength, $"the last {dataLength - capacity} bytes before the footer are not part of the disk (read it with the raw format to see every byte)"));
            }

            return new FlatImageStream(handle, info, dataLength: capacity);
        }

        if (footer.DiskType != VhdFooter.TypeDynamic)
        {
            problems.Add(ImageDiagnostics.InvalidHeader(path, "VHD", $"disk type {footer.DiskType} is not fixed (2), dynamic (3) or differencing (4)"));
            return null;
        }

        if (ReadDynamicHeader(handle, path, fileLength, footer, problems) is not { } header)
        {
            return null;
        }

        long batBytes = (long)header.MaxTableEntries * 4;
        if ((long)header.MaxTableEntries * header.BlockSize < capacity || batBytes > MaxBatBytes)
        {
            problems.Add(ImageDiagnostics.InvalidHeader(path, "VHD", $"the block allocation table ({header.MaxTableEntries} blocks of {header.BlockSize} bytes) does not cover the disk"));
            return null;
        }

        if (header.TableOffset > (ulong)(long.MaxValue / 2))
        {
            problems.Add(ImageDiagnostics.InvalidHeader(path, "VHD", $"the block allocation table offset {header.TableOffset} is outside the file"));
            return null;
        }

        // Read in 64 KiB pieces, so that only the table itself is held.
        var bat = new uint[header.MaxTableEntries];
        var piece = new byte[64 * 1024];
        for (long done = 0; done < batBytes; done += piece.Length)
        {
            int n = (int)Math.Min(piece.Length, batBytes - done);
            FileExtents.ReadOrZero(handle, piece.AsSpan(0, n), (long)header.TableOffset + done);
            for (int i = 0; i < n / 4; i++)
            {
                bat[(done / 4) + i] = BinaryPrimitives.ReadUInt32BigEndian(piece.AsSpan(i * 4));
            }
        }

        return new VhdImageStream(handle, bat, (int)header.BlockSize, info with { ClusterSize = (int)header.BlockSize });
    }

    private protected override void ReadCore(Span<byte> buffer, long offset)
    {
        while (!buffer.IsEmpty)
        {
            long block = offset / _blockSize;
            int inBlock = (int)(offset % _blockSize);
            int n = Math.Min(buffer.Length, _blockSize - inBlock);
            uint sector = _bat[block];
            if (sector == VhdDynamicHeader.Unallocated)
            {
                buffer[..n].Clear();
            }
            else
            {
                FileExtents.ReadOrZero(_handle, buffer[..n], ((long)sector * 512) + _bitmapSize + inBlock);
            }

            buffer = buffer[n..];
            offset += n;
        }
    }

    private protected override DiskImageExtent GetExtentCore(long offset)
    {
        long block = offset / _blockSize;
        bool zero = _bat[block] == VhdDynamicHeader.Unallocated;
        long next = block + 1;
        while (next < _bat.Length && (_bat[next] == VhdDynamicHeader.Unallocated) == zero)
        {
            next++;
        }

        return new DiskImageExtent(offset, (next * _blockSize) - offset, zero);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _handle.Dispose();
        }

        base.Dispose(disposing);
    }

    private static VhdFooter? ReadFooter(IImageReadFile handle, string? path, long fileLength, List<Diagnostic> problems)
    {
        var data = new byte[VhdFooter.Size];
        (uint Stored, uint Computed)? mismatch = null;
        foreach (long at in new[] { fileLength - VhdFooter.Size, 0 })
        {
            if (at < 0)
            {
                continue;
            }

            FileExtents.ReadOrZero(handle, data, at);
            if (!VhdFooter.TryRead(data, out var footer, out bool valid))
            {
                continue;
            }

            if (valid)
            {
                if (mismatch is { } m)
                {
                    problems.Add(ImageDiagnostics.Checksum(path, "footer", m.Stored, m.Computed, DiagnosticSeverity.Warning));
                }

                return footer;
            }

            mismatch ??= (footer.Checksum, VhdFooter.ComputeChecksum(data, 64));
        }

        if (mismatch is { } bad)
        {
            problems.Add(ImageDiagnostics.Checksum(path, "footer", bad.Stored, bad.Computed, DiagnosticSeverity.Error));
        }
        else
        {
            problems.Add(ImageDiagnostics.InvalidHeader(path, "VHD", "there is no 'conectix' footer at the end or the start of the file"));
        }

        return null;
    }

    private static VhdDynamicHeader? ReadDynamicHeader(IImageReadFile handle, string? path, long fileLength, VhdFooter footer, List<Diagnostic> problems)
    {
        if (footer.DataOffset > (ulong)Math.Max(0, fileLength - VhdDynamicHeader.Size))
        {
            problems.Add(ImageDiagnostics.InvalidHeader(path, "VHD", $"the dynamic header offset {footer.DataOffset} is outside the file"));
            return null;
        }

        var data = new byte[VhdDynamicHeader.Size];
        FileExtents.ReadOrZero(handle, data, (long)footer.DataOffset);
        if (!VhdDynamicHeader.TryRead(data, out var header, out bool valid))
        {
            problems.Add(ImageDiagnostics.InvalidHeader(path, "VHD", "the dynamic header has no 'cxsparse' cookie"));
            return null;
        }

        if (!valid)
        {
            problems.Add(ImageDiagnostics.Checksum(path, "dynamic header", header.Checksum, VhdFooter.ComputeChecksum(data, 36), DiagnosticSeverity.Error));
            return null;
        }

        if (header.BlockSize < 512 || (header.BlockSize & (header.BlockSize - 1)) != 0 || header.BlockSize > 256u * 1024 * 1024)
        {
            problems.Add(ImageDiagnostics.InvalidHeader(path, "VHD", $"the block size {header.BlockSize} is not a power of two from 512 bytes to 256 MiB"));
            return null;
        }

        return header;
    }
}

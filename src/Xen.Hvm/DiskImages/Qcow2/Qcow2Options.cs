namespace Xen.Hvm.DiskImages.Qcow2;

/// <summary>Options for qcow2 images; the defaults are those of <c>qemu-img create -f qcow2</c> in QEMU 7.2.</summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed record Qcow2Options : DiskImageOptions
{
    /// <summary>The smallest cluster size qcow2 allows, 512 bytes.</summary>
    public const int MinClusterSize = 512;

    /// <summary>The largest cluster size QEMU allows, 2 MiB.</summary>
    public const int MaxClusterSize = 2 * 1024 * 1024;

    /// <summary>Gets the header version; <see cref="Qcow2Version.V3"/> by default.</summary>
    public Qcow2Version Version { get; init; } = Qcow2Version.V3;

    /// <summary>Gets the cluster size in bytes: a power of two from 512 B to 2 MiB; 64 KiB by default.</summary>
    public int ClusterSize { get; init; } = 65536;

    /// <summary>Gets the refcount width in bits: 1, 2, 4, 8, 16, 32 or 64 (only 16 with version 2); 16 by default.</summary>
    public int RefcountBits { get; init; } = 16;

    /// <summary>Gets the backing file name to store, or <see langword="null"/>. A relative name is resolved against
    /// the image's directory, as QEMU does; the file must exist when the image is created.</summary>
    public string? BackingFile { get; init; }

    /// <summary>Gets the backing file's format; when <see langword="null"/> it is detected from the file.</summary>
    public DiskImageFormat? BackingFormat { get; init; }

    /// <summary>Gets the preallocation mode; <see cref="Qcow2Preallocation.Off"/> by default.</summary>
    public Qcow2Preallocation Preallocation { get; init; }
}

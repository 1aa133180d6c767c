namespace Xen.Hvm.DiskImages;

/// <summary>A backing image a qcow2 image asks for, as a <see cref="BackingFilePolicy.FromStreams"/> callback sees it.</summary>
/// <param name="ImagePath">The path of the image that names it, or <see langword="null"/> when that image was itself read from a stream.</param>
/// <param name="Name">The backing file name as stored in the image (for example <c>base.qcow2</c> or <c>/srv/images/base.raw</c>).</param>
/// <param name="Format">The backing file's format as the image gives it; <see langword="null"/> means it is probed
/// from the stream's content, by QEMU's rule.</param>
/// <param name="Depth">Its depth in the chain: 1 for the backing file of the image opened, 2 for that one's, and so on.</param>
public sealed record BackingStreamRequest(string? ImagePath, string Name, DiskImageFormat? Format, int Depth);

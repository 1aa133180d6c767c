namespace Xen.Hvm.Config.Conversion.Internal.Libvirt;

/// <summary>Where libvirt's converters give up (virReportError then return -1): caught by <see cref="LibvirtXml"/> and
/// turned into a diagnostic; it never leaves the library.</summary>
internal sealed class LibvirtRefusal(string reason) : Exception(reason)
{
    public string Reason { get; } = reason;
}

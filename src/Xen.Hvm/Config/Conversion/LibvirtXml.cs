using System.Xml.Linq;
using Xen.Hvm.Config.Conversion.Internal.Libvirt;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Text;

namespace Xen.Hvm.Config.Conversion;

/// <summary>
/// libvirt's domain XML (type <c>xen</c>) of a config, and back, the way libvirt's own converters do it
/// (src/libxl/xen_common.c, xen_xl.c, xen_xm.c: <c>virsh domxml-from-native</c> and <c>domxml-to-native</c>), without
/// libvirt: libvirt's defaults where the config is silent (they are xend's: <c>on_crash</c> restart, no VNC), the
/// devices libvirt adds (xenbus and IDE controllers, PS/2 or Xen input, a video card, the balloon), and the host's
/// parts (emulator, loader, machine) from <see cref="LibvirtXmlOptions"/>.
/// </summary>
public static class LibvirtXml
{
    /// <summary>The domain XML of a config, as libvirt's converter makes it.</summary>
    /// <param name="config">The model (bind the file under xl for <see cref="LibvirtFormat.Xl"/>, under xm for <see cref="LibvirtFormat.Xm"/>).</param>
    /// <param name="options">The converter and host; <see cref="LibvirtXmlOptions.Default"/> when null.</param>
    /// <returns>The XML with an info (XH9102) for each option the converter does not carry, or the diagnostic (XH9101)
    /// that says why libvirt refuses the config.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="config"/> is <see langword="null"/>.</exception>
    public static ParseResult<XDocument> FromConfig(DomainConfig config, LibvirtXmlOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        options ??= LibvirtXmlOptions.Default;
        try
        {
            var reader = new LibvirtConfigReader(config, options);
            LibvirtDomain domain = reader.Read();
            Diagnostic[] notes = [.. reader.Unread().Select(n => Diagnostic.Create(DiagnosticDescriptors.LibvirtNotConverted, default(SourceLocation), n, Native(options)))];
            return Result(LibvirtXmlWriter.Write(domain), notes);
        }
        catch (LibvirtRefusal refusal)
        {
            return Result<XDocument>(null, [Diagnostic.Create(DiagnosticDescriptors.LibvirtConfigRefused, default(SourceLocation), Native(options), refusal.Reason)]);
        }
    }

    /// <summary>
    /// The config libvirt's converter writes for a domain XML (<c>virsh domxml-to-native</c>), as a document: the
    /// settings in libvirt's order and spelling, byte for byte what libvirt prints.
    /// </summary>
    /// <param name="xml">The domain XML (type <c>xen</c>).</param>
    /// <param name="options">The converter and host; <see cref="LibvirtXmlOptions.Default"/> when null.</param>
    /// <param name="path">The path the document reports in its diagnostics, or null.</param>
    /// <returns>The config (xl dialect), or the diagnostic that says why there is none (XH9103, XH9104).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="xml"/> is <see langword="null"/>.</exception>
    public static ParseResult<ConfigDocument> ToConfigDocument(XDocument xml, LibvirtXmlOptions? options = null, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        options ??= LibvirtXmlOptions.Default;
        LibvirtDomain domain;
        try
        {
            domain = LibvirtXmlReader.Read(xml, options);
        }
        catch (LibvirtRefusal refusal)
        {
            return Result<ConfigDocument>(null, [Diagnostic.Create(DiagnosticDescriptors.LibvirtXmlInvalid, default(SourceLocation), refusal.Reason)]);
        }

        try
        {
            string text = new LibvirtConfigWriter(domain, options).Write();
            ConfigDocument document = XenConfig.Parse(text, path, new XenConfigParseOptions { Dialect = ConfigDialect.Xl });
            return Result(document, []);
        }
        catch (LibvirtRefusal refusal)
        {
            return Result<ConfigDocument>(null, [Diagnostic.Create(DiagnosticDescriptors.LibvirtXmlUnsupported, default(SourceLocation), Native(options), refusal.Reason)]);
        }
    }

    /// <summary>
    /// The model of a domain XML: the config libvirt's converter writes for it (<see cref="ToConfigDocument"/>), bound
    /// under xl (<see cref="LibvirtFormat.Xl"/>) or xend (<see cref="LibvirtFormat.Xm"/>).
    /// </summary>
    /// <param name="xml">The domain XML (type <c>xen</c>).</param>
    /// <param name="options">The converter and host; <see cref="LibvirtXmlOptions.Default"/> when null.</param>
    /// <returns>The model, or the diagnostics that say why there is none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="xml"/> is <see langword="null"/>.</exception>
    public static ParseResult<DomainConfig> ToConfig(XDocument xml, LibvirtXmlOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(xml);
        options ??= LibvirtXmlOptions.Default;
        ParseResult<ConfigDocument> document = ToConfigDocument(xml, options);
        if (!document.TryGetValue(out ConfigDocument? config))
        {
            return Result<DomainConfig>(null, document.Diagnostics);
        }

        BindResult bound = DomainConfig.Bind(config, new BindOptions
        {
            Toolstack = options.Format == LibvirtFormat.Xl ? Toolstack.Xl : Toolstack.Xm,
            XenVersion = options.Format == LibvirtFormat.Xl ? new(4, 17) : new(4, 4),
        });
        return Result(bound.Config, bound.Diagnostics);
    }

    internal static string Native(LibvirtXmlOptions options) => options.Format == LibvirtFormat.Xl ? "xen-xl" : "xen-xm";

    internal static ParseResult<T> Result<T>(T? value, IReadOnlyList<Diagnostic> diagnostics)
        where T : class => new(value, diagnostics, static (m, d) => new XenConfigException(m, d));
}

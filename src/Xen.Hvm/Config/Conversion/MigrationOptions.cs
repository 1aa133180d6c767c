using Xen.Hvm.Capabilities;

namespace Xen.Hvm.Config.Conversion;

/// <summary>How <see cref="XmToXl.Migrate"/> reads the xm file and what it writes.</summary>
public sealed record MigrationOptions
{
    /// <summary>Gets the default options: no host profile, xend of Xen 4.4, xl of Xen 4.17, xend's device model.</summary>
    public static MigrationOptions Default { get; } = new();

    /// <summary>
    /// Gets the context the xm file is evaluated in, as for <see cref="ConfigDocument.Evaluate"/>: the host profile
    /// (<c>os.uname()</c>), the <c>xm create</c> variables and options (<c>vmid=2</c>), the environment.
    /// </summary>
    public XmEvaluationContext XmContext { get; init; } = XmEvaluationContext.Default;

    /// <summary>Gets the Xen version whose xend read the file (its defaults and options); 4.4 by default, the last with xend.</summary>
    public XenVersion XendVersion { get; init; } = new(4, 4);

    /// <summary>Gets the Xen version of the xl that reads the result; 4.17 by default. Before 4.10 the guest type is
    /// written as <c>builder</c>, before 4.3 the graphics card as <c>stdvga</c>.</summary>
    public XenVersion XlVersion { get; init; } = new(4, 17);

    /// <summary>Gets which device model an HVM guest gets; <see cref="MigrationDeviceModel.Xend"/> by default.</summary>
    public MigrationDeviceModel DeviceModel { get; init; } = MigrationDeviceModel.Xend;

    /// <summary>
    /// Gets whether the defaults that changed between xend and xl (<c>on_crash</c>, <c>memory</c>, <c>hpet</c>,
    /// <c>boot</c>, <c>videoram</c>, <c>vnc</c>, <c>pci_msitranslate</c>, the device model and BIOS) are written out
    /// so the guest behaves as it did under xend; <see langword="true"/> by default.
    /// </summary>
    public bool WriteXendDefaults { get; init; } = true;

    /// <summary>Gets the path the new document reports in its diagnostics (where it will be saved), or null.</summary>
    public string? Path { get; init; }
}

using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Model;

// The PVH-only options (OptionGroup.Pvh); every property is a row of OptionCatalog.
public sealed partial record DomainConfig
{
    /// <summary>Gets <c>pvh</c>: The old (Xen 4.4–4.9) way of asking for a PVH guest from a PV config.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? Pvh { get => Get<bool?>(Slots.Pvh); init => Init(Slots.Pvh, value); }

    /// <summary>Gets <c>pvshim</c>: Whether a PVH guest runs a PV guest inside a shim.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? PvShim { get => Get<bool?>(Slots.PvShim); init => Init(Slots.PvShim, value); }

    /// <summary>Gets <c>pvshim_path</c>: The path of the PV shim.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? PvShimPath { get => Get<string?>(Slots.PvShimPath); init => Init(Slots.PvShimPath, value); }

    /// <summary>Gets <c>pvshim_cmdline</c>: The PV shim's command line.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? PvShimCmdline { get => Get<string?>(Slots.PvShimCmdline); init => Init(Slots.PvShimCmdline, value); }

    /// <summary>Gets <c>pvshim_extra</c>: Text appended to the PV shim's command line.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? PvShimExtra { get => Get<string?>(Slots.PvShimExtra); init => Init(Slots.PvShimExtra, value); }
}

namespace Xen.Hvm.Config.Model;

/// <summary>How devices are passed through to the guest (<c>passthrough</c>).</summary>
/// <remarks>Options of this type are <see cref="ConfigEnum{T}"/> values, which keep a spelling no member matches.</remarks>
public enum PassthroughMode
{
    /// <summary>Chosen by libxl (<c>default</c>).</summary>
    Default,

    /// <summary>No passthrough (<c>disabled</c>).</summary>
    Disabled,

    /// <summary>Passthrough, IOMMU tables chosen by libxl (<c>enabled</c>).</summary>
    Enabled,

    /// <summary>IOMMU tables kept in sync with the p2m (<c>sync_pt</c>).</summary>
    SyncPt,

    /// <summary>IOMMU tables shared with the p2m (<c>share_pt</c>).</summary>
    SharePt,
}

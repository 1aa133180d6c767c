using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Model;

// The general options (OptionGroup.General); every property is a row of OptionCatalog.
public sealed partial record DomainConfig
{
    /// <summary>Gets <c>name</c>: The domain's name, unique on the host; xl refuses a config without one.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? Name { get => Get<string?>(Slots.Name); init => Init(Slots.Name, value); }

    /// <summary>Gets <c>type</c>: The kind of guest: <c>pv</c>, <c>pvh</c> or <c>hvm</c> (xl matches a prefix: <c>h</c> is <c>hvm</c>).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ConfigEnum<GuestType>? Type { get => Get<ConfigEnum<GuestType>?>(Slots.Type); init => Init(Slots.Type, value); }

    /// <summary>Gets <c>builder</c>: The xm spelling of the guest type (<c>hvm</c>, <c>linux</c>; xl also takes <c>generic</c> for PV); deprecated in xl since 4.10.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? Builder { get => Get<string?>(Slots.Builder); init => Init(Slots.Builder, value); }

    /// <summary>Gets <c>uuid</c>: The domain's UUID (8-4-4-4-12 hex digits); xl makes a random one when absent.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? Uuid { get => Get<string?>(Slots.Uuid); init => Init(Slots.Uuid, value); }

    /// <summary>Gets <c>pool</c>: The cpupool the domain starts in.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? Pool { get => Get<string?>(Slots.Pool); init => Init(Slots.Pool, value); }

    /// <summary>Gets <c>seclabel</c>: The XSM/FLASK security label of the domain.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? SecurityLabel { get => Get<string?>(Slots.SecurityLabel); init => Init(Slots.SecurityLabel, value); }

    /// <summary>Gets <c>init_seclabel</c>: The XSM label the domain is built with, before it switches to <c>seclabel</c>.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public string? InitialSecurityLabel { get => Get<string?>(Slots.InitialSecurityLabel); init => Init(Slots.InitialSecurityLabel, value); }

    /// <summary>Gets <c>driver_domain</c>: Whether the domain is a driver domain (it runs backends for other guests).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? DriverDomain { get => Get<bool?>(Slots.DriverDomain); init => Init(Slots.DriverDomain, value); }

    /// <summary>Gets <c>passthrough</c>: How devices are passed through: <c>disabled</c>, <c>enabled</c>, <c>sync_pt</c>, <c>share_pt</c>.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ConfigEnum<PassthroughMode>? Passthrough { get => Get<ConfigEnum<PassthroughMode>?>(Slots.Passthrough); init => Init(Slots.Passthrough, value); }

    /// <summary>Gets <c>xend_suspend_evtchn_compat</c>: Whether the guest's suspend event channel is written where xend wrote it.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? XendSuspendEventChannelCompat { get => Get<bool?>(Slots.XendSuspendEventChannelCompat); init => Init(Slots.XendSuspendEventChannelCompat, value); }

    /// <summary>Gets <c>nomigrate</c>: Whether the guest may not be migrated (it may then use host features migration cannot move).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public bool? NoMigrate { get => Get<bool?>(Slots.NoMigrate); init => Init(Slots.NoMigrate, value); }

    /// <summary>Gets <c>max_grant_frames</c>: The number of grant table frames the guest may use.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? MaxGrantFrames { get => Get<long?>(Slots.MaxGrantFrames); init => Init(Slots.MaxGrantFrames, value); }

    /// <summary>Gets <c>max_maptrack_frames</c>: The number of maptrack frames the guest may use (for the grants it maps).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? MaxMaptrackFrames { get => Get<long?>(Slots.MaxMaptrackFrames); init => Init(Slots.MaxMaptrackFrames, value); }

    /// <summary>Gets <c>max_grant_version</c>: The highest grant table version the guest may use.</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? MaxGrantVersion { get => Get<long?>(Slots.MaxGrantVersion); init => Init(Slots.MaxGrantVersion, value); }

    /// <summary>Gets <c>max_event_channels</c>: The number of event channels the guest may use (1023 by default).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? MaxEventChannels { get => Get<long?>(Slots.MaxEventChannels); init => Init(Slots.MaxEventChannels, value); }

    /// <summary>Gets <c>vmtrace_buf_kb</c>: The size of each vCPU's processor trace buffer, in KiB (0: none).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? VmtraceBufferKiB { get => Get<long?>(Slots.VmtraceBufferKiB); init => Init(Slots.VmtraceBufferKiB, value); }

    /// <summary>Gets <c>xenstore_feature_mask</c>: The xenstore features offered to the guest, as a bit mask (Xen 4.21+).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public long? XenstoreFeatureMask { get => Get<long?>(Slots.XenstoreFeatureMask); init => Init(Slots.XenstoreFeatureMask, value); }

    /// <summary>Gets <c>xenstore_quota</c>: The guest's xenstore quotas as <c>name=value</c> items (Xen 4.21+).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ValueList<string>? XenstoreQuotas { get => Get<ValueList<string>?>(Slots.XenstoreQuotas); init => Init(Slots.XenstoreQuotas, value); }
}

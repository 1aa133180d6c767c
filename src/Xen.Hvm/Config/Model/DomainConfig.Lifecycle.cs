using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Model;

// The lifecycle actions (OptionGroup.Lifecycle); every property is a row of OptionCatalog.
public sealed partial record DomainConfig
{
    /// <summary>Gets <c>on_poweroff</c>: What happens when the guest powers off (destroy by default).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ConfigEnum<ShutdownAction>? OnPoweroff { get => Get<ConfigEnum<ShutdownAction>?>(Slots.OnPoweroff); init => Init(Slots.OnPoweroff, value); }

    /// <summary>Gets <c>on_reboot</c>: What happens when the guest reboots (restart by default).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ConfigEnum<ShutdownAction>? OnReboot { get => Get<ConfigEnum<ShutdownAction>?>(Slots.OnReboot); init => Init(Slots.OnReboot, value); }

    /// <summary>Gets <c>on_watchdog</c>: What happens when the guest's watchdog fires (destroy by default).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ConfigEnum<ShutdownAction>? OnWatchdog { get => Get<ConfigEnum<ShutdownAction>?>(Slots.OnWatchdog); init => Init(Slots.OnWatchdog, value); }

    /// <summary>Gets <c>on_crash</c>: What happens when the guest crashes (destroy under xl, restart under xend).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ConfigEnum<ShutdownAction>? OnCrash { get => Get<ConfigEnum<ShutdownAction>?>(Slots.OnCrash); init => Init(Slots.OnCrash, value); }

    /// <summary>Gets <c>on_soft_reset</c>: What happens when the guest asks for a soft reset (soft-reset by default).</summary>
    /// <remarks><see langword="null"/> when the config does not set it.</remarks>
    public ConfigEnum<ShutdownAction>? OnSoftReset { get => Get<ConfigEnum<ShutdownAction>?>(Slots.OnSoftReset); init => Init(Slots.OnSoftReset, value); }
}

namespace Xen.Hvm.Config.Model;

/// <summary>What the toolstack does when a guest powers off, reboots, crashes, trips its watchdog or asks for a soft reset (<c>on_poweroff</c>, <c>on_reboot</c>, <c>on_crash</c>, <c>on_watchdog</c>, <c>on_soft_reset</c>).</summary>
/// <remarks>Options of this type are <see cref="ConfigEnum{T}"/> values, which keep a spelling no member matches.</remarks>
public enum ShutdownAction
{
    /// <summary>Destroy the domain (<c>destroy</c>).</summary>
    Destroy,

    /// <summary>Destroy it and start a new one from the same config (<c>restart</c>).</summary>
    Restart,

    /// <summary>Keep the old domain under a new name and start a new one (<c>rename-restart</c>).</summary>
    RenameRestart,

    /// <summary>Keep the domain for inspection (<c>preserve</c>).</summary>
    Preserve,

    /// <summary>Write a core dump, then destroy (<c>coredump-destroy</c>).</summary>
    CoredumpDestroy,

    /// <summary>Write a core dump, then restart (<c>coredump-restart</c>).</summary>
    CoredumpRestart,

    /// <summary>Reset the domain keeping its memory (<c>soft-reset</c>).</summary>
    SoftReset,
}

namespace Xen.Hvm.Config.Model.Internal;

/// <summary>
/// The spellings of every closed set of the model: the spelling xl's documentation uses for each member (also what
/// write-back prints), the name libxl's JSON gives it, and whether xl matches the option case-insensitively
/// (<c>libxl_*_from_string</c> uses <c>strcasecmp</c>) or exactly (xl_parse.c's own <c>strcmp</c> tables).
/// </summary>
internal static class ModelEnums
{
    public static string Spell<T>(T value) where T : struct, Enum => Table<T>.Members[Table<T>.IndexOf(value)].Spelling;

    public static string LibxlName<T>(T value) where T : struct, Enum => Table<T>.Members[Table<T>.IndexOf(value)].Libxl;

    public static bool TryRead<T>(string spelling, out T value) where T : struct, Enum
    {
        var comparison = Table<T>.IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var row in Table<T>.Members)
        {
            if (string.Equals(row.Spelling, spelling, comparison))
            {
                value = row.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Reads a libxl JSON enum name (<c>restart_rename</c>).</summary>
    public static bool TryReadLibxl<T>(string name, out T value) where T : struct, Enum
    {
        foreach (var row in Table<T>.Members)
        {
            if (string.Equals(row.Libxl, name, StringComparison.Ordinal))
            {
                value = row.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Gets every member's spelling, in declaration order (for docs and "did you mean").</summary>
    public static IReadOnlyList<string> Spellings<T>() where T : struct, Enum => Table<T>.Members.Select(static r => r.Spelling).ToArray();

    internal readonly record struct Row<T>(T Value, string Spelling, string Libxl);

    private static class Table<T> where T : struct, Enum
    {
        public static readonly Row<T>[] Members = Create(out IgnoreCase);

        public static readonly bool IgnoreCase;

        public static int IndexOf(T value)
        {
            for (int i = 0; i < Members.Length; i++)
            {
                if (EqualityComparer<T>.Default.Equals(Members[i].Value, value))
                {
                    return i;
                }
            }

            throw new ArgumentOutOfRangeException(nameof(value), value, "Value should be a member of " + typeof(T).Name);
        }

        private static Row<T>[] Create(out bool ignoreCase)
        {
            object rows = typeof(T) switch
            {
                var t when t == typeof(GuestType) => new Row<GuestType>[] { new Row<GuestType>(GuestType.Pv, "pv", "pv"), new Row<GuestType>(GuestType.Pvh, "pvh", "pvh"), new Row<GuestType>(GuestType.Hvm, "hvm", "hvm") },
                var t when t == typeof(ShutdownAction) => new Row<ShutdownAction>[] { new Row<ShutdownAction>(ShutdownAction.Destroy, "destroy", "destroy"), new Row<ShutdownAction>(ShutdownAction.Restart, "restart", "restart"), new Row<ShutdownAction>(ShutdownAction.RenameRestart, "rename-restart", "restart_rename"), new Row<ShutdownAction>(ShutdownAction.Preserve, "preserve", "preserve"), new Row<ShutdownAction>(ShutdownAction.CoredumpDestroy, "coredump-destroy", "coredump_destroy"), new Row<ShutdownAction>(ShutdownAction.CoredumpRestart, "coredump-restart", "coredump_restart"), new Row<ShutdownAction>(ShutdownAction.SoftReset, "soft-reset", "soft_reset") },
                var t when t == typeof(VgaKind) => new Row<VgaKind>[] { new Row<VgaKind>(VgaKind.None, "none", "none"), new Row<VgaKind>(VgaKind.Std, "stdvga", "std"), new Row<VgaKind>(VgaKind.Cirrus, "cirrus", "cirrus"), new Row<VgaKind>(VgaKind.Qxl, "qxl", "qxl") },
                var t when t == typeof(BiosKind) => new Row<BiosKind>[] { new Row<BiosKind>(BiosKind.Rombios, "rombios", "rombios"), new Row<BiosKind>(BiosKind.Seabios, "seabios", "seabios"), new Row<BiosKind>(BiosKind.Ovmf, "ovmf", "ovmf") },
                var t when t == typeof(TscMode) => new Row<TscMode>[] { new Row<TscMode>(TscMode.Default, "default", "default"), new Row<TscMode>(TscMode.AlwaysEmulate, "always_emulate", "always_emulate"), new Row<TscMode>(TscMode.Native, "native", "native"), new Row<TscMode>(TscMode.NativeParavirt, "native_paravirt", "native_paravirt") },
                var t when t == typeof(TimerMode) => new Row<TimerMode>[] { new Row<TimerMode>(TimerMode.DelayForMissedTicks, "delay_for_missed_ticks", "delay_for_missed_ticks"), new Row<TimerMode>(TimerMode.NoDelayForMissedTicks, "no_delay_for_missed_ticks", "no_delay_for_missed_ticks"), new Row<TimerMode>(TimerMode.NoMissedTicksPending, "no_missed_ticks_pending", "no_missed_ticks_pending"), new Row<TimerMode>(TimerMode.OneMissedTickPending, "one_missed_tick_pending", "one_missed_tick_pending") },
                var t when t == typeof(Altp2mMode) => new Row<Altp2mMode>[] { new Row<Altp2mMode>(Altp2mMode.Disabled, "disabled", "disabled"), new Row<Altp2mMode>(Altp2mMode.Mixed, "mixed", "mixed"), new Row<Altp2mMode>(Altp2mMode.External, "external", "external"), new Row<Altp2mMode>(Altp2mMode.Limited, "limited", "limited") },
                var t when t == typeof(DeviceModelVersion) => new Row<DeviceModelVersion>[] { new Row<DeviceModelVersion>(DeviceModelVersion.QemuXenTraditional, "qemu-xen-traditional", "qemu_xen_traditional"), new Row<DeviceModelVersion>(DeviceModelVersion.QemuXen, "qemu-xen", "qemu_xen") },
                var t when t == typeof(HdType) => new Row<HdType>[] { new Row<HdType>(HdType.Ide, "ide", "ide"), new Row<HdType>(HdType.Ahci, "ahci", "ahci") },
                var t when t == typeof(VendorDevice) => new Row<VendorDevice>[] { new Row<VendorDevice>(VendorDevice.None, "none", "none"), new Row<VendorDevice>(VendorDevice.XenServer, "xenserver", "xenserver") },
                var t when t == typeof(GfxPassthruKind) => new Row<GfxPassthruKind>[] { new Row<GfxPassthruKind>(GfxPassthruKind.Default, "default", "default"), new Row<GfxPassthruKind>(GfxPassthruKind.Igd, "igd", "igd") },
                var t when t == typeof(PassthroughMode) => new Row<PassthroughMode>[] { new Row<PassthroughMode>(PassthroughMode.Default, "default", "default"), new Row<PassthroughMode>(PassthroughMode.Disabled, "disabled", "disabled"), new Row<PassthroughMode>(PassthroughMode.Enabled, "enabled", "enabled"), new Row<PassthroughMode>(PassthroughMode.SyncPt, "sync_pt", "sync_pt"), new Row<PassthroughMode>(PassthroughMode.SharePt, "share_pt", "share_pt") },
                var t when t == typeof(GicVersion) => new Row<GicVersion>[] { new Row<GicVersion>(GicVersion.Default, "default", "default"), new Row<GicVersion>(GicVersion.V2, "v2", "v2"), new Row<GicVersion>(GicVersion.V3, "v3", "v3") },
                var t when t == typeof(TeeType) => new Row<TeeType>[] { new Row<TeeType>(TeeType.None, "none", "none"), new Row<TeeType>(TeeType.Optee, "optee", "optee"), new Row<TeeType>(TeeType.Ffa, "ffa", "ffa") },
                var t when t == typeof(VuartType) => new Row<VuartType>[] { new Row<VuartType>(VuartType.SbsaUart, "sbsa_uart", "sbsa_uart") },
                var t when t == typeof(XendStartAction) => new Row<XendStartAction>[] { new Row<XendStartAction>(XendStartAction.Ignore, "ignore", "ignore"), new Row<XendStartAction>(XendStartAction.Start, "start", "start") },
                var t when t == typeof(XendStopAction) => new Row<XendStopAction>[] { new Row<XendStopAction>(XendStopAction.Ignore, "ignore", "ignore"), new Row<XendStopAction>(XendStopAction.Shutdown, "shutdown", "shutdown"), new Row<XendStopAction>(XendStopAction.Suspend, "suspend", "suspend") },
                _ => throw new InvalidOperationException("No spelling table for " + typeof(T).Name),
            };

            ignoreCase = typeof(T) == typeof(Altp2mMode) || typeof(T) == typeof(BiosKind) || typeof(T) == typeof(GfxPassthruKind) || typeof(T) == typeof(GicVersion) || typeof(T) == typeof(HdType) || typeof(T) == typeof(PassthroughMode) || typeof(T) == typeof(TeeType) || typeof(T) == typeof(TimerMode) || typeof(T) == typeof(TscMode) || typeof(T) == typeof(VendorDevice) || typeof(T) == typeof(VuartType);
            return (Row<T>[])rows;
        }
    }
}

using System.Text.RegularExpressions;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs;

namespace Xen.Hvm.Config.Model.Internal.Binding;

/// <summary>
/// The checks of xl 4.17's <c>parse_config_data</c> (and <c>apply_global_affinity_masks</c> right after it) that go
/// beyond typing one value: a missing name, contradicting keys, the host's CPUs and NUMA nodes, what a guest type
/// needs; and xl's warnings about keys it ignores or deprecates. The per-value refusals (an unknown <c>on_crash</c>
/// action, a bad disk spec) are made while typing.
/// </summary>
internal sealed partial class XlChecks
{
    private readonly ValueReader _reader;
    private readonly DomainConfig _config;
    private readonly SettingSourceSet _sources;
    private readonly GuestType _guest;

    public XlChecks(ValueReader reader, DomainConfig config, SettingSourceSet sources, GuestType guest)
    {
        _reader = reader;
        _config = config;
        _sources = sources;
        _guest = guest;
    }

    public void Run()
    {
        CheckTypeAndName();
        CheckVcpus();
        CheckVnuma();
        CheckAffinity();
        CheckGrantLimits();
        CheckBoot();
        CheckHvm();
        CheckWarnings();
        CheckRdm();
    }

    private static readonly string[] BoundedLongs = ["max_grant_frames", "max_maptrack_frames", "max_grant_version"];

    private void CheckTypeAndName()
    {
        if (Source("builder") is { } builder && _reader.PeekAtom(builder) is { } b)
        {
            GuestType? fromBuilder = GuestTypeMatch.Builder(b, xm: false);
            if (fromBuilder is null)
            {
                Error(DiagnosticDescriptors.UnknownSetValue, builder, "builder", ValueReader.Clip(b), "hvm generic", "xl refuses the config");
            }
            else if (_config.Type is { IsKnown: true } type && type.Value != fromBuilder)
            {
                Error(DiagnosticDescriptors.TypeContradictsBuilder, builder, ValueReader.Clip(b), type.Spelling);
            }
        }

        if (_config.Name is null)
        {
            Error(DiagnosticDescriptors.NameMissing, Source("name")?.Origin ?? FileStart());
        }

        if (_config.Uuid is { } uuid && !UuidPattern().IsMatch(uuid))
        {
            Error(DiagnosticDescriptors.InvalidUuid, SourceOf("uuid"), ValueReader.Clip(uuid));
        }
    }

    private void CheckVcpus()
    {
        if (_config.Vcpus is < 0)
        {
            Error(DiagnosticDescriptors.ValueOutOfRange, SourceOf("vcpus"), "vcpus", _config.Vcpus, "0 or more");
        }

        if (_config.MaxVcpus is { } max && _config.Vcpus is { } vcpus && max < vcpus)
        {
            Error(DiagnosticDescriptors.MaxVcpusBelowVcpus, SourceOf("maxvcpus"), max, vcpus);
        }
    }

    private void CheckVnuma()
    {
        if (_config.VnumaNodes is not { } nodes || Source("vnuma") is not { } source)
        {
            return;
        }

        ulong vcpus = 0;
        ulong memory = 0;
        foreach (ValueList<VnumaOption> node in nodes)
        {
            foreach (VnumaOption option in node)
            {
                switch (option.Key)
                {
                    case VnumaKey.Pnode when option.Number is { } pnode && pnode >= (ulong)_reader.HostNodes:
                        Error(DiagnosticDescriptors.VnumaNodeNotOnHost, source, pnode, _reader.HostNodes);
                        return;
                    case VnumaKey.Size when option.Number is { } size:
                        memory += size;
                        break;
                    case VnumaKey.Vcpus:
                        foreach (var (from, to) in option.Ranges)
                        {
                            vcpus += to - from + 1;
                        }

                        break;
                }
            }
        }

        if (_config.MaxVcpus is { } max)
        {
            if ((ulong)max != vcpus)
            {
                Error(DiagnosticDescriptors.VnumaMismatch, source, $"the vNUMA nodes have {vcpus} vCPUs but 'maxvcpus' is {max}");
                return;
            }
        }
        else if (vcpus > (ulong)_reader.HostCpus)
        {
            Error(DiagnosticDescriptors.VnumaMismatch, source, $"the vNUMA nodes have {vcpus} vCPUs, more than the host's {_reader.HostCpus} CPUs (set 'maxvcpus' to allow it)");
            return;
        }

        if (_config.MaxMemoryMiB is { } maxmem && (ulong)maxmem != memory)
        {
            Error(DiagnosticDescriptors.VnumaMismatch, source, $"the vNUMA nodes have {memory} MiB but 'maxmem' is {maxmem}");
            return;
        }

        // Without maxvcpus, the vNUMA vCPU count becomes it, and xl's later "maxvcpus < vcpus" check applies to it.
        if (_config.MaxVcpus is null && _config.Vcpus is { } given && given > 0 && (ulong)given > vcpus)
        {
            Error(DiagnosticDescriptors.VnumaMismatch, source, $"the vNUMA nodes have {vcpus} vCPUs, fewer than 'vcpus' = {given} (xl takes their count as maxvcpus)");
        }
    }

    /// <summary>xl_vcpu.c: each vCPU's hard affinity, cut to the host's CPUs, must not be empty (only when the guest has vCPUs).</summary>
    private void CheckAffinity()
    {
        long count = _config.MaxVcpus ?? _config.Vcpus ?? 0;
        if (count <= 0 || _config.CpuAffinity is not { } affinity || Source("cpus") is not { } source)
        {
            return;
        }

        int cpusPerNode = Math.Max(1, _reader.HostCpus / _reader.HostNodes);
        IEnumerable<int> NodeCpus(int node) =>
            node < _reader.HostNodes ? Enumerable.Range(node * cpusPerNode, Math.Min(cpusPerNode, _reader.HostCpus - (node * cpusPerNode))) : [];

        for (int i = 0; i < affinity.Items.Count && i < count; i++)
        {
            CpuListSpec cpus = affinity.Items[i];
            if (cpus.Evaluate(_reader.HostCpus, NodeCpus).Count == 0)
            {
                ValueOrigin origin = affinity.IsList ? source.Origin.Item(i) : source.Origin;
                Error(DiagnosticDescriptors.AffinityOutsideHost, origin, "cpus", ValueReader.Clip(cpus.ToString()), _reader.HostCpus, _reader.HostNodes);
                return;
            }
        }
    }

    /// <summary>The grant limits are read silently between 0 and INT_MAX; anything else ends xl without a message.</summary>
    private void CheckGrantLimits()
    {
        foreach (string name in BoundedLongs)
        {
            if (Source(name) is not { } source)
            {
                continue;
            }

            long? value = (long?)OptionCatalog.Get(name).GetValue(_config);
            if (value is not (>= 0 and <= int.MaxValue))
            {
                Error(DiagnosticDescriptors.ValueOutOfRange, source, name, value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ("\"" + ValueReader.Clip(source.Value?.ToString() ?? string.Empty) + "\""), "0 to 2147483647");
            }
        }
    }

    private void CheckBoot()
    {
        if (_guest == GuestType.Hvm)
        {
            if (_config.Kernel is { } kernel && Path.GetFileName(kernel.TrimEnd('/')) == "hvmloader")
            {
                Warn(DiagnosticDescriptors.HvmloaderKernelIgnored, SourceOf("kernel"), ValueReader.Clip(kernel));
            }

            return;
        }

        string kind = _guest == GuestType.Pvh ? "PVH" : "PV";
        bool hasKernel = _config.Kernel is not null;
        if (_config.Firmware is { } firmware)
        {
            if (hasKernel)
            {
                Error(DiagnosticDescriptors.KernelAndFirmware, SourceOf("firmware"), kind);
                return;
            }

            if (!GuestTypeMatch.IsPrefix(firmware, "pvgrub32") && !GuestTypeMatch.IsPrefix(firmware, "pvgrub64"))
            {
                Error(DiagnosticDescriptors.PvFirmwareUnsupported, SourceOf("firmware"), ValueReader.Clip(firmware), kind);
                return;
            }

            hasKernel = true;
        }

        if (!hasKernel && _config.Bootloader is null)
        {
            Error(DiagnosticDescriptors.NoKernel, Source("type")?.Origin ?? Source("builder")?.Origin ?? FileStart(), kind);
        }

        if (_config.TimerMode is not null && _guest == GuestType.Pv)
        {
            Error(DiagnosticDescriptors.TimerModeOnPv, SourceOf("timer_mode"));
        }
    }

    private void CheckHvm()
    {
        if (_guest != GuestType.Hvm)
        {
            return;
        }

        if (_config.MmioHoleMiB is { } hole && hole is < 256 or > 3840)
        {
            Error(DiagnosticDescriptors.ValueOutOfRange, SourceOf("mmio_hole"), "mmio_hole", hole, "256 to 3840 MiB");
        }

        if (_config.MsVmGenerationId is { } genid && genid is not ("generate" or "none"))
        {
            Error(DiagnosticDescriptors.UnknownSetValue, SourceOf("ms_vm_genid"), "ms_vm_genid", ValueReader.Clip(genid), "generate none", "xl refuses the config");
        }

        if (_config.McaCapabilities is { } caps)
        {
            foreach (string cap in caps.Where(static c => c != "lmce").Take(1))
            {
                Error(DiagnosticDescriptors.UnknownSetValue, SourceOf("mca_caps"), "mca_caps", ValueReader.Clip(cap), "lmce", "xl refuses the config");
            }
        }

        if (_config.VncListen is { } listen && listen.Contains(':', StringComparison.Ordinal) && _config.VncDisplay is { } display and not 0)
        {
            Error(DiagnosticDescriptors.VncDisplayTwice, SourceOf("vncdisplay"), ValueReader.Clip(listen), display);
        }

        if (_config.BiosPathOverride is not null && _config.Bios is null)
        {
            Warn(DiagnosticDescriptors.OverrideWithoutSelector, SourceOf("bios_path_override"), "bios_path_override", "bios");
        }

        if (_config.Altp2mHvm is not null)
        {
            Warn(DiagnosticDescriptors.DeprecatedOption, SourceOf("altp2mhvm"), "altp2mhvm", "deprecated; use 'altp2m' instead");
        }
    }

    private void CheckWarnings()
    {
        if (_config.DeviceModel is not null)
        {
            Warn(DiagnosticDescriptors.DeviceModelIgnored, SourceOf("device_model"));
        }

        if (_config.DeviceModelOverride is not null && _config.DeviceModelVersion is null)
        {
            Warn(DiagnosticDescriptors.OverrideWithoutSelector, SourceOf("device_model_override"), "device_model_override", "device_model_version");
        }

        if (_config.VncViewer is not null)
        {
            Warn(DiagnosticDescriptors.OptionIgnored, SourceOf("vncviewer"), "vncviewer", "use 'xl create -V' to start a VNC viewer");
        }

        if (_config.Cmdline is not null)
        {
            foreach (string name in (string[])["root", "extra"])
            {
                if (Source(name) is { } s && OptionCatalog.Get(name).GetValue(_config) is not null)
                {
                    Warn(DiagnosticDescriptors.OptionIgnored, s, name, "'cmdline' is set, and xl uses it instead of 'root' and 'extra'");
                }
            }
        }

        if (_config.Vif2s is not null)
        {
            Warn(DiagnosticDescriptors.OptionIgnored, SourceOf("vif2"), "vif2", "netchannel2 is deprecated and not supported by xl");
        }

        if (_config.BootloaderArgs is { IsList: false })
        {
            Warn(DiagnosticDescriptors.DeprecatedOption, SourceOf("bootloader_args"), "bootloader_args", "a string is deprecated (xl splits it at spaces); write a list of arguments");
        }

        if (_config.MsrRelaxed is not null)
        {
            Warn(DiagnosticDescriptors.DeprecatedOption, SourceOf("msr_relaxed"), "msr_relaxed", "xl warns that it will be removed in future versions");
        }
    }

    /// <summary><c>xlu_rdm_parse</c>: every way 4.17 ignores <c>rdm</c>, including its bug that a valid policy fails the parse.</summary>
    private void CheckRdm()
    {
        if (_config.Rdm is not { } rdm)
        {
            return;
        }

        string? problem = null;
        foreach (string item in rdm.Split(','))
        {
            int eq = item.IndexOf('=', StringComparison.Ordinal);
            string key = eq < 0 ? item : item[..eq];
            string value = eq < 0 ? string.Empty : item[(eq + 1)..];
            problem = key switch
            {
                "strategy" when value != "host" => $"unknown strategy '{ValueReader.Clip(value)}' (only host); xl ignores 'rdm'",
                "policy" when value is "strict" or "relaxed" => "xl 4.17 fails to read a valid policy and ignores 'rdm' (a bug of xlu_rdm_parse)",
                "policy" => $"unknown policy '{ValueReader.Clip(value)}' (strict or relaxed); xl keeps the strategy and leaves the policy unset",
                "strategy" => null,
                _ => $"unknown key '{ValueReader.Clip(key)}' (strategy or policy); xl ignores 'rdm'",
            };
            if (problem is not null)
            {
                break;
            }
        }

        if (problem is not null)
        {
            Warn(DiagnosticDescriptors.RdmIgnored, SourceOf("rdm"), ValueReader.Clip(rdm), problem);
        }
    }

    private SettingSource? Source(string name) => _sources.Find(name);

    /// <summary>The setting of an option the model has a value for, which the file therefore sets (were it not found,
    /// the diagnostic would go to the start of the file rather than the bind fail).</summary>
    private SettingSource SourceOf(string name) => _sources.Find(name) ?? new SettingSource(name, null, FileStart(), IsAppend: false);

    private ValueOrigin FileStart() => _reader.FileStart;

    private void Error(DiagnosticDescriptor descriptor, SettingSource source, params object?[] args) =>
        _reader.Report(descriptor, DiagnosticSeverity.Error, source.Origin, args);

    private void Error(DiagnosticDescriptor descriptor, ValueOrigin origin, params object?[] args) =>
        _reader.Report(descriptor, DiagnosticSeverity.Error, origin, args);

    private void Warn(DiagnosticDescriptor descriptor, SettingSource source, params object?[] args) =>
        _reader.Report(descriptor, DiagnosticSeverity.Warning, source.Origin, args);

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex UuidPattern();
}

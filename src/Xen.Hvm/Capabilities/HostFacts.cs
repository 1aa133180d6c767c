using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Diagnostics.Contracts;
using System.Globalization;
using Xen.Hvm.Capabilities.Internal;

namespace Xen.Hvm.Capabilities;

/// <summary>
/// Facts derived from <c>hw_caps</c>, <c>xen_caps</c> and <c>virt_caps</c>: vendor guess, VT-x/AMD-V present, HVM
/// actually usable, 64-bit, PAE, NX, 1 GiB pages, running nested, invariant TSC, hardware-assisted paging, IOMMU.
/// </summary>
/// <remarks>
/// <para>Each fact says where it was read and what it does not prove. Virtualization facts prefer
/// <c>virt_caps</c>/<c>xen_caps</c> over the CPU bits: a <c>vmx</c> bit does not mean VT-x is enabled.</para>
/// <para>A read-only list of every fact, in a fixed order; each also has its own property and its key.</para>
/// <para>Immutable; safe to share across threads.</para>
/// </remarks>
public sealed class HostFacts : IReadOnlyList<HostFact>
{
    private const string NoX86 = "no x86 feature information (hw_caps is all zero or absent)";
    private readonly HostFact[] _all;

    private HostFacts(CpuVendor vendor, HostFact[] all)
    {
        Vendor = vendor;
        _all = all;
    }

    /// <summary>Gets the vendor guess.</summary>
    public CpuVendor Vendor { get; }

    /// <summary>Gets the number of facts.</summary>
    public int Count => _all.Length;

    /// <summary>Gets a fact by its position in the fixed order.</summary>
    /// <param name="index">The zero-based position.</param>
    /// <exception cref="IndexOutOfRangeException"><paramref name="index"/> is outside the list.</exception>
    public HostFact this[int index] => _all[index];

    /// <summary>Gets the vendor fact (<c>vendor</c>).</summary>
    public HostFact VendorGuess => Get("vendor");

    /// <summary>Gets whether the CPU has Intel VT-x (<c>vtx</c>); the bit alone does not mean it is usable.</summary>
    public HostFact VtxPresent => Get("vtx");

    /// <summary>Gets whether the CPU has AMD-V (<c>amdv</c>); the bit alone does not mean it is usable.</summary>
    public HostFact AmdVPresent => Get("amdv");

    /// <summary>Gets whether HVM guests can run (<c>hvm</c>), from <c>virt_caps</c> and <c>xen_caps</c>.</summary>
    public HostFact HvmUsable => Get("hvm");

    /// <summary>Gets whether PV guests can run (<c>pv</c>).</summary>
    public HostFact PvUsable => Get("pv");

    /// <summary>Gets whether the CPU is 64-bit capable (<c>cpu64</c>, the <c>lm</c> bit).</summary>
    public HostFact Cpu64Bit => Get("cpu64");

    /// <summary>Gets whether the hypervisor itself is 64-bit (<c>xen64</c>).</summary>
    public HostFact Hypervisor64Bit => Get("xen64");

    /// <summary>Gets whether the CPU has PAE (<c>pae</c>).</summary>
    public HostFact Pae => Get("pae");

    /// <summary>Gets whether the CPU has NX/XD (<c>nx</c>).</summary>
    public HostFact Nx => Get("nx");

    /// <summary>Gets whether the CPU has 1 GiB pages (<c>page1gb</c>, the <c>pdpe1gb</c> bit).</summary>
    public HostFact Pages1GiB => Get("page1gb");

    /// <summary>Gets whether Xen itself runs under another hypervisor (<c>nested</c>).</summary>
    public HostFact RunningNested => Get("nested");

    /// <summary>Gets whether the TSC is invariant (<c>itsc</c>).</summary>
    public HostFact InvariantTsc => Get("itsc");

    /// <summary>Gets whether hardware-assisted paging (EPT/NPT) is usable (<c>hap</c>): known from <c>virt_caps</c>
    /// on Xen 4.13+, otherwise probable or unknown.</summary>
    public HostFact Hap => Get("hap");

    /// <summary>Gets whether an IOMMU is enabled for PCI passthrough (<c>iommu</c>).</summary>
    public HostFact Iommu => Get("iommu");

    /// <summary>Gets a fact by key.</summary>
    /// <param name="key">A key such as <c>hvm</c>.</param>
    /// <returns>The fact.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No fact has that key.</exception>
    [Pure]
    public HostFact Get(string key) =>
        TryGet(key, out HostFact? fact) ? fact : throw new KeyNotFoundException("No host fact has the key '" + key + "'.");

    /// <summary>Gets a fact by key, when one has it.</summary>
    /// <param name="key">A key such as <c>hvm</c>.</param>
    /// <param name="fact">The fact, when found.</param>
    /// <returns><see langword="true"/> when a fact has that key.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool TryGet(string key, [NotNullWhen(true)] out HostFact? fact)
    {
        ArgumentNullException.ThrowIfNull(key);
        fact = Array.Find(_all, f => string.Equals(f.Key, key, StringComparison.Ordinal));
        return fact is not null;
    }

    /// <summary>Returns an enumerator over the facts, in the fixed order.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<HostFact> GetEnumerator() => ((IEnumerable<HostFact>)_all).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Derives the facts from decoded fields; any of them may be absent.</summary>
    /// <param name="hwCaps">The decoded <c>hw_caps</c>, or <see langword="null"/>.</param>
    /// <param name="xenCaps">The decoded <c>xen_caps</c>, or <see langword="null"/>.</param>
    /// <param name="virtCaps">The decoded <c>virt_caps</c>, or <see langword="null"/>.</param>
    /// <param name="version">The Xen version, or <see langword="null"/>.</param>
    /// <param name="machine">The dom0 <c>machine</c> field (<c>x86_64</c>, <c>aarch64</c>), or <see langword="null"/>.</param>
    /// <param name="virtStart">The <c>virt_start</c> of <c>platform_params</c>, or <see langword="null"/>.</param>
    /// <returns>The facts.</returns>
    [Pure]
    public static HostFacts From(HwCaps? hwCaps, XenCaps? xenCaps, VirtCaps? virtCaps, XenVersion? version,
        string? machine = null, ulong? virtStart = null)
    {
        bool isArm = (xenCaps?.IsArm ?? false) ||
                     (machine is not null && (machine.StartsWith("aarch64", StringComparison.Ordinal) ||
                                              machine.StartsWith("arm", StringComparison.Ordinal)));
        var facts = new List<HostFact>(14);
        CpuVendor vendor = GuessVendor(hwCaps, isArm, out string vendorSource);
        facts.Add(new HostFact("vendor", "CPU vendor (guess)", vendor == CpuVendor.Unknown ? FactState.Unknown : vendor == CpuVendor.Arm ? FactState.Yes : FactState.Probable,
            vendor switch { CpuVendor.Intel => "Intel", CpuVendor.Amd => "AMD", CpuVendor.Arm => "ARM", _ => null }, vendorSource,
            vendor is CpuVendor.Intel or CpuVendor.Amd ? "hw_caps has no vendor string; guessed from vendor-specific bits" : null));

        string? firmwareCaveat = version is { } v19 && v19.IsAtLeast(4, 19)
            ? "present does not mean usable (see hvm); Xen 4.19+ clears the bit when the firmware disabled it"
            : "present does not mean usable (see hvm): the firmware may have disabled it";
        HostFact vtx = X86Bit(isArm, hwCaps, "vtx", "Intel VT-x present", "vmx", firmwareCaveat);
        HostFact amdv = X86Bit(isArm, hwCaps, "amdv", "AMD-V present", "svm", firmwareCaveat);
        facts.Add(vtx);
        facts.Add(amdv);

        HostFact hvm = HvmFact(xenCaps, virtCaps, isArm);
        facts.Add(hvm);
        facts.Add(isArm ? ArmPv : PvFact(xenCaps, virtCaps));
        HostFact xen64 = Hypervisor64(xenCaps, virtStart);
        facts.Add(isArm ? ArmCpu64(xenCaps, machine) : Cpu64(hwCaps, xen64.State));
        facts.Add(xen64);
        facts.Add(isArm ? NotX86("pae", "PAE") : Bit(hwCaps, "pae", "PAE", "pae", PaeBuild(xenCaps)));
        facts.Add(X86Bit(isArm, hwCaps, "nx", "NX / XD", "nx", null));
        facts.Add(X86Bit(isArm, hwCaps, "page1gb", "1 GiB pages", "pdpe1gb", null));
        facts.Add(isArm
            ? new HostFact("nested", "Running nested (under another hypervisor)", FactState.Unknown, null, "ARM host",
                "the x86 hypervisor bit does not exist on ARM; nothing in xl info tells")
            : Nested(hwCaps, vendor, version));
        facts.Add(isArm ? NotX86("itsc", "Invariant TSC") : InvariantTscFact(hwCaps, version));
        facts.Add(isArm ? ArmHap(virtCaps) : HapFact(hwCaps, virtCaps, vendor, hvm.State));
        facts.Add(IommuFact(virtCaps, version, isArm));
        return new HostFacts(vendor, facts.ToArray());
    }

    /// <summary>ARM has no PV guests: libxl turns <c>type = "pv"</c> into PVH there.</summary>
    private static readonly HostFact ArmPv = new("pv", "PV guests", FactState.No, null, "ARM host",
        "ARM has one guest type: libxl runs type = \"pv\" as pvh (xen_caps' xen-3.0-aarch64 names the ABI, not PV guests)");

    /// <summary>An x86 CPU feature on an ARM host.</summary>
    private static HostFact NotX86(string key, string title) =>
        new(key, title, FactState.NotApplicable, null, "ARM host", "an x86 CPU feature; hw_caps is all zero on ARM");

    private static HostFact X86Bit(bool isArm, HwCaps? hw, string key, string title, string name, string? caveat) =>
        isArm ? NotX86(key, title) : Bit(hw, key, title, name, caveat);

    private static HostFact ArmCpu64(XenCaps? xen, string? machine)
    {
        const string Title = "64-bit CPU";
        if ((xen?.Tokens.Any(t => t.Architecture == XenArchitecture.Aarch64) ?? false) || (machine?.StartsWith("aarch64", StringComparison.Ordinal) ?? false))
        {
            return new HostFact("cpu64", Title, FactState.Yes, null, "xen_caps / machine (aarch64)", null);
        }

        return machine is not null
            ? new HostFact("cpu64", Title, FactState.No, null, "xen_caps / machine (" + machine + ")", "a 32-bit ARM host")
            : new HostFact("cpu64", Title, FactState.Unknown, null, "no aarch64 token or machine", null);
    }

    /// <summary>The lm bit, with a caveat that says what the hypervisor's own build allows.</summary>
    private static HostFact Cpu64(HwCaps? hw, FactState xen64)
    {
        HostFact bit = Bit(hw, "cpu64", "64-bit CPU", "lm", null);
        string? caveat = (bit.State, xen64) switch
        {
            (FactState.Unknown, _) => bit.Caveat,
            (FactState.Yes, FactState.No) => "the CPU is 64-bit but this hypervisor is a 32-bit build: it runs 32-bit guests only (boot a 64-bit Xen for 64-bit guests)",
            (FactState.Yes, FactState.Unknown) => "whether the hypervisor is 64-bit too is unknown (no xen_caps)",
            _ => null,
        };
        return bit with { Caveat = caveat };
    }

    /// <summary>What the hypervisor's build says about PAE: <c>x86_32p</c> (PAE) or <c>x86_32</c> (not), from its PV token.</summary>
    private static string PaeBuild(XenCaps? xen)
    {
        if (xen is null)
        {
            return "a PAE guest ABI is the x86_32p token of xen_caps (absent here)";
        }

        if (xen.X86_64Hypervisor == FactState.Yes)
        {
            return "the hypervisor is a 64-bit build: PAE is always on, and its 32-bit PV guests are PAE (x86_32p)";
        }

        bool pae = xen.Tokens.Any(t => t.Kind == XenCapabilityKind.Xen && t.Architecture == XenArchitecture.X86_32 && t.IsPae);
        bool plain = xen.Tokens.Any(t => t.Kind == XenCapabilityKind.Xen && t.Architecture == XenArchitecture.X86_32 && !t.IsPae);
        return pae ? "the hypervisor is a 32-bit PAE build (x86_32p): PV guests need PAE kernels"
            : plain ? "the hypervisor is a 32-bit non-PAE build (x86_32): it uses at most 4 GiB and its PV guests must be non-PAE"
            : "xen_caps names no x86 PV build";
    }

    private static CpuVendor GuessVendor(HwCaps? hw, bool isArm, out string source)
    {
        if (isArm)
        {
            source = "xen_caps / machine";
            return CpuVendor.Arm;
        }

        if (hw is null || !hw.HasX86Information)
        {
            source = hw is null ? "no hw_caps" : NoX86;
            return CpuVendor.Unknown;
        }

        source = "hw_caps";
        bool layoutA = hw.Layout == HwCapsLayout.A;
        bool intel = hw.Has("dts") || hw.Has("acpi") || hw.Has("tm") || hw.Has("pbe") || (layoutA && (hw.Has("p3") || hw.Has("p4")));
        bool amd = hw.Has("svm") || hw.Has("cmp_legacy") || hw.Has("extapic") || hw.Has("mmxext") || hw.Has("fxsr_opt") ||
                   hw.Has("3dnow") || hw.Has("3dnowext") || hw.Features.Any(f => f.IsMirror) ||
                   (layoutA && (hw.Has("k8") || hw.Has("k7")));
        return intel == amd ? CpuVendor.Unknown : intel ? CpuVendor.Intel : CpuVendor.Amd;
    }

    private static string SourceOf(HwCaps? hw, string name)
    {
        if (hw is not null && FeatureTables.TryFind(name, out CpuidRegister register, out int bit))
        {
            int word = FeatureTables.WordOf(hw.Layout, register);
            if (word >= 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"hw_caps word {word} bit {bit} ({name})");
            }
        }

        return "hw_caps (" + name + ")";
    }

    private static HostFact Bit(HwCaps? hw, string key, string title, string name, string? caveat)
    {
        FactState state = hw?.GetFeatureState(name) ?? FactState.Unknown;
        return new HostFact(key, title, state, null, SourceOf(hw, name), state == FactState.Unknown ? NoX86 : caveat);
    }

    private static HostFact HvmFact(XenCaps? xen, VirtCaps? virt, bool isArm)
    {
        const string Title = "HVM usable";
        const string Caveat = "usable = virt_caps has hvm or xen_caps has an hvm-* token; the vmx/svm bit alone is not enough";
        if (isArm)
        {
            // ARM guests all run with the virtualization extensions, as type = "pvh".
            const string ArmCaveat = "ARM guests are all type = \"pvh\" (x86's type = \"hvm\" is not offered there); they run with the virtualization extensions";
            return virt is not null && virt.Has(VirtCapabilities.Hvm)
                ? new HostFact("hvm", Title, FactState.Yes, "pvh", "virt_caps (hvm)", ArmCaveat)
                : new HostFact("hvm", Title, FactState.Yes, "pvh", "ARM host", ArmCaveat + "; virt_caps prints hvm only from Xen 4.13");
        }

        if (virt is not null && virt.Has(VirtCapabilities.Hvm))
        {
            return new HostFact("hvm", Title, FactState.Yes, null, "virt_caps (hvm)", null);
        }

        if (xen is not null && xen.SupportsHvm)
        {
            return new HostFact("hvm", Title, FactState.Yes, null, "xen_caps (hvm-* token)", null);
        }

        return virt is null && xen is null
            ? new HostFact("hvm", Title, FactState.Unknown, null, "no virt_caps or xen_caps", Caveat)
            : new HostFact("hvm", Title, FactState.No, null, virt is null ? "xen_caps (no hvm-* token)" : "virt_caps and xen_caps (no hvm)", Caveat);
    }

    private static HostFact PvFact(XenCaps? xen, VirtCaps? virt)
    {
        const string Title = "PV guests";
        if (xen is not null && xen.SupportsPv)
        {
            return new HostFact("pv", Title, FactState.Yes, null, "xen_caps (xen-* token)", null);
        }

        if (virt is not null && virt.Has(VirtCapabilities.Pv))
        {
            return new HostFact("pv", Title, FactState.Yes, null, "virt_caps (pv)", null);
        }

        return xen is null
            ? new HostFact("pv", Title, FactState.Unknown, null, "no xen_caps", null)
            : new HostFact("pv", Title, FactState.No, null, "xen_caps (no xen-* token)", "Xen 4.12+ may be built without PV support");
    }

    private static HostFact Hypervisor64(XenCaps? xen, ulong? virtStart)
    {
        const string Title = "64-bit hypervisor";
        if (xen?.X86_64Hypervisor is { } x64 and not FactState.Unknown)
        {
            return new HostFact("xen64", Title, x64, null, "xen_caps (x86_64 token)", null);
        }

        if (xen is not null && xen.Tokens.Any(t => t.Architecture == XenArchitecture.Aarch64))
        {
            return new HostFact("xen64", Title, FactState.Yes, null, "xen_caps (aarch64 token)", null);
        }

        if (xen is not null && xen.IsArm)
        {
            return new HostFact("xen64", Title, FactState.No, null, "xen_caps (no aarch64 token)", "a 32-bit ARM hypervisor");
        }

        if (virtStart is { } vs)
        {
            return new HostFact("xen64", Title, vs == 0xffff800000000000UL ? FactState.Yes : FactState.No, null, "platform_params (virt_start)", null);
        }

        return new HostFact("xen64", Title, FactState.Unknown, null, "no xen_caps", null);
    }

    private static HostFact Nested(HwCaps? hw, CpuVendor vendor, XenVersion? version)
    {
        HostFact bit = Bit(hw, "nested", "Running nested (under another hypervisor)", "hypervisor",
            "set when Xen itself runs in a virtual machine");
        bool amdLevellingBug = vendor == CpuVendor.Amd &&
                               (version is { } v ? v.IsAtLeast(4, 7) && !v.IsAtLeast(4, 14) : hw?.Layout == HwCapsLayout.B);
        return bit.State == FactState.Yes && amdLevellingBug
            ? bit with
            {
                State = FactState.Unknown,
                Caveat = "AMD hosts with Xen 4.7-4.13 set this bit on bare metal (fixed in 4.14), so it proves nothing here",
            }
            : bit;
    }

    private static HostFact InvariantTscFact(HwCaps? hw, XenVersion? version)
    {
        const string Title = "Invariant TSC";
        if (hw is null || !hw.HasX86Information)
        {
            return new HostFact("itsc", Title, FactState.Unknown, null, SourceOf(hw, "itsc"), NoX86);
        }

        if (hw.Layout == HwCapsLayout.B)
        {
            return Bit(hw, "itsc", Title, "itsc", null);
        }

        FactState constant = hw.GetFeatureState("constant_tsc");
        FactState nonstop = hw.GetFeatureState("nonstop_tsc");
        const string Source = "hw_caps word 3 bits 8 and 9 (constant_tsc, nonstop_tsc)";
        if (constant == FactState.Unknown || nonstop == FactState.Unknown || (version is { } v && !v.IsAtLeast(3, 4) && nonstop == FactState.No))
        {
            return new HostFact("itsc", Title, FactState.Unknown, null, Source, "Xen before 3.4 does not report nonstop_tsc");
        }

        return new HostFact("itsc", Title, constant == FactState.Yes && nonstop == FactState.Yes ? FactState.Yes : FactState.No, null, Source,
            "tsc_reliable (bit 12) means Xen also verified that the TSCs are in sync");
    }

    private static HostFact ArmHap(VirtCaps? virt) =>
        virt is not null && virt.Has(VirtCapabilities.Hap)
            ? new HostFact("hap", "Hardware-assisted paging (EPT/NPT)", FactState.Yes, null, "virt_caps (hap)", null)
            : new HostFact("hap", "Hardware-assisted paging (EPT/NPT)", FactState.Yes, null, "ARM host",
                "ARM guests always use stage-2 translation; virt_caps prints hap only from Xen 4.13");

    private static HostFact HapFact(HwCaps? hw, VirtCaps? virt, CpuVendor vendor, FactState hvm)
    {
        const string Title = "Hardware-assisted paging (EPT/NPT)";
        if (virt?.GetState(VirtCapabilities.Hap) is { } known and not FactState.Unknown)
        {
            return new HostFact("hap", Title, known, null, "virt_caps (hap)", null);
        }

        if (hvm == FactState.No)
        {
            return new HostFact("hap", Title, FactState.No, null, "no usable HVM", null);
        }

        const string Guess = "hw_caps does not carry EPT/NPT; before Xen 4.13 only 'xl dmesg' says so " +
                             "(\"HVM: Hardware Assisted Paging (HAP) detected\"); guessed from the CPU generation";
        bool intel = vendor == CpuVendor.Intel && hw is not null && hw.Has("vmx");
        bool amd = vendor == CpuVendor.Amd && hw is not null && hw.Has("svm");
        if (hvm != FactState.Yes || !(intel || amd))
        {
            return new HostFact("hap", Title, FactState.Unknown, null, "CPU generation", Guess);
        }

        // EPT came with Nehalem (popcnt, sse4_2), NPT with Barcelona (sse4a, abm): an older CPU has VT-x/AMD-V without it.
        bool probable = intel ? hw!.Has("popcnt") || hw.Has("sse4_2") : hw!.Has("sse4a") || hw.Has("abm");
        return probable
            ? new HostFact("hap", Title, FactState.Probable, null, "CPU generation", Guess)
            : new HostFact("hap", Title, FactState.Unlikely, null, "CPU generation",
                "hw_caps does not carry EPT/NPT, and this CPU generation (" + (intel ? "no popcnt or sse4_2: before Nehalem" : "no sse4a or abm: before Barcelona") +
                ") has " + (intel ? "VT-x without EPT" : "AMD-V without NPT") + "; HVM guests use shadow paging. 'xl dmesg' says for sure");
    }

    private static HostFact IommuFact(VirtCaps? virt, XenVersion? version, bool isArm)
    {
        const string Title = "IOMMU (PCI passthrough)";
        if (virt is null)
        {
            return new HostFact("iommu", Title, FactState.Unknown, null, "no virt_caps", "virt_caps exists from Xen 3.3");
        }

        bool yes = virt.Has(VirtCapabilities.HvmDirectIO) || virt.Has(VirtCapabilities.PvDirectIO);
        if (!yes && isArm && !virt.Has(VirtCapabilities.Hvm))
        {
            // An ARM Xen that predates its virt_caps (4.13) prints none of them, directio included.
            return new HostFact("iommu", Title, FactState.Unknown, null, "virt_caps (empty)", "ARM prints virt_caps only from Xen 4.13");
        }

        // xl 4.12+ prints hvm_directio only next to hvm: without hvm, 'no' may hide an IOMMU. xm and older xl print it alone.
        bool hidden = !yes && !virt.Has(VirtCapabilities.Hvm) && (version is not { } v || v.IsAtLeast(4, 12));
        return new HostFact("iommu", Title, yes ? FactState.Yes : FactState.No, null, "virt_caps (hvm_directio / pv_directio)",
            hidden ? "xl 4.12+ prints hvm_directio only when hvm is also available" : null);
    }
}

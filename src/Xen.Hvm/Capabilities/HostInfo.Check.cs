using System.Globalization;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Text;

namespace Xen.Hvm.Capabilities;

public sealed partial class HostInfo
{
    /// <summary>
    /// Checks whether this host can run a guest: HVM available, guest architecture and PAE offered, memory against
    /// <c>free_memory</c>, vCPUs against <c>nr_cpus</c> (a warning), an IOMMU for PCI passthrough, HAP when the guest
    /// asks for it. Each failed
    /// requirement gives a diagnostic that says what to change ("enable VT-x in the BIOS").
    /// </summary>
    /// <param name="requirements">What the guest needs.</param>
    /// <returns>The diagnostics, located at the field they are about.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requirements"/> is <see langword="null"/>.</exception>
    public HostCheckResult Check(GuestRequirements requirements)
    {
        ArgumentNullException.ThrowIfNull(requirements);
        var diagnostics = new List<Diagnostic>();
        bool hvmOk = !requirements.Hvm || CheckHvm(diagnostics);
        if (hvmOk)
        {
            CheckArchitecture(requirements, diagnostics);
        }

        CheckMemory(requirements, diagnostics);
        CheckVcpus(requirements, diagnostics);
        CheckPassthrough(requirements, diagnostics);
        if (hvmOk)
        {
            CheckHap(requirements, diagnostics);
        }

        return new HostCheckResult(diagnostics);
    }

    private bool CheckHvm(List<Diagnostic> diagnostics)
    {
        if (Facts.Vendor == CpuVendor.Arm)
        {
            diagnostics.Add(At(DiagnosticDescriptors.CheckHvmOnArm, TryGetField("xen_caps", out _) ? "xen_caps" : "machine"));
            return false;
        }

        switch (Facts.HvmUsable.State)
        {
            case FactState.Yes:
                return true;
            case FactState.Unknown:
                diagnostics.Add(At(DiagnosticDescriptors.CheckNotPossible, null, "whether HVM guests can run", "virt_caps or xen_caps"));
                return true;
        }

        string where = TryGetField("virt_caps", out _) ? "virt_caps" : "xen_caps";
        string? cpuFeature = Facts.VtxPresent.State == FactState.Yes ? "Intel VT-x (vmx)"
            : Facts.AmdVPresent.State == FactState.Yes ? "AMD-V (svm)"
            : null;
        if (cpuFeature is not null)
        {
            diagnostics.Add(At(DiagnosticDescriptors.CheckHvmDisabled, where, cpuFeature));
        }
        else if (Facts.RunningNested.State == FactState.Yes)
        {
            diagnostics.Add(At(DiagnosticDescriptors.CheckHvmNested, where));
        }
        else if (HwCaps is { HasX86Information: true } && !(XenVersion is { } v && v.IsAtLeast(4, 19)) &&
                 Facts.VtxPresent.State == FactState.No && Facts.AmdVPresent.State == FactState.No)
        {
            diagnostics.Add(At(DiagnosticDescriptors.CheckHvmNoCpuSupport, "hw_caps"));
        }
        else
        {
            string hint = XenVersion is { } v19 && v19.IsAtLeast(4, 19)
                ? "; Xen 4.19+ hides vmx/svm from hw_caps when the firmware disabled them"
                : string.Empty;
            diagnostics.Add(At(DiagnosticDescriptors.CheckHvmUnavailable, where, hint));
        }

        return false;
    }

    private void CheckArchitecture(GuestRequirements requirements, List<Diagnostic> diagnostics)
    {
        if (requirements.Architecture is null && !requirements.Pae)
        {
            return;
        }

        if (XenCaps is null)
        {
            diagnostics.Add(At(DiagnosticDescriptors.CheckNotPossible, null, "the guest architecture", "xen_caps"));
            return;
        }

        XenCapabilityKind kind = requirements.Hvm ? XenCapabilityKind.Hvm : XenCapabilityKind.Xen;
        string prefix = requirements.Hvm ? "hvm" : "xen";
        string offered = XenCaps.Tokens.Count == 0 ? "nothing" : string.Join(" ", XenCaps.Tokens.Select(t => t.Text));
        if (requirements.Architecture is { } arch)
        {
            (XenArchitecture a, bool pae, string name) = arch switch
            {
                GuestArchitecture.X86_32 => (XenArchitecture.X86_32, false, "x86_32"),
                GuestArchitecture.X86_32p => (XenArchitecture.X86_32, true, "x86_32p"),
                _ => (XenArchitecture.X86_64, false, "x86_64"),
            };
            if (!XenCaps.Supports(kind, a, pae))
            {
                string fix = arch switch
                {
                    _ when Facts.Vendor == CpuVendor.Arm => "This is an ARM host: it runs ARM guests only (type = \"pvh\").",
                    GuestArchitecture.X86_64 when Facts.Cpu64Bit.State == FactState.No => "The CPU is not 64-bit capable; install a 32-bit guest.",
                    GuestArchitecture.X86_64 => "Boot a 64-bit (x86_64) Xen hypervisor, or install a 32-bit guest.",
                    GuestArchitecture.X86_32 => "Use a PAE (x86_32p) or 64-bit guest kernel; this hypervisor has no non-PAE guest ABI.",
                    _ => "Use a guest kernel of an architecture the host offers.",
                };
                diagnostics.Add(At(DiagnosticDescriptors.CheckArchitectureUnsupported, "xen_caps", name, prefix + "-3.0-" + name, offered, fix));
            }
        }

        if (requirements.Pae && requirements.Hvm)
        {
            bool cpuPae = Facts.Pae.State != FactState.No;
            bool hypervisorPae = XenCaps.Supports(kind, XenArchitecture.X86_32, pae: true) || XenCaps.Supports(kind, XenArchitecture.X86_64);
            if (!cpuPae || !hypervisorPae)
            {
                string reason = !cpuPae ? "the CPU has no PAE" : "the hypervisor offers no PAE guest ABI (" + prefix + "-3.0-x86_32p or x86_64)";
                string alternative = !cpuPae ? string.Empty : ", or boot a PAE or 64-bit Xen";
                diagnostics.Add(At(DiagnosticDescriptors.CheckPaeUnavailable, !cpuPae ? "hw_caps" : "xen_caps", reason, alternative));
            }
        }
    }

    // memory= against free_memory (an error), vcpus= against nr_cpus (a warning): the same "wanted <= available" test.
    private void CheckMemory(GuestRequirements requirements, List<Diagnostic> diagnostics) =>
        CheckAtMost(requirements.MemoryMiB, FreeMemoryMiB, "the guest memory", "free_memory", DiagnosticDescriptors.CheckMemoryShort, diagnostics);

    private void CheckVcpus(GuestRequirements requirements, List<Diagnostic> diagnostics) =>
        CheckAtMost(requirements.Vcpus, NrCpus, "the number of vCPUs", "nr_cpus", DiagnosticDescriptors.CheckVcpusOvercommitted, diagnostics);

    private void CheckAtMost(long? wanted, long? available, string what, string field, DiagnosticDescriptor descriptor, List<Diagnostic> diagnostics)
    {
        if (wanted is not { } w)
        {
            return;
        }

        if (available is not { } a)
        {
            diagnostics.Add(At(DiagnosticDescriptors.CheckNotPossible, null, what, field));
        }
        else if (w > a)
        {
            diagnostics.Add(At(descriptor, field, w.ToString(CultureInfo.InvariantCulture), a.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private void CheckPassthrough(GuestRequirements requirements, List<Diagnostic> diagnostics) =>
        CheckFact(requirements.PciPassthrough, Facts.Iommu, DiagnosticDescriptors.CheckNoIommu, "PCI passthrough", "virt_caps", diagnostics);

    private void CheckHap(GuestRequirements requirements, List<Diagnostic> diagnostics) =>
        CheckFact(requirements.Hap && requirements.Hvm, Facts.Hap, DiagnosticDescriptors.CheckHapUnavailable, "hardware-assisted paging (hap = 1)", "virt_caps hap (Xen 4.13+)", diagnostics);

    // A requirement the host meets when a fact holds: its diagnostic (at virt_caps) when the fact does not, "not
    // checked" when the output cannot tell.
    private void CheckFact(bool needed, HostFact fact, DiagnosticDescriptor whenNo, string what, string field, List<Diagnostic> diagnostics)
    {
        if (!needed)
        {
            return;
        }

        switch (fact.State)
        {
            case FactState.No:
                diagnostics.Add(At(whenNo, "virt_caps"));
                break;
            case FactState.Unknown:
                diagnostics.Add(At(DiagnosticDescriptors.CheckNotPossible, null, what, field));
                break;
        }
    }

    // Locates a check diagnostic at the field it is about, or at the start of the text when that field is absent.
    private Diagnostic At(DiagnosticDescriptor descriptor, string? key, params object?[] arguments)
    {
        TextSpan span = key is not null && TryGetField(key, out HostInfoField? field) ? field.Span : new TextSpan(0, 0);
        return Diagnostic.Create(descriptor, GetLocation(span), arguments);
    }
}

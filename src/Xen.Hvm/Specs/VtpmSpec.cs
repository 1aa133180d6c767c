namespace Xen.Hvm.Specs;

/// <summary>A virtual TPM, as a <c>vtpm = [ ... ]</c> item describes it (libxl <c>libxl_device_vtpm</c>).</summary>
/// <param name="Backend">The backend domain (<c>backend=</c>, required by xl).</param>
/// <param name="Uuid">The vTPM's UUID (<c>uuid=</c>), or <see langword="null"/>.</param>
/// <param name="XmInstance">xend's <c>instance=</c> (vTPM manager slot); xl rejects it.</param>
public sealed partial record VtpmSpec(string? Backend, Guid? Uuid = null, int? XmInstance = null)
{
    /// <summary>Returns the canonical xl form.</summary>
    /// <returns>The spec text.</returns>
    public override string ToString() => ToSpecString();
}

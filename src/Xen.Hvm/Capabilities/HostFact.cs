namespace Xen.Hvm.Capabilities;

/// <summary>
/// One fact derived from the host capability fields, with where it came from and what to be careful about.
/// </summary>
/// <param name="Key">A stable key, e.g. <c>hvm</c> or <c>vtx</c>.</param>
/// <param name="Title">A short English title, e.g. <c>HVM usable</c>.</param>
/// <param name="State">How sure the fact is.</param>
/// <param name="Value">A value for facts that are not yes/no (the vendor name), or <see langword="null"/>.</param>
/// <param name="Source">Where the fact was read, e.g. <c>virt_caps</c> or <c>hw_caps word 1 bit 5 (vmx)</c>.</param>
/// <param name="Caveat">What the fact does not prove, or <see langword="null"/>.</param>
public sealed record HostFact(string Key, string Title, FactState State, string? Value, string Source, string? Caveat);

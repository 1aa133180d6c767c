namespace Xen.Hvm.Specs;

/// <summary>A 9pfs share, as a <c>p9 = [ ... ]</c> item describes it (libxl <c>libxl_device_p9</c>).</summary>
/// <remarks>Unset keys are <see langword="null"/>. Equality is by value. Immutable; safe to share across threads.</remarks>
public sealed partial record P9Spec
{
    /// <summary>Gets <c>tag=</c>, the mount tag the guest uses.</summary>
    public string? Tag { get; init; }

    /// <summary>Gets <c>path=</c>, the host directory.</summary>
    public string? Path { get; init; }

    /// <summary>Gets <c>security_model=</c> (only <c>none</c> is supported).</summary>
    public string? SecurityModel { get; init; }

    /// <summary>Gets <c>backend=</c>.</summary>
    public string? Backend { get; init; }

    /// <summary>Gets <c>type=</c>.</summary>
    public P9Type? Type { get; init; }

    /// <summary>Gets <c>max-files=</c>.</summary>
    public ulong? MaxFiles { get; init; }

    /// <summary>Gets <c>max-open-files=</c>.</summary>
    public ulong? MaxOpenFiles { get; init; }

    /// <summary>Gets <c>max-space=</c> (MiB).</summary>
    public ulong? MaxSpace { get; init; }

    /// <summary>Gets <c>auto-delete=</c>.</summary>
    public ulong? AutoDelete { get; init; }

    /// <summary>Returns the canonical form.</summary>
    /// <returns>The spec text.</returns>
    public override string ToString() => ToSpecString();
}

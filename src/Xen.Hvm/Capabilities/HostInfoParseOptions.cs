namespace Xen.Hvm.Capabilities;

/// <summary>Options for reading <c>xm info</c> / <c>xl info</c> output.</summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed record HostInfoParseOptions
{
    /// <summary>Gets the file path or source name used in diagnostics, or <see langword="null"/>.</summary>
    public string? Path { get; init; }

    /// <summary>Gets the <c>hw_caps</c> layout to use regardless of the Xen version, or <see langword="null"/> to
    /// choose from the version (or the words when there is no version).</summary>
    public HwCapsLayout? Layout { get; init; }
}

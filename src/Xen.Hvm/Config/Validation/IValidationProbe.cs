namespace Xen.Hvm.Config.Validation;

/// <summary>
/// Answers questions about the host's file system for <see cref="ConfigValidator"/>: whether a bridge or a disk
/// target exists. Nothing is probed unless the caller hands one in (<see cref="ValidationOptions.Probe"/>).
/// </summary>
public interface IValidationProbe
{
    /// <summary>Gets whether a network bridge exists.</summary>
    /// <param name="name">The bridge name, e.g. <c>xenbr0</c>.</param>
    /// <returns><see langword="true"/> or <see langword="false"/>; <see langword="null"/> when it cannot be told (no check is made).</returns>
    bool? BridgeExists(string name);

    /// <summary>Gets whether a file, block device or directory exists.</summary>
    /// <param name="path">The path as the config writes it.</param>
    /// <returns><see langword="true"/> or <see langword="false"/>; <see langword="null"/> when it cannot be told (no check is made).</returns>
    bool? PathExists(string path);
}

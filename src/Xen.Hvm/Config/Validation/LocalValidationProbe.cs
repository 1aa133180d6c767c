namespace Xen.Hvm.Config.Validation;

/// <summary>
/// Probes the machine the code runs on: a bridge exists when <c>/sys/class/net/NAME/bridge</c> does (Linux), a path
/// when a file, device or directory is there. Use it only on the host that will run the guest.
/// </summary>
/// <remarks>Stateless; safe to share across threads.</remarks>
public sealed class LocalValidationProbe : IValidationProbe
{
    /// <summary>Gets the probe of the local machine.</summary>
    public static LocalValidationProbe Instance { get; } = new();

    private LocalValidationProbe()
    {
    }

    /// <inheritdoc/>
    /// <remarks>Unknown (<see langword="null"/>) where <c>/sys/class/net</c> does not exist (not Linux), for a name with a path separator, and when the file system cannot be read.</remarks>
    public bool? BridgeExists(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name.Contains('/', StringComparison.Ordinal) || name is "." or "..")
        {
            return null;
        }

        try
        {
            return Directory.Exists("/sys/class/net") ? Directory.Exists(Path.Combine("/sys/class/net", name, "bridge")) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    /// <remarks>Unknown (<see langword="null"/>) for an empty or relative path and when the file system cannot be read.</remarks>
    public bool? PathExists(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0 || !Path.IsPathRooted(path))
        {
            return null;
        }

        try
        {
            return File.Exists(path) || Directory.Exists(path) || new FileInfo(path).Exists;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}

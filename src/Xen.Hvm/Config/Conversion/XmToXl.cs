using Xen.Hvm.Config.Conversion.Internal;

namespace Xen.Hvm.Config.Conversion;

/// <summary>
/// Migrates an xm (xend) config to xl: evaluates the Python file as <c>xm create</c> would, then writes each option
/// the way xl spells it, keeps the comments above the settings they describe, writes out every default that changed
/// between xend and xl, and explains each change with a note (XH90xx) at the xm span it comes from.
/// </summary>
public static class XmToXl
{
    /// <summary>Migrates an xm file to a new xl document.</summary>
    /// <param name="xm">The xm file. A document read as xl (a Python-free xm file) is read again as xm.</param>
    /// <param name="options">The evaluation context and target; <see cref="MigrationOptions.Default"/> when null.</param>
    /// <returns>The xl document and the notes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="xm"/> is <see langword="null"/>.</exception>
    public static MigrationResult Migrate(ConfigDocument xm, MigrationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(xm);
        return new XmMigrator(xm, options ?? MigrationOptions.Default).Run();
    }
}

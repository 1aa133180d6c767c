namespace Xen.Hvm.Config.Model;

/// <summary>A setting of the file that no option of the catalogue claims, kept with its value.</summary>
/// <param name="Name">The key as written.</param>
/// <param name="Value">The value as the file says it (for xm, the evaluated value).</param>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed record ConfigSetting(string Name, ConfigValue Value);

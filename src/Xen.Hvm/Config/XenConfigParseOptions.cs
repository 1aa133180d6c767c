namespace Xen.Hvm.Config;

/// <summary>Options for <see cref="XenConfig.Parse(string, string?, XenConfigParseOptions?)"/>.</summary>
public sealed record XenConfigParseOptions
{
    /// <summary>Gets the default options (xl dialect).</summary>
    public static XenConfigParseOptions Default { get; } = new();

    /// <summary>Gets the dialect to read the text as. <see cref="ConfigDialect.Xl"/> by default.</summary>
    public ConfigDialect Dialect { get; init; } = ConfigDialect.Xl;
}

namespace Xen.Hvm.Config;

/// <summary>Options for <see cref="XenConfig.Parse(string, string?, XenConfigParseOptions?)"/>.</summary>
public sealed record XenConfigParseOptions
{
    /// <summary>Gets the default options (<see cref="ConfigDialect.Auto"/>).</summary>
    public static XenConfigParseOptions Default { get; } = new();

    /// <summary>
    /// Gets the dialect to read the text as. <see cref="ConfigDialect.Auto"/> by default: valid xl is read as xl, text
    /// xl rejects that has Python in it as xm (<see cref="ConfigDocument.DialectReason"/> says why).
    /// </summary>
    public ConfigDialect Dialect { get; init; } = ConfigDialect.Auto;
}

namespace Xen.Hvm.Config.Model;

/// <summary>
/// A Xen guest's configuration as the toolstack understands it: one typed property for every option xl or xm reads
/// (grouped as xl.cfg(5) groups them, see <see cref="OptionCatalog"/>), plus the settings no option claims.
/// </summary>
/// <remarks>
/// <para>Every property is <see langword="null"/> when the config does not set the option: the model says what the
/// file says, and <see cref="OptionCatalog"/> says what each option defaults to per toolstack and Xen version. Sizes
/// carry their unit in the name (<see cref="MemoryMiB"/>); closed sets are <see cref="ConfigEnum{T}"/> values that keep
/// a spelling nobody recognises; device lists are the spec records of <see cref="Specs"/>.</para>
/// <para>A plain immutable record: build one from scratch
/// (<c>new DomainConfig { Name = "xp", Type = GuestType.Hvm, MemoryMiB = 1024 }</c>) or change one with <c>with</c>.
/// Two models are equal when every option and every other setting is equal.</para>
/// <para>Immutable; safe to share across threads.</para>
/// </remarks>
public sealed partial record DomainConfig
{
    /// <summary>Gets the settings no option of the catalogue claims, in file order, with their values.</summary>
    public ValueList<ConfigSetting> OtherSettings { get; init; } = ValueList<ConfigSetting>.Empty;
}

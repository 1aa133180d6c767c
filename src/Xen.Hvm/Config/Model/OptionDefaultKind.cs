namespace Xen.Hvm.Config.Model;

/// <summary>How an <see cref="OptionDefault"/> gives the value a toolstack uses when the config does not set the option.</summary>
public enum OptionDefaultKind
{
    /// <summary>A fixed value (<see cref="OptionDefault.Value"/>): <c>on_crash</c> is <c>destroy</c> under xl.</summary>
    Value,

    /// <summary>Computed from other options (<see cref="OptionDefault.DerivedFrom"/>): <c>maxmem</c> is <c>memory</c>, <c>videoram</c> follows <c>vga</c> and the device model.</summary>
    Derived,

    /// <summary>Decided when the domain is created, by the host: its hardware (<c>hap</c>), <c>xl.conf</c>, or at random (<c>uuid</c>).</summary>
    Host,

    /// <summary>Nothing takes the option's place: no kernel, no disks, the scheduler's own parameters.</summary>
    None,

    /// <summary>The toolstack refuses a config without the option (<c>name</c> under xl).</summary>
    Required,
}

namespace Xen.Hvm.Config.Model;

/// <summary>Where the value a toolstack uses for an option comes from (<see cref="EffectiveValue.Source"/>).</summary>
public enum EffectiveValueSource
{
    /// <summary>The model (the config file) sets the option and the toolstack uses that value.</summary>
    File,

    /// <summary>The model does not set it: the toolstack's fixed default for that version and guest type.</summary>
    Default,

    /// <summary>The model does not set it: computed from other options (<see cref="EffectiveValue.DerivedFrom"/>), e.g. <c>maxmem</c> from <c>memory</c>.</summary>
    Derived,

    /// <summary>The model does not set it and the host decides when the domain is created (<c>hap</c>: the host's support; <c>uuid</c>: at random); <see cref="EffectiveValue.Value"/> is <see langword="null"/> unless a host told it.</summary>
    Host,

    /// <summary>The model does not set it and nothing takes its place (no kernel, no disks), or the toolstack requires it (<c>name</c>).</summary>
    Unset,

    /// <summary>The model sets it and the toolstack reads it, but ignores the value (<c>kernel = "hvmloader"</c> in an HVM guest under xl); <see cref="EffectiveValue.Value"/> is what the toolstack uses instead.</summary>
    Ignored,

    /// <summary>The model sets it, but the option does not apply to the guest's type (<c>boot</c> in a PV guest).</summary>
    NotApplicable,

    /// <summary>The model sets it, but this toolstack at this version does not read the key at all (<c>cpu_cap</c> under xl).</summary>
    NotRead,
}

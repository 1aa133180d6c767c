namespace Xen.Hvm.Config.Model;

/// <summary>How the guest's time stamp counter is provided (<c>tsc_mode</c>).</summary>
/// <remarks>Options of this type are <see cref="ConfigEnum{T}"/> values, which keep a spelling no member matches.</remarks>
public enum TscMode
{
    /// <summary>Native when safe, emulated otherwise (<c>default</c>).</summary>
    Default,

    /// <summary>Always emulated (<c>always_emulate</c>).</summary>
    AlwaysEmulate,

    /// <summary>Always native (<c>native</c>).</summary>
    Native,

    /// <summary>Native with paravirtual extensions (<c>native_paravirt</c>), removed from Xen: libxl refuses it.</summary>
    NativeParavirt,
}

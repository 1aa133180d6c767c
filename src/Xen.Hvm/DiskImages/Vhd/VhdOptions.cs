using Xen.Hvm.Diagnostics;
using Xen.Hvm.DiskImages.Internal;

namespace Xen.Hvm.DiskImages.Vhd;

/// <summary>Options for VHD images; the defaults are those of <c>qemu-img create -f vpc</c>.</summary>
/// <remarks>
/// <para>Without <see cref="ForceSize"/> the capacity is rounded up to the next size a CHS geometry can express, as
/// qemu-img does, so that QEMU (which sizes such images by their geometry) and Xen see every byte.</para>
/// <para>Immutable; safe to share across threads.</para>
/// </remarks>
public sealed record VhdOptions : DiskImageOptions
{
    private static readonly string[] s_keys = ["subformat", "force_size"];

    /// <summary>Gets <see cref="DiskImageFormat.Vhd"/>.</summary>
    public override DiskImageFormat Format => DiskImageFormat.Vhd;

    /// <summary>Gets the subformat; <see cref="VhdSubformat.Dynamic"/> by default.</summary>
    public VhdSubformat Subformat { get; init; }

    /// <summary>Gets a value indicating whether the exact capacity is kept (creator <c>qem2</c>, geometry
    /// 65535/16/255, like qemu's <c>force_size=on</c>) instead of rounding it up to a CHS geometry. Virtual PC
    /// itself would then see a different size.</summary>
    public bool ForceSize { get; init; }

    /// <summary>Gets the unique ID to store; a new random one when <see langword="null"/>.</summary>
    public Guid? UniqueId { get; init; }

    /// <summary>Gets the creation time to store (whole seconds since 2000-01-01 UTC); now when <see langword="null"/>.</summary>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Parses <c>qemu-img</c>-style options for VHD (<c>vpc</c>) images: <c>subformat=dynamic|fixed</c>, <c>force_size=on|off</c>.</summary>
    /// <param name="text">The option string; empty means defaults.</param>
    /// <returns>The options, or the problems: an unknown key (<c>XH7005</c>) or value (<c>XH7006</c>), with spans into <paramref name="text"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static ParseResult<VhdOptions> Parse(string text)
    {
        var reader = new QemuOptionReader(text);
        var options = new VhdOptions();
        foreach (var option in reader.Read("vpc", s_keys))
        {
            if (option.Key == "subformat")
            {
                VhdSubformat? subformat = option.Value switch { "dynamic" => VhdSubformat.Dynamic, "fixed" => VhdSubformat.Fixed, _ => null };
                if (subformat is { } s)
                {
                    options = options with { Subformat = s };
                }
                else
                {
                    reader.Invalid(option, "dynamic or fixed");
                }
            }
            else
            {
                bool? force = option.Value switch { "on" or "true" => true, "off" or "false" => false, _ => null };
                if (force is { } f)
                {
                    options = options with { ForceSize = f };
                }
                else
                {
                    reader.Invalid(option, "on or off");
                }
            }
        }

        return reader.Result(options);
    }
}

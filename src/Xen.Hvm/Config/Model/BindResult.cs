using System.Diagnostics.CodeAnalysis;
using Xen.Hvm.Config.Model.Internal.Binding;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Text;

namespace Xen.Hvm.Config.Model;

/// <summary>
/// The result of <see cref="DomainConfig.Bind"/>: the typed model, the diagnostics of binding (XH30xx and the
/// spec-string diagnostics, at the value's span in the file), and for every option the file sets where its value is
/// and the raw value it was read from.
/// </summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed class BindResult
{
    private readonly SettingSourceSet _sources;

    internal BindResult(
        ConfigDocument document, BindOptions options, DomainConfig config, GuestType guestType, IReadOnlyList<Diagnostic> diagnostics,
        SettingSourceSet sources)
    {
        Document = document;
        Options = options;
        Config = config;
        GuestType = guestType;
        Diagnostics = diagnostics;
        _sources = sources;
        HasErrors = diagnostics.Any(static d => d.IsError);
    }

    /// <summary>Gets the guest type the toolstack reads: <c>type</c> (a prefix of hvm, pv, pvh), else <c>builder</c>, else PV.</summary>
    public GuestType GuestType { get; }

    /// <summary>Gets the document that was bound.</summary>
    public ConfigDocument Document { get; }

    /// <summary>Gets the options it was bound with.</summary>
    public BindOptions Options { get; }

    /// <summary>Gets the model: every option as the toolstack types it; an option whose value could not be typed is <see langword="null"/> (its raw value is in <see cref="TryGetRawValue(OptionDefinition, out ConfigValue?)"/>).</summary>
    public DomainConfig Config { get; }

    /// <summary>Gets the diagnostics of binding, in the order the options were read: XH30xx, the spec-string diagnostics (XH6xxx), and for xm files those of the evaluation (XH41xx).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Gets a value indicating whether a diagnostic is an error: for <see cref="Toolstack.Xl"/>, exactly when xl refuses the config.</summary>
    public bool HasErrors { get; }

    /// <summary>Gets the keys whose location is known (every key the file sets, options and other settings), in no particular order.</summary>
    public IEnumerable<string> LocatedKeys => _sources.Names;

    /// <summary>Gets where the value of an option is in the file (for xl, the last setting's value; for xm, where the variable was assigned).</summary>
    /// <param name="option">The option.</param>
    /// <param name="location">The location.</param>
    /// <returns><see langword="true"/> when the file sets the option.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="option"/> is <see langword="null"/>.</exception>
    public bool TryGetLocation(OptionDefinition option, out SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(option);
        return TryGetLocation(option.Name, out location);
    }

    /// <summary>Gets where the value of a key (an option or another setting) is in the file.</summary>
    /// <param name="key">The key.</param>
    /// <param name="location">The location.</param>
    /// <returns><see langword="true"/> when the file sets the key at a known place.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool TryGetLocation(string key, out SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (_sources.Find(key) is { } source)
        {
            location = source.Origin.Location;
            return true;
        }

        location = default;
        return false;
    }

    /// <summary>Gets where item <paramref name="index"/> of a list value is in the file (a <c>disk</c>, <c>vif</c> or <c>pci</c> spec string...).</summary>
    /// <param name="key">The key.</param>
    /// <param name="index">The zero-based index of the item in the list the toolstack reads.</param>
    /// <param name="location">The item's location; the whole value's when the item is not spelt by a literal of its own (a computed xm value, a joined <c>+=</c> string).</param>
    /// <returns><see langword="true"/> when the file sets the key at a known place.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public bool TryGetItemLocation(string key, int index, out SourceLocation location)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (index < 0 || _sources.Find(key) is not { } source)
        {
            location = default;
            return false;
        }

        location = source.Origin.Item(index).Location;
        return true;
    }

    /// <summary>Gets the raw value an option was read from (for xl the literal value, <c>+=</c> applied; for xm the evaluated value), also when it could not be typed.</summary>
    /// <param name="option">The option.</param>
    /// <param name="value">The raw value.</param>
    /// <returns><see langword="true"/> when the file gives the option a value.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="option"/> is <see langword="null"/>.</exception>
    public bool TryGetRawValue(OptionDefinition option, [NotNullWhen(true)] out ConfigValue? value)
    {
        ArgumentNullException.ThrowIfNull(option);
        value = _sources.Find(option.Name)?.Value;
        return value is not null;
    }
}

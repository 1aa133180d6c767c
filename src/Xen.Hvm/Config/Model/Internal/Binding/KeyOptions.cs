namespace Xen.Hvm.Config.Model.Internal.Binding;

/// <summary>
/// The option of each key of a <see cref="ConfigValueCollection"/> (by position; <see langword="null"/> for a key no
/// option claims) and the set of options its keys name. Made once per collection and kept with it
/// (<c>ConfigValueCollection.BindingTable</c>): a later bind of the same document reads this table instead of
/// every key's text, which for a document parsed long before sits far apart in memory.
/// </summary>
/// <remarks>Immutable once made; safe to share across threads.</remarks>
internal sealed class KeyOptions
{
    private KeyOptions(OptionDefinition?[] options, OptionSet present)
    {
        Options = options;
        Present = present;
    }

    /// <summary>Gets the option of each key, by position.</summary>
    public OptionDefinition?[] Options { get; }

    /// <summary>Gets the set of options the keys name.</summary>
    public OptionSet Present { get; }

    /// <summary>Looks up every key of <paramref name="values"/> in the catalogue.</summary>
    public static KeyOptions Of(ConfigValueCollection values)
    {
        var options = values.Count == 0 ? [] : new OptionDefinition?[values.Count];
        var present = default(OptionSet);
        for (int i = 0; i < options.Length; i++)
        {
            if (OptionCatalog.TryGet(values[i].Key, out OptionDefinition? option))
            {
                options[i] = option;
                present.Add(option.Ordinal);
            }
        }

        return new KeyOptions(options, present);
    }
}

using System.Globalization;
using Xen.Hvm.Capabilities;

namespace Xen.Hvm.Config.Model.Internal.Effective;

/// <summary>
/// Works out the effective value of every option of a model for one toolstack and version, and gives derivation
/// rules (<see cref="OptionDefault"/>) the values of the options they depend on. Each option is resolved once;
/// a rule that depends on itself, through any chain, is a bug of the catalogue and throws.
/// </summary>
internal sealed class EffectiveContext
{
    private readonly Dictionary<string, EffectiveValue> _resolved = new(StringComparer.Ordinal);
    private readonly HashSet<string> _resolving = new(StringComparer.Ordinal);

    private EffectiveContext(DomainConfig config, Toolstack toolstack, XenVersion version, HostInfo? host)
    {
        Config = config;
        Toolstack = toolstack;
        Version = version;
        Host = host;
    }

    public DomainConfig Config { get; }

    public Toolstack Toolstack { get; }

    public XenVersion Version { get; }

    public HostInfo? Host { get; }

    /// <summary>Gets the guest type (PV while <c>type</c> itself is being resolved: its rows hold for every type).</summary>
    public GuestType GuestType { get; private set; } = GuestType.Pv;

    public static EffectiveConfig Evaluate(DomainConfig config, Toolstack toolstack, XenVersion version, HostInfo? host)
    {
        var context = new EffectiveContext(config, toolstack, version, host);
        context.GuestType = context.Value("type") is ConfigEnum<GuestType> { IsKnown: true } type ? type.Value.Value : GuestType.Pv;

        // The guest type is now fixed; resolve again from scratch so nothing depends on the provisional PV.
        context._resolved.Clear();
        var listed = new List<EffectiveValue>(OptionCatalog.All.Count);
        foreach (OptionDefinition option in OptionCatalog.All)
        {
            EffectiveValue value = context.Resolve(option);
            bool set = value.FileValue is not null;
            if (set || (option.IsReadBy(toolstack, version) && context.Applies(option)))
            {
                listed.Add(value);
            }
        }

        return new EffectiveConfig(config, toolstack, version, context.GuestType, [.. listed]);
    }

    /// <summary>Gets the value the toolstack uses for an option (a default even when this version does not read the key), or null.</summary>
    public object? Value(string name) => Resolve(OptionCatalog.Get(name)).Value;

    public long? Long(string name) => Value(name) as long?;

    public bool? Bool(string name) => Value(name) as bool?;

    public T? Enum<T>(string name)
        where T : struct, System.Enum => Value(name) is ConfigEnum<T> { IsKnown: true } e ? e.Value : null;

    /// <summary>
    /// Gets a value indicating whether the toolstack takes the option from the model. Answered from the model alone,
    /// without the option's defaults, so that two options may each default to the other (<c>memory</c> and
    /// <c>maxmem</c>).
    /// </summary>
    public bool IsSet(string name) => FileSource(OptionCatalog.Get(name), OptionCatalog.Get(name).GetValue(Config)) == EffectiveValueSource.File;

    /// <summary>Gets a value indicating whether the option's value is the host's to decide and no host told it.</summary>
    public bool IsUnknown(string name) => Resolve(OptionCatalog.Get(name)) is { Source: EffectiveValueSource.Host, Value: null };

    private bool Applies(OptionDefinition option) => option.GuestTypes.HasFlag(OptionDefault.ToFlag(GuestType));

    private EffectiveValue Resolve(OptionDefinition option)
    {
        if (_resolved.TryGetValue(option.Name, out EffectiveValue? done))
        {
            return done;
        }

        if (!_resolving.Add(option.Name))
        {
            throw new InvalidOperationException("The defaults of '" + option.Name + "' depend on themselves.");
        }

        try
        {
            EffectiveValue value = Compute(option);
            _resolved[option.Name] = value;
            return value;
        }
        finally
        {
            _resolving.Remove(option.Name);
        }
    }

    private EffectiveValue Compute(OptionDefinition option)
    {
        object? file = option.GetValue(Config);
        EffectiveValueSource? source = FileSource(option, file);
        return source switch
        {
            null => FromDefaults(option, null, null, null),
            EffectiveValueSource.File => new EffectiveValue(option, file, EffectiveValueSource.File, file, null, [], null),
            EffectiveValueSource.NotApplicable => new EffectiveValue(option, null, EffectiveValueSource.NotApplicable, file, null, [],
                "Not used for " + OptionDefault.FormatGuestTypes(OptionDefault.ToFlag(GuestType)) + " guests."),
            EffectiveValueSource.Unset => new EffectiveValue(option, null, EffectiveValueSource.Unset, null, null, [], null),
            EffectiveValueSource.NotRead => FromDefaults(option, file, EffectiveValueSource.NotRead, NotReadNote(option)),
            _ => FromDefaults(option, file, EffectiveValueSource.Ignored, IgnoreReason(option)),
        };
    }

    // What becomes of the model's own value: File when the toolstack takes it; NotApplicable, NotRead or Ignored
    // when it does not; Unset for an option that does not apply and is not set; null when the defaults decide.
    private EffectiveValueSource? FileSource(OptionDefinition option, object? file)
    {
        if (!Applies(option))
        {
            return file is null ? EffectiveValueSource.Unset : EffectiveValueSource.NotApplicable;
        }

        if (file is null)
        {
            return null;
        }

        if (!option.IsReadBy(Toolstack, Version))
        {
            return EffectiveValueSource.NotRead;
        }

        return IgnoreReason(option) is null ? EffectiveValueSource.File : EffectiveValueSource.Ignored;
    }

    private string? IgnoreReason(OptionDefinition option)
    {
        foreach (IgnoreRule rule in option.IgnoreRules)
        {
            if (rule.Matches(Config, Toolstack, Version, GuestType))
            {
                return rule.Reason;
            }
        }

        return null;
    }

    // The value the toolstack uses when it does not take the model's: the first default row that holds. A file
    // value that is ignored or not read keeps its own source; an unset option gets the row's.
    private EffectiveValue FromDefaults(OptionDefinition option, object? file, EffectiveValueSource? source, string? note)
    {
        foreach (OptionDefault row in option.Defaults)
        {
            if (!row.AppliesTo(Toolstack, Version, GuestType) || !row.Holds(this))
            {
                continue;
            }

            object? value = row.Evaluate(this);
            OptionDefinition[] from = row.DerivedFrom.Select(OptionCatalog.Get).ToArray();
            EffectiveValueSource own = row.Kind switch
            {
                OptionDefaultKind.Value => EffectiveValueSource.Default,
                OptionDefaultKind.Derived when value is null && row.DerivedFrom.Any(IsUnknown) => EffectiveValueSource.Host,
                OptionDefaultKind.Derived => EffectiveValueSource.Derived,
                OptionDefaultKind.Host => EffectiveValueSource.Host,
                _ => EffectiveValueSource.Unset,
            };
            return new EffectiveValue(option, value, source ?? own, file, row, from, note ?? row.Description);
        }

        return new EffectiveValue(option, null, source ?? EffectiveValueSource.Unset, file, null, [], note);
    }

    private string NotReadNote(OptionDefinition option)
    {
        string who = Toolstack == Toolstack.Xl ? "xl" : "xm";
        string version = Version.ToString("M", CultureInfo.InvariantCulture);
        OptionHistory history = Toolstack == Toolstack.Xl ? option.Xl : option.Xm;
        return history switch
        {
            { Introduced: null } => who + " never read it.",
            { Introduced: { } i } when Version < i => who + " reads it from " + i + "; " + who + " " + version + " does not.",
            { Removed: { } r } => who + " stopped reading it in " + r + ".",
            _ => who + " " + version + " does not read it.",
        };
    }
}

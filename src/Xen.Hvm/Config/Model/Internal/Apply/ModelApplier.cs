using Xen.Hvm.Config.Editing;
using Xen.Hvm.Config.Model.Internal.Binding;
using Xen.Hvm.Config.Syntax;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Text;

namespace Xen.Hvm.Config.Model.Internal.Apply;

/// <summary>
/// Writes a model into a document (<see cref="ConfigDocumentModelExtensions.WithModel"/>): binds the document, and for
/// every option (then every other setting) whose bound value differs from the model's makes the smallest edit through
/// the document's edit API: a new value at its setting, items replaced, removed or added inside a list, a setting
/// removed or appended. Each edit is checked by binding the result: the option must read back as the model says, and no
/// other option may change to a value the model does not have; otherwise the edit is not made and is refused with a
/// diagnostic, as are edits that would rewrite code (xm expressions, blocks, xl <c>+=</c> chains).
/// </summary>
internal sealed class ModelApplier
{
    private readonly DomainConfig _model;
    private readonly BindOptions _options;
    private readonly List<string> _changed = [];
    private readonly List<string> _refusedKeys = [];
    private readonly List<(string Key, DiagnosticDescriptor Descriptor, object?[] Args)> _refusals = [];
    private readonly ConfigDocument _original;
    private readonly BindResult _originalBound;
    private ConfigDocument _document;
    private BindResult _bound;

    /// <summary>Whether each edit is checked by binding its result (always in xm, whose code ties values together).</summary>
    private bool _checkEach;

    public ModelApplier(ConfigDocument document, DomainConfig model, BindOptions options)
    {
        _document = document;
        _original = document;
        _model = model;
        _options = options;
        _bound = DomainConfig.Bind(document, options);
        _originalBound = _bound;
    }

    private ConfigDialect Dialect => _document.Dialect;

    public ApplyResult Run()
    {
        if (Dialect != ConfigDialect.Xm)
        {
            // xl reads every key on its own, so an edit of one cannot change another: make every edit, then check them
            // all with one binding. Should anything read back wrong, start again and check each edit.
            EditAll();
            BindResult bound = DomainConfig.Bind(_document, _options);
            if (ReadsBackAsWanted(bound))
            {
                _bound = bound;
                return Finish();
            }

            _document = _original;
            _bound = _originalBound;
            _changed.Clear();
            _refusedKeys.Clear();
            _refusals.Clear();
        }

        _checkEach = true;
        EditAll();
        return Finish();
    }

    private void EditAll()
    {
        foreach (OptionDefinition option in OptionCatalog.All)
        {
            object? want = option.GetValue(_model);
            if (!Equals(option.GetValue(_bound.Config), want))
            {
                Attempt(option.Name, want, () => EditOption(option, want), b => option.GetValue(b.Config));
            }
        }

        ApplyOtherSettings();
    }

    /// <summary>Whether every option and other setting reads back as the model says, or as before where its change was refused.</summary>
    private bool ReadsBackAsWanted(BindResult bound)
    {
        var refused = _refusedKeys.ToHashSet(StringComparer.Ordinal);
        foreach (OptionDefinition option in OptionCatalog.All)
        {
            if (!Equals(option.GetValue(bound.Config), option.GetValue(refused.Contains(option.Name) ? _originalBound.Config : _model)))
            {
                return false;
            }
        }

        Dictionary<string, ConfigValue> before = ByName(_originalBound.Config.OtherSettings), after = ByName(bound.Config.OtherSettings);
        Dictionary<string, ConfigValue> model = ByName(_model.OtherSettings);
        foreach (string name in before.Keys.Union(after.Keys).Union(model.Keys))
        {
            ConfigValue? expected = refused.Contains(name) ? before.GetValueOrDefault(name) : model.GetValueOrDefault(name) is { } v ? ModelValues.AsRead(v, Dialect) : null;
            if (!Equals(after.GetValueOrDefault(name), expected))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An edit: the new document and what was written, or why it was not made.</summary>
    private readonly record struct Step(ConfigDocument? Document, string Written, (DiagnosticDescriptor Descriptor, object?[] Args)? Refusal)
    {
        public static Step Made(ConfigDocument document, string written) => new(document, written, null);

        public static Step Refused(DiagnosticDescriptor descriptor, params object?[] args) => new(null, string.Empty, (descriptor, args));

        public static Step Refused((DiagnosticDescriptor Descriptor, object?[] Args) why) => new(null, string.Empty, why);
    }

    private void Attempt(string key, object? want, Func<Step> edit, Func<BindResult, object?> readBack)
    {
        Step step = edit();
        if (step.Refusal is { } why)
        {
            Refuse(key, why.Descriptor, why.Args);
            return;
        }

        ConfigDocument edited = step.Document!;
        if (string.Equals(edited.Text, _document.Text, StringComparison.Ordinal))
        {
            // The editor refused (XH2008, XH4203, XH4204): keep its refusal, which the document now carries.
            var added = edited.Diagnostics.Where(d => d.IsError && !_document.Diagnostics.Contains(d)).ToList();
            if (added.Count > 0 && edited.HasRefusedEdits)
            {
                _document = edited;
                _bound = _checkEach ? DomainConfig.Bind(edited, _options) : _bound;
                _refusedKeys.Add(key);
                return;
            }

            Refuse(key, DiagnosticDescriptors.WriteBackDoesNotReadBack, key, step.Written, Show(readBack(_bound)));
            return;
        }

        if (!_checkEach)
        {
            _document = edited;
            _changed.Add(key);
            return;
        }

        BindResult bound = DomainConfig.Bind(edited, _options);
        if (!Equals(readBack(bound), want))
        {
            Refuse(key, DiagnosticDescriptors.WriteBackDoesNotReadBack, key, step.Written, Show(readBack(bound)));
            return;
        }

        // xm: code that ran must still run (removing 'memory' breaks a later 'maxmem = memory').
        if (NewEvaluationError(bound) is { } failure)
        {
            Refuse(key, DiagnosticDescriptors.WriteBackBreaksCode, key, failure);
            return;
        }

        List<string> others = OthersChanged(key, bound);
        if (others.Count > 0)
        {
            Refuse(key, DiagnosticDescriptors.WriteBackChangesOthers, key, string.Join(", ", others.Select(static o => "'" + o + "'")));
            return;
        }

        _document = edited;
        _bound = bound;
        _changed.Add(key);
    }

    /// <summary>The message of an evaluation error (XH41xx) an edit brought, or <see langword="null"/>.</summary>
    private string? NewEvaluationError(BindResult bound)
    {
        static bool IsEvaluationError(Diagnostic d) => d.IsError && d.Id.StartsWith("XH41", StringComparison.Ordinal);
        return bound.Diagnostics.Count(IsEvaluationError) > _bound.Diagnostics.Count(IsEvaluationError)
            ? Clip(bound.Diagnostics.Last(IsEvaluationError).Message)
            : null;
    }

    /// <summary>The options and other settings, besides <paramref name="key"/>, that an edit changed to a value the model does not have.</summary>
    private List<string> OthersChanged(string key, BindResult bound)
    {
        var changed = new List<string>();
        foreach (OptionDefinition option in OptionCatalog.All)
        {
            if (string.Equals(option.Name, key, StringComparison.Ordinal))
            {
                continue;
            }

            object? now = option.GetValue(bound.Config);
            if (!Equals(now, option.GetValue(_bound.Config)) && !Equals(now, option.GetValue(_model)))
            {
                changed.Add(option.Name);
            }
        }

        Dictionary<string, ConfigValue> before = ByName(_bound.Config.OtherSettings), after = ByName(bound.Config.OtherSettings);
        Dictionary<string, ConfigValue> model = ByName(_model.OtherSettings).ToDictionary(static p => p.Key, p => ModelValues.AsRead(p.Value, Dialect), StringComparer.Ordinal);

        foreach (string name in before.Keys.Union(after.Keys))
        {
            ConfigValue? now = after.GetValueOrDefault(name);
            if (!string.Equals(name, key, StringComparison.Ordinal) && !Equals(now, before.GetValueOrDefault(name)) && !Equals(now, model.GetValueOrDefault(name)))
            {
                changed.Add(name);
            }
        }

        return changed;
    }

    private Step EditOption(OptionDefinition option, object? want)
    {
        string key = option.Name;
        if (want is not null && ModelValues.ContainsUnknown(want))
        {
            return Step.Refused(DiagnosticDescriptors.WriteBackNotAValue, key, "an item is an unknown (computed) value");
        }

        SettingSite site = SettingSite.Find(_document, _bound, key);
        if (want is null)
        {
            return Remove(site);
        }

        ConfigValue whole = ModelValues.Write(option, want, Dialect, site.Setting?.Value);
        if (!site.IsSet)
        {
            return Step.Made(_document.WithValue(key, whole), Show(whole));
        }

        if (site.NotEditable is { } why)
        {
            return Step.Refused(why);
        }

        if (EditItems(option, site, want, whole) is { } items)
        {
            return items;
        }

        return Replace(site, whole);
    }

    /// <summary>A new value at the setting: refused where the value is code or a <c>+=</c> chain.</summary>
    private Step Replace(SettingSite site, ConfigValue whole)
    {
        if (site.ChainLength > 1)
        {
            return Step.Refused(DiagnosticDescriptors.WriteBackAppendedValue, site.Key, site.ChainLength);
        }

        if (site.IsComputed)
        {
            return Step.Refused(DiagnosticDescriptors.WriteBackComputedValue, site.Key, Clip(site.Setting!.Value.ToString()));
        }

        return Step.Made(_document.WithValue(site.Key, whole), Show(whole));
    }

    private Step Remove(SettingSite site)
    {
        if (site.NotEditable is { } why)
        {
            return Step.Refused(why);
        }

        if (site.IsComputed)
        {
            return Step.Refused(DiagnosticDescriptors.WriteBackComputedValue, site.Key, Clip(site.Setting!.Value.ToString()));
        }

        return Step.Made(_document.WithoutSetting(site.Key), "(removed)");
    }

    /// <summary>
    /// Item edits inside the list(s) that spell a list value: only changed items are written. <see langword="null"/>
    /// when the value cannot be edited item by item (not a list on both sides, items the binding read differently).
    /// </summary>
    private Step? EditItems(OptionDefinition option, SettingSite site, object want, ConfigValue whole)
    {
        object? have = option.GetValue(_bound.Config);
        if (site.Lists is not { } lists || have is null
            || ModelValues.Items(have) is not { } oldItems || ModelValues.Items(want) is not { } newItems
            || ModelValues.ItemType(have.GetType()) is not { } itemType
            || !_bound.TryGetRawValue(option, out ConfigValue? raw) || raw is not ConfigList rawList)
        {
            return null;
        }

        // Which raw items the binding read as the old typed items (bad spec strings are skipped, a nested list ends the list).
        List<ListItemEdits.Slot> slots = ListItemEdits.Slots(lists);
        if (slots.Count != rawList.Items.Count)
        {
            return null;
        }

        var slotOfOld = new List<int>(oldItems.Count);
        for (int s = 0; s < slots.Count; s++)
        {
            var (kind, value) = ModelValues.ReadItem(itemType, rawList.Items[s], Dialect);
            if (kind == ItemReadKind.Stop)
            {
                break;
            }

            if (kind == ItemReadKind.Value)
            {
                if (slotOfOld.Count >= oldItems.Count || !Equals(value, oldItems[slotOfOld.Count]))
                {
                    return null;
                }

                slotOfOld.Add(s);
            }
        }

        if (slotOfOld.Count != oldItems.Count || ItemDiff.Diff(oldItems, newItems) is not { Count: > 0 } ops)
        {
            return null;
        }

        foreach (ItemOp op in ops.Where(static o => o.Kind is ItemOpKind.Replace or ItemOpKind.Delete))
        {
            ValueSyntax item = slots[slotOfOld[op.Old]].Item;
            if (!item.IsConstant)
            {
                return Step.Refused(DiagnosticDescriptors.WriteBackComputedValue, site.Key, Clip(item.ToString()));
            }
        }

        var style = EditStyle.Detect(_document.SyntaxTree);
        var rendered = new Dictionary<(int, int), RenderedValue>();
        foreach (ItemOp op in ops.Where(static o => o.Kind is ItemOpKind.Replace or ItemOpKind.Insert))
        {
            ValueSyntax? replaced = op.Kind == ItemOpKind.Replace ? slots[slotOfOld[op.Old]].Item : null;
            RenderedValue text = style.Render(ModelValues.Write(newItems[op.New], Dialect), replaced);
            if (text.Unwritable is not null || (text.EscapedNonAscii && !site.IsComputed && site.ChainLength == 1))
            {
                // The whole value through the editor: it refuses what the file's encoding cannot hold (XH4203, XH4204)
                // and notes the escapes it writes (XH4202).
                return Step.Made(_document.WithValue(site.Key, whole), Show(whole));
            }

            rendered[(op.New, replaced?.Span.Start ?? -1)] = text;
        }

        List<(TextSpan Span, string Text)>? edits = ListItemEdits.Build(
            _document, style.NewLine, lists, slotOfOld, ops, (i, replaced) => rendered[(i, replaced?.Span.Start ?? -1)].Text);
        return edits is null ? null : Step.Made(_document.WithTextEdits(edits), Show(whole));
    }

    private void ApplyOtherSettings()
    {
        var wanted = new List<ConfigSetting>();
        foreach (var group in _model.OtherSettings.GroupBy(static s => s.Name, StringComparer.Ordinal))
        {
            string name = group.Key;
            ConfigSetting setting = group.First();
            if (group.Count() > 1)
            {
                Refuse(name, DiagnosticDescriptors.WriteBackDuplicateOtherSetting, name, group.Count());
            }
            else if (OptionCatalog.TryGet(name, out OptionDefinition? option))
            {
                Refuse(name, DiagnosticDescriptors.WriteBackOtherSettingIsOption, name, option.PropertyName);
            }
            else if (!(Dialect == ConfigDialect.Xm ? SyntaxFacts.IsValidXmName(name) : SyntaxFacts.IsValidXlKey(name)))
            {
                Refuse(name, DiagnosticDescriptors.WriteBackInvalidKey, name, Dialect == ConfigDialect.Xm ? "xm" : "xl");
            }
            else if (setting.Value is null || ModelValues.ContainsUnknown(setting.Value))
            {
                Refuse(name, DiagnosticDescriptors.WriteBackNotAValue, name, setting.Value is null ? "it is null" : "it is an unknown (computed) value");
            }
            else
            {
                wanted.Add(setting with { Value = ModelValues.AsRead(setting.Value, Dialect) });
            }
        }

        var refused = _refusedKeys.ToHashSet(StringComparer.Ordinal);
        var wantedNames = _model.OtherSettings.Select(static s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (ConfigSetting setting in _bound.Config.OtherSettings)
        {
            if (!wantedNames.Contains(setting.Name))
            {
                Attempt(setting.Name, null, () => Remove(SettingSite.Find(_document, _bound, setting.Name)), b => OtherValue(b, setting.Name));
            }
        }

        foreach (ConfigSetting setting in wanted.Where(s => !refused.Contains(s.Name)))
        {
            if (!Equals(OtherValue(_bound, setting.Name), setting.Value))
            {
                Attempt(setting.Name, setting.Value, () => EditOther(setting), b => OtherValue(b, setting.Name));
            }
        }
    }

    private Step EditOther(ConfigSetting setting)
    {
        SettingSite site = SettingSite.Find(_document, _bound, setting.Name);
        if (!site.IsSet)
        {
            return Step.Made(_document.WithValue(setting.Name, setting.Value), Show(setting.Value));
        }

        return site.NotEditable is { } why ? Step.Refused(why) : Replace(site, setting.Value);
    }

    private static ConfigValue? OtherValue(BindResult bound, string name) =>
        bound.Config.OtherSettings.LastOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal))?.Value;

    private static Dictionary<string, ConfigValue> ByName(ValueList<ConfigSetting> settings)
    {
        var map = new Dictionary<string, ConfigValue>(StringComparer.Ordinal);
        foreach (ConfigSetting s in settings)
        {
            map[s.Name] = s.Value;
        }

        return map;
    }

    private void Refuse(string key, DiagnosticDescriptor descriptor, params object?[] args)
    {
        _refusals.Add((key, descriptor, args));
        _refusedKeys.Add(key);
    }

    private ApplyResult Finish()
    {
        ConfigDocument final = _document;
        BindResult bound = _bound;
        if (_refusals.Count > 0)
        {
            final = _document.WithRefusals(_refusals.Select(r => (r.Descriptor, SpanOf(r.Key), r.Args)).ToList());
            bound = DomainConfig.Bind(final, _options);
        }

        // What the write-back added to the document: its refusals, the editor's refusals and notes (XH2008, XH42xx).
        var before = _original.Diagnostics.GroupBy(static d => (d.Id, d.Message)).ToDictionary(static g => g.Key, static g => g.Count());
        var added = new List<Diagnostic>();
        foreach (Diagnostic d in final.Diagnostics)
        {
            if (before.TryGetValue((d.Id, d.Message), out int count) && count > 0)
            {
                before[(d.Id, d.Message)] = count - 1;
            }
            else
            {
                added.Add(d);
            }
        }

        return new ApplyResult(final, bound, _changed, _refusedKeys, added);
    }

    /// <summary>Where a refusal is reported: the value the key has in the file, else the end of the file (where it would have been added).</summary>
    private TextSpan SpanOf(string key) =>
        _bound.TryGetLocation(key, out SourceLocation location) ? location.Span : new TextSpan(_document.Text.Length, 0);

    private static string Show(object? value) => value switch
    {
        null => "(not set)",
        ConfigValue v => Clip(v.ToString() ?? string.Empty),
        _ => Clip(value.ToString() ?? string.Empty),
    };

    private static string Clip(string text) => ValueReader.Clip(text.ReplaceLineEndings(" "));
}

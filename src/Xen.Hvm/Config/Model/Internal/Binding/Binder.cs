using Xen.Hvm.Diagnostics;
using Xen.Hvm.Text;

namespace Xen.Hvm.Config.Model.Internal.Binding;

/// <summary>
/// Binds one document: reads its settings (<see cref="SettingSources"/>), types every option of the catalogue as the
/// toolstack does (<see cref="ValueReader"/>, <see cref="OptionBinders"/>), keeps the other settings, then makes xl's
/// own checks (<see cref="XlChecks"/>).
/// </summary>
internal sealed class Binder
{
    private readonly ConfigDocument _document;
    private readonly BindOptions _options;

    public Binder(ConfigDocument document, BindOptions options)
    {
        _document = document;
        _options = options;
    }

    public BindResult Run()
    {
        var diagnostics = new List<Diagnostic>();
        SettingSourceSet sources;
        if (_document.Dialect == ConfigDialect.Xm)
        {
            XmEvaluationResult evaluation = _document.Evaluate(_options.XmContext);
            diagnostics.AddRange(evaluation.Diagnostics);
            sources = SettingSources.ReadXm(_document, evaluation);
        }
        else
        {
            sources = SettingSources.ReadXl(_document);
        }

        var reader = new ValueReader(_document.Dialect, _options, diagnostics)
        {
            FileStart = ValueOrigin.FileStart(_document.SyntaxTree),
        };
        GuestType guest = GuestTypeOf(sources, reader);
        reader.Guest = guest;

        var config = new DomainConfig();
        config.ReserveInPlace(sources.OptionCount);
        var other = new List<ConfigSetting>();
        for (int i = 0; i < sources.Count; i++)
        {
            SettingSource source = sources[i];
            if (source.Option is not { } option)
            {
                if (source.Value is not null)
                {
                    other.Add(new ConfigSetting(source.Name, source.Value));
                }

                continue;
            }

            if (source.Value is null)
            {
                reader.Report(DiagnosticDescriptors.BoundValueUnknown, DiagnosticSeverity.Warning, source.Origin, source.Name);
                continue;
            }

            OptionBinders.BindInto(config, reader, option, source);
        }

        OptionBinders.SetOtherSettings(config, [.. other]);
        if (_options.Toolstack == Toolstack.Xl)
        {
            new XlChecks(reader, config, sources, guest).Run();
        }

        return new BindResult(_document, _options, config, guest, InFileOrder(diagnostics), sources);
    }

    /// <summary>The diagnostics by where they start in the file; those at one place keep the order they were made in.</summary>
    private static Diagnostic[] InFileOrder(List<Diagnostic> diagnostics)
    {
        if (diagnostics.Count == 0)
        {
            return [];
        }

        var keys = new (int Start, int Made)[diagnostics.Count];
        for (int i = 0; i < keys.Length; i++)
        {
            keys[i] = (diagnostics[i].Location.Span.Start, i);
        }

        Diagnostic[] ordered = [.. diagnostics];
        Array.Sort(keys, ordered);
        return ordered;
    }

    /// <summary>The guest type xl (or xm) reads, with no diagnostics: <c>type</c> by prefix, else <c>builder</c>, else PV.</summary>
    private static GuestType GuestTypeOf(SettingSourceSet sources, ValueReader reader)
    {
        if (sources.Find("type") is { } type && reader.PeekAtom(type) is { } t && GuestTypeMatch.Type(t) is { } fromType)
        {
            return fromType;
        }

        if (sources.Find("builder") is { } builder && reader.PeekAtom(builder) is { } b && GuestTypeMatch.Builder(b, reader.IsXm) is { } fromBuilder)
        {
            return fromBuilder;
        }

        return GuestType.Pv;
    }
}

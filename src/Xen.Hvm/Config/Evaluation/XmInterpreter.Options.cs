using System.Globalization;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Config.Evaluation;

// xm create's command-line options, converted before the file is read (opts.py).
internal sealed partial class XmInterpreter
{
    /// <summary>xm create's option converters (opts.py set_value, set_bool, set_int, set_long, append_value).</summary>
    private bool ConvertOptions()
    {
        foreach (var (name, text) in _context.Options)
        {
            ConfigValue? value = XmOptionCatalog.KindOf(name) switch
            {
                XmOptionKind.Value => new ConfigString(text),
                XmOptionKind.Bool => text is "yes" or "y" ? new ConfigInteger(1) : text is "no" or "n" ? new ConfigInteger(0) : null,
                XmOptionKind.Int or XmOptionKind.Long => long.TryParse(text, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n)
                    ? new ConfigInteger(n)
                    : null,
                _ => new ConfigList([.. (_options.GetValueOrDefault(name) as ConfigList)?.Items ?? [], new ConfigString(text)]),
            };
            if (value is null)
            {
                string kind = XmOptionCatalog.KindOf(name) == XmOptionKind.Bool ? "yes/no value" : "integer";
                Add(DiagnosticDescriptors.XmInvalidOption, 0, 0, name, text, kind);
                return false;
            }

            _options[name] = value;
        }

        return true;
    }
}

using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Xen.Hvm.Config;

namespace Xen.Hvm.Tests.Config;

/// <summary>A generated xl file: its text, and the effective values the test expects, computed without the parser.</summary>
public sealed record GeneratedConfig(string Text, IReadOnlyList<KeyValuePair<string, ConfigValue>> Expected)
{
    public override string ToString() => Text;
}

/// <summary>FsCheck generators of valid xl files in many layouts, with their own independent renderer.</summary>
internal static class XlGenerators
{
    private static readonly string[] s_keys = ["name", "memory", "vcpus", "disk", "vif", "builder", "boot", "acpi", "vif.default.script", "cpus", "extra", "k_2"];

    private static readonly char[] s_stringChars = "abcXYZ019 /:,=[]#;'\"\\\té-_.".ToCharArray();

    public static Gen<string> StringContent =>
        Gen.Elements(s_stringChars).ArrayOf().Select(a => new string(a.Take(24).ToArray()));

    public static Gen<ConfigValue> Value(int depth) =>
        depth <= 0
            ? Atom
            : Gen.Frequency(
                (3, Atom),
                (1, Value(depth - 1).ArrayOf().Select(a => (ConfigValue)new ConfigList(a.Take(4)))));

    private static Gen<ConfigValue> Atom =>
        Gen.OneOf(
            StringContent.Select(s => (ConfigValue)new ConfigString(s)),
            Gen.Choose(0, 100000).Select(n => (ConfigValue)new ConfigInteger(n)));

    public static Gen<GeneratedConfig> Config(bool allowAppend) =>
        from count in Gen.Choose(0, 12)
        from statements in Statement(allowAppend).ArrayOf(count)
        from finalNewLine in Gen.Elements(true, true, false)
        select Build(statements, finalNewLine);

    private static Gen<(string Key, bool Append, ConfigValue Value, int Layout, string Eq, string Terminator, bool Comment)> Statement(bool allowAppend) =>
        from key in Gen.Elements(s_keys)
        from append in allowAppend ? Gen.Elements(false, false, false, true) : Gen.Constant(false)
        from value in Value(2)
        from layout in Gen.Choose(0, 3)
        from eq in Gen.Elements("=", " = ", "\t=  ", " =")
        from terminator in Gen.Elements("\n", "\n", ";", "\n\n", "\n# note\n")
        from comment in Gen.Elements(false, false, true)
        select (key, append, value, layout, eq, terminator, comment);

    private static GeneratedConfig Build((string Key, bool Append, ConfigValue Value, int Layout, string Eq, string Terminator, bool Comment)[] statements, bool finalNewLine)
    {
        var sb = new StringBuilder();
        var values = new List<KeyValuePair<string, ConfigValue>>();
        for (int i = 0; i < statements.Length; i++)
        {
            var s = statements[i];
            int at = values.FindIndex(p => p.Key == s.Key);
            ConfigValue value = s.Value;
            bool append = s.Append;
            if (append && at >= 0)
            {
                ConfigValue previous = values[at].Value;
                bool prevList = previous is ConfigList;
                // keep the kinds compatible so the file stays valid
                value = (prevList, value) switch
                {
                    (true, ConfigList) => value,
                    (true, _) => new ConfigList([value]),
                    (false, ConfigList l) => new ConfigString("x"),
                    _ => value,
                };
            }

            if (s.Layout == 3 && i == 0)
            {
                sb.Append("# generated\n\n");
            }

            sb.Append(s.Layout == 2 ? "  " : string.Empty).Append(s.Key).Append(append ? (s.Eq.Replace("=", "+=", StringComparison.Ordinal)) : s.Eq)
              .Append(s.Eq.EndsWith('=') ? " " : string.Empty);
            Render(sb, value, s.Layout == 1 ? '\'' : '"', multiLine: s.Layout == 3);
            if (s.Comment)
            {
                sb.Append("  # c");
                sb.Append(i == statements.Length - 1 && !finalNewLine ? "\n" : string.Empty);
            }

            bool last = i == statements.Length - 1;
            string terminator = last && !finalNewLine && !s.Comment ? string.Empty : s.Comment && s.Terminator == ";" ? "\n" : s.Terminator;
            if (s.Comment && last && !finalNewLine)
            {
                terminator = string.Empty;
            }

            sb.Append(terminator);

            if (at < 0)
            {
                values.Add(new(s.Key, Normalize(value)));
            }
            else if (append)
            {
                ConfigValue previous = values[at].Value;
                values[at] = new(s.Key, previous is ConfigList pl
                    ? new ConfigList(pl.Items.Concat(((ConfigList)Normalize(value)).Items))
                    : new ConfigString(((ConfigString)previous).Value + ((ConfigString)Normalize(value)).Value));
            }
            else
            {
                values[at] = new(s.Key, Normalize(value));
            }
        }

        return new GeneratedConfig(sb.ToString(), values);
    }

    /// <summary>xl reads numbers as strings.</summary>
    public static ConfigValue Normalize(ConfigValue v) => v switch
    {
        ConfigInteger n => new ConfigString(n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ConfigList l => new ConfigList(l.Items.Select(Normalize)),
        _ => v,
    };

    /// <summary>The test's own renderer: only the escapes libxlu reads.</summary>
    public static void Render(StringBuilder sb, ConfigValue value, char quote, bool multiLine)
    {
        switch (value)
        {
            case ConfigString s:
                sb.Append(quote);
                foreach (char c in s.Value)
                {
                    sb.Append(c switch
                    {
                        '\\' => "\\\\",
                        '\t' => "\\t",
                        _ when c == quote => "\\" + c,
                        _ => c.ToString(),
                    });
                }

                sb.Append(quote);
                break;
            case ConfigInteger n:
                sb.Append(n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            case ConfigList l:
                sb.Append(multiLine ? "[\n" : "[");
                for (int i = 0; i < l.Items.Count; i++)
                {
                    sb.Append(multiLine ? "    " : i > 0 ? " " : string.Empty);
                    Render(sb, l.Items[i], quote, false);
                    sb.Append(i < l.Items.Count - 1 || multiLine ? "," : string.Empty).Append(multiLine ? "\n" : string.Empty);
                }

                sb.Append(']');
                break;
        }
    }
}

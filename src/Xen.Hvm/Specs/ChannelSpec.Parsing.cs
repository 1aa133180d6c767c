using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Xen.Hvm.Config;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Specs.Internal;

namespace Xen.Hvm.Specs;

public sealed partial record ChannelSpec : ISpecValue
{
    /// <summary>Parses a channel spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it; <see cref="ConfigDialect.Auto"/> reads as xl.</param>
    /// <param name="map">Where the value sits in its file, or <see langword="null"/>.</param>
    /// <returns>The result. Never throws for bad text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <remarks>Items are <c>KEY=VALUE</c> read as xl reads them (<c>strtok</c> on '=' twice: <c>name==x</c> is
    /// <c>x</c>, and in <c>path=/a=b</c> xl keeps <c>/a</c> and ignores the rest, with a warning here), key and value
    /// trimmed; unknown keys are ignored with a warning; <c>connection</c> is required and a socket needs
    /// <c>path</c>.</remarks>
    public static ParseResult<ChannelSpec> Parse(string text, ConfigDialect dialect = ConfigDialect.Xl, SpecSourceMap? map = null) =>
        SpecContext.Run(SpecKind.Channel, text, dialect, map, Read);

    /// <summary>Tries to parse a channel spec.</summary>
    /// <param name="text">The decoded string value.</param>
    /// <param name="dialect">How to read it.</param>
    /// <param name="value">The value, when the text has no errors.</param>
    /// <returns><see langword="true"/> when the text has no errors.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public static bool TryParse(string text, ConfigDialect dialect, [NotNullWhen(true)] out ChannelSpec? value) =>
        Parse(text, dialect).TryGetValue(out value);

    /// <summary>Prints a value in the canonical form of a dialect (<c>name=..,connection=..,path=..,backend=..</c>).</summary>
    /// <param name="dialect">The dialect (xl for <see cref="ConfigDialect.Auto"/>).</param>
    /// <returns>The spec text.</returns>
    public string ToSpecString(ConfigDialect dialect = ConfigDialect.Xl) => Print(this, dialect);

    private static string Print(ChannelSpec value, ConfigDialect dialect)
    {
        var items = new List<string>();
        if (value.Name is not null)
        {
            items.Add(SpecItems.Pair("name", value.Name));
        }

        if (value.Connection is { } c)
        {
            items.Add("connection=" + (c == ChannelConnection.Pty ? "pty" : "socket"));
        }

        if (value.Path is not null)
        {
            items.Add(SpecItems.Pair("path", value.Path));
        }

        if (value.Backend is not null)
        {
            items.Add(SpecItems.Pair("backend", value.Backend));
        }

        return string.Join(",", items);
    }

    private static ChannelSpec? Read(SpecContext ctx)
    {
        var channel = new ChannelSpec(null, null);
        foreach (var item in SpecItems.StrtokPairs(ctx, ctx.Text))
        {
            string v = item.Value.Text;
            switch (item.Key.Text)
            {
                case "backend":
                    channel = channel with { Backend = v };
                    break;
                case "name":
                    channel = channel with { Name = v };
                    break;
                case "path":
                    channel = channel with { Path = v };
                    break;
                case "connection":
                    if (v is "pty" or "socket")
                    {
                        channel = channel with { Connection = v == "pty" ? ChannelConnection.Pty : ChannelConnection.Socket };
                    }
                    else
                    {
                        SpecItems.Invalid(ctx, item, "expected pty or socket");
                    }

                    break;
                default:
                    SpecItems.UnknownKey(ctx, item, DiagnosticSeverity.Warning);
                    break;
            }
        }

        if (ctx.HasErrors)
        {
            return null;
        }

        if (channel.Connection is null)
        {
            SpecItems.Missing(ctx, "connection");
        }
        else if (channel.Connection == ChannelConnection.Socket && channel.Path is null)
        {
            SpecItems.Missing(ctx, "path");
        }

        if (channel.Name is null)
        {
            SpecItems.Missing(ctx, "name", DiagnosticSeverity.Warning);
        }

        return channel;
    }
}

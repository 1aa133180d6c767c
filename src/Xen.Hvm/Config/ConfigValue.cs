using System.Text;

namespace Xen.Hvm.Config;

/// <summary>
/// A config value as Xen's reader sees it: a string or a (possibly nested) list; evaluated xm files add integers and floats.
/// </summary>
/// <remarks>
/// <para>Values compare by content. Equality and printing are iterative, so deeply nested lists are safe.</para>
/// <para>Immutable; safe to share across threads.</para>
/// </remarks>
public abstract class ConfigValue : IEquatable<ConfigValue>
{
    private protected ConfigValue()
    {
    }

    /// <summary>Gets the kind of value.</summary>
    public abstract ConfigValueKind Kind { get; }

    /// <summary>Converts a string to a <see cref="ConfigString"/>.</summary>
    /// <param name="value">The string.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public static implicit operator ConfigValue(string value) => new ConfigString(value);

    /// <summary>Creates a list value.</summary>
    /// <param name="items">The items.</param>
    /// <returns>The list.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is <see langword="null"/>.</exception>
    public static ConfigList List(params ConfigValue[] items) => new(items);

    /// <summary>Creates a list of strings.</summary>
    /// <param name="items">The strings.</param>
    /// <returns>The list.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is <see langword="null"/>.</exception>
    public static ConfigList List(IEnumerable<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new ConfigList(items.Select(static s => (ConfigValue)new ConfigString(s)).ToArray());
    }

    /// <inheritdoc/>
    public bool Equals(ConfigValue? other)
    {
        if (other is null)
        {
            return false;
        }

        var stack = new Stack<(ConfigValue A, ConfigValue B)>();
        stack.Push((this, other));
        while (stack.Count > 0)
        {
            var (a, b) = stack.Pop();
            if (ReferenceEquals(a, b))
            {
                continue;
            }

            if (a.Kind != b.Kind)
            {
                return false;
            }

            if (a is ConfigList la)
            {
                var lb = (ConfigList)b;
                if (la.Items.Count != lb.Items.Count)
                {
                    return false;
                }

                for (int i = 0; i < la.Items.Count; i++)
                {
                    stack.Push((la.Items[i], lb.Items[i]));
                }
            }
            else if (!a.ScalarEquals(b))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ConfigValue v && Equals(v);

    /// <inheritdoc/>
    public override int GetHashCode() => this switch
    {
        ConfigList l => HashCode.Combine(ConfigValueKind.List, l.Items.Count, l.Items.Count > 0 ? l.Items[0].Kind : default),
        _ => HashCode.Combine(Kind, ScalarHash()),
    };

    /// <summary>Returns the value as JSON: strings quoted, lists as arrays, numbers bare.</summary>
    /// <returns>The JSON text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        var stack = new Stack<(ConfigValue Value, int Next)>();
        stack.Push((this, -1));
        while (stack.Count > 0)
        {
            var (value, next) = stack.Pop();
            if (value is not ConfigList list)
            {
                value.AppendScalarJson(sb);
                continue;
            }

            if (next < 0)
            {
                sb.Append('[');
                next = 0;
            }

            if (next >= list.Items.Count)
            {
                sb.Append(']');
                continue;
            }

            if (next > 0)
            {
                sb.Append(", ");
            }

            stack.Push((list, next + 1));
            stack.Push((list.Items[next], -1));
        }

        return sb.ToString();
    }

    /// <summary>Compares two values by content.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both are equal or both are <see langword="null"/>.</returns>
    public static bool operator ==(ConfigValue? left, ConfigValue? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Compares two values by content.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when they differ.</returns>
    public static bool operator !=(ConfigValue? left, ConfigValue? right) => !(left == right);

    private protected abstract bool ScalarEquals(ConfigValue other);

    private protected abstract int ScalarHash();

    private protected abstract void AppendScalarJson(StringBuilder sb);

    private protected static void AppendJsonString(StringBuilder sb, string s)
    {
        Hvm.Internal.JsonText.AppendString(sb, s);
    }
}

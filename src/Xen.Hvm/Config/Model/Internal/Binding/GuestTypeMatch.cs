namespace Xen.Hvm.Config.Model.Internal.Binding;

/// <summary>How xl reads <c>type</c> and <c>builder</c>: the value is a prefix (<c>strncmp(value, name, strlen(value))</c>).</summary>
internal static class GuestTypeMatch
{
    /// <summary><c>type</c>: a prefix of <c>hvm</c>, <c>pv</c> or <c>pvh</c>, tried in that order (so <c>""</c> is HVM and <c>"p"</c> PV).</summary>
    public static GuestType? Type(string value) =>
        IsPrefix(value, "hvm") ? GuestType.Hvm : IsPrefix(value, "pv") ? GuestType.Pv : IsPrefix(value, "pvh") ? GuestType.Pvh : null;

    /// <summary><c>builder</c>: xl takes a prefix of <c>hvm</c> or <c>generic</c>; xm builds HVM for <c>hvm</c> and PV for anything else.</summary>
    public static GuestType? Builder(string value, bool xm) =>
        xm ? (value == "hvm" ? GuestType.Hvm : GuestType.Pv)
        : IsPrefix(value, "hvm") ? GuestType.Hvm : IsPrefix(value, "generic") ? GuestType.Pv : null;

    /// <summary>Whether <paramref name="value"/> is a prefix of <paramref name="name"/> (C <c>strncmp</c> on <c>strlen(value)</c> bytes).</summary>
    public static bool IsPrefix(string value, string name) => name.StartsWith(value, StringComparison.Ordinal);
}

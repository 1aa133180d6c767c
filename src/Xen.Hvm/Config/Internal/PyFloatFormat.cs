using System.Globalization;

namespace Xen.Hvm.Config.Internal;

/// <summary>Python 2.7's texts of a float: <c>repr</c> (what a config value prints as) and <c>str</c>.</summary>
internal static class PyFloatFormat
{
    /// <summary>Python 2.7's <c>repr(float)</c>: the shortest text that reads back, as <c>%r</c>.</summary>
    public static string Repr(double d)
    {
        if (double.IsNaN(d))
        {
            return "nan";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "inf" : "-inf";
        }

        string r = d.ToString("E16", CultureInfo.InvariantCulture);
        // Find the shortest round-tripping digit count.
        for (int p = 1; p <= 17; p++)
        {
            string candidate = d.ToString("E" + (p - 1).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            if (double.Parse(candidate, CultureInfo.InvariantCulture) == d)
            {
                r = candidate;
                break;
            }
        }

        return Layout(r, 16, forceDecimal: true);
    }

    /// <summary>Python 2.7's <c>str(float)</c>: <c>%.12g</c>, with <c>.0</c> for whole numbers.</summary>
    public static string Str(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d))
        {
            return Repr(d);
        }

        string r = d.ToString("E11", CultureInfo.InvariantCulture);
        return Layout(r, 12, forceDecimal: true);
    }

    /// <summary>Lays out "d.dddE+xxx" digits the way Python's float repr does: fixed for -4 &lt;= exp &lt; limit, else scientific.</summary>
    private static string Layout(string e, int limit, bool forceDecimal)
    {
        bool negative = e.StartsWith('-');
        if (negative)
        {
            e = e[1..];
        }

        int ePos = e.IndexOf('E');
        string digits = e[..ePos].Replace(".", string.Empty).TrimEnd('0');
        if (digits.Length == 0)
        {
            digits = "0";
        }

        int exp = int.Parse(e[(ePos + 1)..], CultureInfo.InvariantCulture);
        string body;
        if (digits == "0")
        {
            body = "0.0";
        }
        else if (exp >= -4 && exp < limit)
        {
            if (exp >= 0)
            {
                string intPart = digits.Length > exp + 1 ? digits[..(exp + 1)] : digits.PadRight(exp + 1, '0');
                string frac = digits.Length > exp + 1 ? digits[(exp + 1)..] : string.Empty;
                body = intPart + (frac.Length > 0 ? "." + frac : forceDecimal ? ".0" : string.Empty);
            }
            else
            {
                body = "0." + new string('0', -exp - 1) + digits;
            }
        }
        else
        {
            string mant = digits.Length > 1 ? digits[0] + "." + digits[1..] : digits;
            body = mant + "e" + (exp < 0 ? "-" : "+") + Math.Abs(exp).ToString("00", CultureInfo.InvariantCulture);
        }

        return negative ? "-" + body : body;
    }
}

using System.Diagnostics.Contracts;
using System.Globalization;
using Xen.Hvm.Capabilities.Internal;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Text;

namespace Xen.Hvm.Capabilities;

/// <summary>
/// A decoded <c>hw_caps</c> string (<c>xm info</c> / <c>xl info</c>): up to 8 colon-separated 32-bit words copied from
/// CPUID, with every set bit named by its Linux <c>/proc/cpuinfo</c> name.
/// </summary>
/// <remarks>
/// <para>The word order changed in Xen 4.7 (<see cref="HwCapsLayout"/>); see <see cref="HwCapsOptions"/> for how the
/// layout is chosen.</para>
/// <para><see cref="ToString"/> returns the input text exactly, whatever it was.</para>
/// <para>An all-zero string (ARM, ia64, powerpc) means "no x86 feature information", not "no features":
/// <see cref="HasX86Information"/> is <see langword="false"/> then.</para>
/// <para>Immutable; safe to share across threads.</para>
/// </remarks>
public sealed class HwCaps
{
    /// <summary>The most words any Xen version prints.</summary>
    public const int MaxWords = 8;

    private readonly uint[] _words;
    private readonly bool[] _valid;
    private readonly CpuFeature[] _features;

    private HwCaps(string text, uint[] words, bool[] valid, HwCapsLayout layout, HwCapsLayoutSource source, CpuFeature[] features, bool absentWordsAreZero = false)
    {
        Text = text;
        AbsentWordsAreZero = absentWordsAreZero;
        _words = words;
        _valid = valid;
        Layout = layout;
        LayoutSource = source;
        _features = features;
    }

    /// <summary>Gets the text exactly as given.</summary>
    public string Text { get; }

    /// <summary>Gets the words that were read (at most 8); an unreadable word reads as 0.</summary>
    public IReadOnlyList<uint> Words => _words;

    /// <summary>Gets a value indicating whether at least one word was read and every word was a hexadecimal number.</summary>
    public bool IsReadable => _words.Length > 0 && Array.TrueForAll(_valid, v => v);

    /// <summary>Gets the layout the words were decoded with.</summary>
    public HwCapsLayout Layout { get; }

    /// <summary>Gets how <see cref="Layout"/> was chosen.</summary>
    public HwCapsLayoutSource LayoutSource { get; }

    /// <summary>Gets a value indicating whether the words after the last one printed are known to be zero: xm up to Xen
    /// 3.2 leaves the trailing zero words out (<c>bfebfbff:00000000:00000000:00000000</c>), so the features of those
    /// words are absent (<see cref="GetFeatureState"/> answers <see cref="FactState.No"/>), not unknown. Known from
    /// <see cref="HwCapsOptions.Version"/>.</summary>
    public bool AbsentWordsAreZero { get; }

    /// <summary>Gets a value indicating whether any word is non-zero. All zero (ARM, ia64) means there is no x86
    /// feature information, not that the CPU has no features.</summary>
    public bool HasX86Information => Array.Exists(_words, w => w != 0);

    /// <summary>Gets every set bit, in word order then bit order, named or not, mirror bits included.</summary>
    public IReadOnlyList<CpuFeature> Features => _features;

    /// <summary>Gets the distinct names of the named, non-mirror set bits, in word and bit order.</summary>
    public IEnumerable<string> FeatureNames => _features.Where(f => f.IsNamed && !f.IsMirror).Select(f => f.Name).Distinct(StringComparer.Ordinal);

    /// <summary>Returns whether a named feature (a Linux <c>/proc/cpuinfo</c> name, e.g. <c>vmx</c>) is set.</summary>
    /// <param name="name">The cpuinfo name.</param>
    /// <returns><see langword="true"/> when a non-mirror bit of that name is set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    [Pure]
    public bool Has(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (CpuFeature f in _features)
        {
            if (!f.IsMirror && f.IsNamed && string.Equals(f.Name, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns whether a named feature is known to be set, known to be clear, or unknown.</summary>
    /// <param name="name">The cpuinfo name.</param>
    /// <returns><see cref="FactState.Yes"/> or <see cref="FactState.No"/> when the word holding the feature was read
    /// (or left out as zero: <see cref="AbsentWordsAreZero"/>); <see cref="FactState.Unknown"/> when that word is
    /// absent, unreadable or not in this layout, when the name is not a known feature, or when there is no x86
    /// information at all. Never <see cref="FactState.Probable"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    [Pure]
    public FactState GetFeatureState(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!HasX86Information || !FeatureTables.TryFind(name, out CpuidRegister register, out _))
        {
            return FactState.Unknown;
        }

        int word = FeatureTables.WordOf(Layout, register);
        if (word >= _words.Length && word < MaxWords && AbsentWordsAreZero)
        {
            return FactState.No;
        }

        if (word < 0 || word >= _words.Length || !_valid[word])
        {
            return FactState.Unknown;
        }

        return Has(name) ? FactState.Yes : FactState.No;
    }

    /// <summary>Gets the register a word copies in <see cref="Layout"/>.</summary>
    /// <param name="word">The zero-based word index.</param>
    /// <returns>The register, or <see cref="CpuidRegister.None"/> when the layout is unknown or the index is out of range.</returns>
    [Pure]
    public CpuidRegister RegisterOf(int word) =>
        FeatureTables.Registers(Layout) is { } regs && word >= 0 && word < regs.Length ? regs[word] : CpuidRegister.None;

    /// <summary>Gets the features set in one word.</summary>
    /// <param name="word">The zero-based word index.</param>
    /// <returns>The features of that word, in bit order.</returns>
    [Pure]
    public IEnumerable<CpuFeature> FeaturesOf(int word) => _features.Where(f => f.Word == word);

    /// <summary>Returns the layout a Xen version prints: A up to 4.6, B from 4.7.</summary>
    /// <param name="version">The Xen version.</param>
    /// <returns>The layout.</returns>
    [Pure]
    public static HwCapsLayout LayoutFor(XenVersion version) => version.IsAtLeast(4, 7) ? HwCapsLayout.B : HwCapsLayout.A;

    /// <summary>Decodes a <c>hw_caps</c> string. Never throws on bad text: problems become diagnostics.</summary>
    /// <param name="text">The value, e.g. <c>178bfbff:ebd3fbff:00000000:00000010:00002001:00000000:0000001f</c>.</param>
    /// <param name="options">The version and layout choice, or <see langword="null"/> to guess from the words.</param>
    /// <returns>The decoded value (always available as <see cref="ParseResult{T}.PartialValue"/>) and diagnostics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    /// <remarks>The result's <see cref="ParseResult{T}.Value"/> throws <see cref="HostCapabilitiesException"/> when the
    /// text is not colon-separated hexadecimal words.</remarks>
    [Pure]
    public static ParseResult<HwCaps> Parse(string text, HwCapsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sink = new DiagnosticSink(null, text);
        HwCaps caps = Decode(text, options, sink);
        return HostCapabilitiesException.Result(caps, sink.ToSortedList());
    }

    /// <summary>Returns the input text exactly.</summary>
    /// <returns><see cref="Text"/>.</returns>
    public override string ToString() => Text;

    internal static HwCaps Decode(string text, HwCapsOptions? options, DiagnosticSink sink)
    {
        List<TextSpan> pieces = SplitWords(text);
        var words = new List<uint>(MaxWords);
        var valid = new List<bool>(MaxWords);
        bool anyHex = pieces.Exists(p => IsHexWord(text.AsSpan(p.Start, p.Length)));
        if (!anyHex)
        {
            TextSpan all = Trimmed(text, new TextSpan(0, text.Length));
            sink.Add(DiagnosticDescriptors.HwCapsUnreadable, all, Shorten(text.AsSpan(all.Start, all.Length)));
            return new HwCaps(text, [], [], HwCapsLayout.Unknown, HwCapsLayoutSource.None, []);
        }

        for (int i = 0; i < pieces.Count && i < MaxWords; i++)
        {
            TextSpan p = pieces[i];
            ReadOnlySpan<char> digits = text.AsSpan(p.Start, p.Length);
            string index = i.ToString(CultureInfo.InvariantCulture);
            if (!IsHexWord(digits))
            {
                sink.Add(DiagnosticDescriptors.HwCapsInvalidWord, p, index, Shorten(digits));
                words.Add(0);
                valid.Add(false);
                continue;
            }

            uint value = uint.Parse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            if (digits.Length < 8)
            {
                sink.Add(DiagnosticDescriptors.HwCapsShortWord, p, index, digits.ToString(), value.ToString("x8", CultureInfo.InvariantCulture));
            }

            words.Add(value);
            valid.Add(true);
        }

        if (pieces.Count > MaxWords)
        {
            sink.Add(DiagnosticDescriptors.HwCapsTooManyWords, TextSpan.FromBounds(pieces[MaxWords].Start, pieces[^1].End), pieces.Count);
        }

        uint[] w = words.ToArray();
        (HwCapsLayout layout, HwCapsLayoutSource source) = ChooseLayout(w, options);
        if (source == HwCapsLayoutSource.Heuristic)
        {
            string reason = w.Length < MaxWords ? "fewer than 8 words" : w[2] != 0 ? "word 2 is non-zero" : "word 2 is zero";
            sink.Add(DiagnosticDescriptors.HwCapsLayoutGuessed, Trimmed(text, new TextSpan(0, text.Length)), layout, reason);
        }

        if (!Array.Exists(w, x => x != 0))
        {
            sink.Add(DiagnosticDescriptors.HwCapsNoX86Information, Trimmed(text, new TextSpan(0, text.Length)));

            return new HwCaps(text, w, valid.ToArray(), layout, source, []);
        }

        // xm up to Xen 3.2 (xc.c) strips the trailing zero words; later releases print all of them.
        bool absentAreZero = w.Length < MaxWords && options?.Version is { } printer && !printer.IsAtLeast(3, 3);
        if (absentAreZero)
        {
            sink.Add(DiagnosticDescriptors.HwCapsTrailingZerosOmitted, Trimmed(text, new TextSpan(0, text.Length)), w.Length);
        }

        var features = new List<CpuFeature>();
        for (int i = 0; i < w.Length; i++)
        {
            for (int bit = 0; bit < 32; bit++)
            {
                if ((w[i] & (1u << bit)) == 0)
                {
                    continue;
                }

                CpuFeature f = CpuFeature.Create(layout, i, bit);
                features.Add(f);
                if (!f.IsNamed)
                {
                    sink.Add(DiagnosticDescriptors.HwCapsUnnamedBit, pieces[i], f.Name, layout);
                }
            }
        }

        return new HwCaps(text, w, valid.ToArray(), layout, source, features.ToArray(), absentAreZero);
    }

    private static (HwCapsLayout, HwCapsLayoutSource) ChooseLayout(uint[] words, HwCapsOptions? options)
    {
        if (options?.Layout is { } forced && forced != HwCapsLayout.Unknown)
        {
            return (forced, HwCapsLayoutSource.Caller);
        }

        if (options?.Version is { } version)
        {
            return (LayoutFor(version), HwCapsLayoutSource.Version);
        }

        if (!Array.Exists(words, x => x != 0))
        {
            return (HwCapsLayout.Unknown, HwCapsLayoutSource.None);
        }

        return words.Length < MaxWords || words[2] == 0
            ? (HwCapsLayout.A, HwCapsLayoutSource.Heuristic)
            : (HwCapsLayout.B, HwCapsLayoutSource.Heuristic);
    }

    // Splits on ':' and trims each piece; a trailing ':' (xm 3.0-3.2 on all-zero hosts) does not make a word.
    private static List<TextSpan> SplitWords(string text)
    {
        var pieces = new List<TextSpan>(MaxWords + 1);
        int start = 0;
        while (true)
        {
            int colon = text.IndexOf(':', start);
            int end = colon < 0 ? text.Length : colon;
            pieces.Add(Trimmed(text, TextSpan.FromBounds(start, end)));
            if (colon < 0)
            {
                break;
            }

            start = colon + 1;
        }

        if (pieces.Count > 1 && pieces[^1].IsEmpty)
        {
            pieces.RemoveAt(pieces.Count - 1);
        }

        return pieces;
    }

    private static TextSpan Trimmed(string text, TextSpan span)
    {
        int s = span.Start;
        int e = span.End;
        while (s < e && char.IsWhiteSpace(text[s]))
        {
            s++;
        }

        while (e > s && char.IsWhiteSpace(text[e - 1]))
        {
            e--;
        }

        return TextSpan.FromBounds(s, e);
    }

    private static bool IsHexWord(ReadOnlySpan<char> s)
    {
        if (s.Length is 0 or > 8)
        {
            return false;
        }

        foreach (char c in s)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    internal static string Shorten(ReadOnlySpan<char> s)
    {
        const int Max = 40;
        return s.Length <= Max ? s.ToString() : string.Concat(s[..Max], "...");
    }
}

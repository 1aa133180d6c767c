using Xen.Hvm.Text;

namespace Xen.Hvm.Specs;

/// <summary>
/// Maps character offsets of a decoded spec string (the text between the quotes, after escape processing) to
/// locations in the file the string came from, so that a problem at offset <c>k</c> of a spec is reported at the
/// right line and column.
/// </summary>
/// <remarks>
/// <para>Use <see cref="None"/> when the spec has no file (a command line, a test): locations are then offsets of the
/// value itself. Use <see cref="FromOffsets"/> when the string came from a config file; its offset table accounts for
/// the opening quote and for escapes such as <c>\t</c>, which take two file characters for one decoded character.</para>
/// <para>Implementations are immutable and safe to share across threads.</para>
/// </remarks>
public abstract class SpecSourceMap
{
    /// <summary>Gets the map that reports offsets of the value itself, with no path.</summary>
    public static SpecSourceMap None { get; } = new UnboundMap();

    /// <summary>Maps a span of the decoded value to a location.</summary>
    /// <param name="start">The zero-based offset of the first decoded character.</param>
    /// <param name="length">The number of decoded characters.</param>
    /// <returns>The location of that span in the source.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="start"/> or <paramref name="length"/> is negative.</exception>
    public abstract SourceLocation Map(int start, int length);

    /// <summary>Constructs a map that reports offsets of <paramref name="value"/> itself.</summary>
    /// <param name="value">The decoded value.</param>
    /// <param name="path">The source name to report, or <see langword="null"/>.</param>
    /// <returns>The identity map.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public static SpecSourceMap Identity(string value, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new IdentityMap(path, value.Length, LineMap.Create(value));
    }

    /// <summary>
    /// Constructs the map of a string value in a parsed config file, so that a problem inside the spec is reported at
    /// its line and column in the file (the opening quote and escapes such as <c>\t</c> accounted for).
    /// </summary>
    /// <param name="literal">The string value, e.g. one item of a <c>disk</c> list.</param>
    /// <returns>The map.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="literal"/> is <see langword="null"/>.</exception>
    /// <example>
    /// <code>
    /// var doc = XenConfig.Parse(text, "guest.cfg");
    /// var item = (StringLiteralSyntax)((ListSyntax)doc.GetSettings("disk").Last().Value).Items[0];
    /// var result = DiskSpec.Parse(item.Value, ConfigDialect.Xl, SpecSourceMap.ForString(item));
    /// </code>
    /// </example>
    public static SpecSourceMap ForString(Config.Syntax.StringLiteralSyntax literal)
    {
        ArgumentNullException.ThrowIfNull(literal);
        return new LiteralMap(literal);
    }

    /// <summary>
    /// Constructs a map from a table that gives, for each decoded character, its absolute offset in the file.
    /// </summary>
    /// <param name="path">The file path to report, or <see langword="null"/>.</param>
    /// <param name="fileLines">The line map of the whole file.</param>
    /// <param name="valueToFileOffset">For each decoded character <c>i</c>, the file offset of its first source
    /// character; one more entry (index <c>value.Length</c>) gives the file offset just past the last character
    /// (the closing quote). The table is used as given, not copied.</param>
    /// <returns>The map.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fileLines"/> or <paramref name="valueToFileOffset"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="valueToFileOffset"/> is empty or not non-decreasing.</exception>
    /// <example>
    /// <code>
    /// // file text: disk = ['a\tb'] ; the string token starts at offset 9, so 'a' is at 10, '\' at 11, 'b' at 13.
    /// var map = SpecSourceMap.FromOffsets("guest.cfg", LineMap.Create(file), [10, 11, 13, 14]);
    /// map.Map(2, 1).Span; // [13..14)
    /// </code>
    /// </example>
    public static SpecSourceMap FromOffsets(string? path, LineMap fileLines, int[] valueToFileOffset)
    {
        ArgumentNullException.ThrowIfNull(fileLines);
        ArgumentNullException.ThrowIfNull(valueToFileOffset);
        if (valueToFileOffset.Length == 0)
        {
            throw new ArgumentException("The offset table needs at least the end entry.", nameof(valueToFileOffset));
        }

        for (int i = 1; i < valueToFileOffset.Length; i++)
        {
            if (valueToFileOffset[i] < valueToFileOffset[i - 1])
            {
                throw new ArgumentException("File offsets must not decrease.", nameof(valueToFileOffset));
            }
        }

        if (valueToFileOffset[0] < 0)
        {
            throw new ArgumentException("File offsets must not be negative.", nameof(valueToFileOffset));
        }

        return new OffsetMap(path, fileLines, valueToFileOffset);
    }

    /// <summary>The map of a value spelt character for character at file offset <paramref name="start"/> (a string
    /// literal without escapes, a number): offset <c>i</c> of the value is <c>start + i</c>, with no table.</summary>
    internal static SpecSourceMap Shifted(string? path, LineMap fileLines, int start, int length) => new ShiftedMap(path, fileLines, start, length);

    /// <summary>Returns the map to use for a particular value: <see cref="None"/> binds itself to it.</summary>
    internal virtual SpecSourceMap BindTo(string value) => this;

    private sealed class UnboundMap : SpecSourceMap
    {
        public override SourceLocation Map(int start, int length)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(start);
            ArgumentOutOfRangeException.ThrowIfNegative(length);
            var span = new TextSpan(start, length);
            return new SourceLocation(null, span, new LinePosition(0, start), new LinePosition(0, start + length));
        }

        internal override SpecSourceMap BindTo(string value) => Identity(value);
    }

    private sealed class IdentityMap(string? path, int length, LineMap lines) : SpecSourceMap
    {
        public override SourceLocation Map(int start, int length1)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(start);
            ArgumentOutOfRangeException.ThrowIfNegative(length1);
            int s = Math.Min(start, length);
            int e = Math.Min(s + length1, length);
            return SourceLocation.Create(path, TextSpan.FromBounds(s, e), lines);
        }
    }

    /// <summary>A string literal's map, whose table of offsets is made when a location is first asked for (most spec
    /// strings are read without a problem to place, and decoding the literal again for its table costs more than
    /// parsing the spec).</summary>
    private sealed class LiteralMap(Config.Syntax.StringLiteralSyntax literal) : SpecSourceMap
    {
        private OffsetMap? _map;

        public override SourceLocation Map(int start, int length)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(start);
            ArgumentOutOfRangeException.ThrowIfNegative(length);
            if (_map is null)
            {
                IReadOnlyList<int> offsets = literal.Token.GetValueOffsets();
                _map = new OffsetMap(literal.SyntaxTree.Path, literal.SyntaxTree.Lines, offsets as int[] ?? [.. offsets]);
            }

            return _map.Map(start, length);
        }
    }

    private sealed class ShiftedMap(string? path, LineMap lines, int origin, int length) : SpecSourceMap
    {
        public override SourceLocation Map(int start, int length1)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(start);
            ArgumentOutOfRangeException.ThrowIfNegative(length1);
            int s = Math.Min(start, length);
            int e = Math.Min(s + length1, length);
            return SourceLocation.Create(path, TextSpan.FromBounds(origin + s, origin + e), lines);
        }
    }

    private sealed class OffsetMap(string? path, LineMap lines, int[] offsets) : SpecSourceMap
    {
        public override SourceLocation Map(int start, int length)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(start);
            ArgumentOutOfRangeException.ThrowIfNegative(length);
            int last = offsets.Length - 1;
            int s = Math.Min(start, last);
            int e = Math.Min(s + length, last);
            return SourceLocation.Create(path, TextSpan.FromBounds(offsets[s], offsets[e]), lines);
        }
    }
}

using System.Runtime.InteropServices;

namespace Xen.Hvm.Config.Syntax;

/// <summary>Flags on a lexed token.</summary>
[Flags]
internal enum TokenFlags : byte
{
    None = 0,

    /// <summary>A string token holds at least one backslash escape.</summary>
    HasEscapes = 1,

    /// <summary>The token's escapes are invalid for xl (already reported); its value is best effort.</summary>
    InvalidEscapes = 2,

    /// <summary>xm: a string with no closing quote (already reported).</summary>
    Unterminated = 4,

    /// <summary>xm: a line break inside brackets, which Python ignores (implicit line joining).</summary>
    Joined = 8,
}

/// <summary>One token or trivia: 12 bytes in a flat array, like System.Text.Json's metadata rows.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Token
{
    public int Start;
    public int Length;
    public SyntaxKind Kind;
    public TokenFlags Flags;

    public Token(SyntaxKind kind, int start, int length, TokenFlags flags = TokenFlags.None)
    {
        Kind = kind;
        Start = start;
        Length = length;
        Flags = flags;
    }

    public readonly int End => Start + Length;

    public readonly bool IsTrivia => Kind >= SyntaxKind.WhitespaceTrivia;
}

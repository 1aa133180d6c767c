namespace Xen.Hvm.Config.Syntax;

/// <summary>
/// The kind of every token, trivia and node of a config syntax tree, for both dialects.
/// </summary>
/// <remarks>Values are grouped: tokens first, then trivia, then nodes. Use <see cref="SyntaxFacts"/> to classify.</remarks>
public enum SyntaxKind : byte
{
    /// <summary>No kind.</summary>
    None = 0,

    // ---- tokens shared by xl and xm ----

    /// <summary>The zero-width token at the end of the file; its leading trivia hold what follows the last statement.</summary>
    EndOfFileToken = 1,

    /// <summary>A key or name: <c>memory</c>, <c>vif.default.script</c>.</summary>
    IdentifierToken,

    /// <summary>A number as written: <c>512</c>, <c>0x1f</c>, <c>0755</c>.</summary>
    NumberToken,

    /// <summary>A quoted string as written, quotes included.</summary>
    StringToken,

    /// <summary><c>=</c></summary>
    EqualsToken,

    /// <summary><c>+=</c></summary>
    PlusEqualsToken,

    /// <summary><c>,</c></summary>
    CommaToken,

    /// <summary><c>[</c></summary>
    OpenBracketToken,

    /// <summary><c>]</c></summary>
    CloseBracketToken,

    /// <summary><c>;</c></summary>
    SemicolonToken,

    /// <summary>A line break <c>\n</c>; it ends a statement, and is ignored inside brackets.</summary>
    NewLineToken,

    // ---- trivia ----

    /// <summary>Spaces and tabs.</summary>
    WhitespaceTrivia = 64,

    /// <summary>A <c>#</c> comment, up to but not including the line break.</summary>
    CommentTrivia,

    /// <summary>Text the lexer could not read (reported by a diagnostic), kept verbatim.</summary>
    BadTextTrivia,

    // ---- nodes ----

    /// <summary>A whole file: <see cref="ConfigFileSyntax"/>.</summary>
    ConfigFile = 128,

    /// <summary><c>key = value</c> or <c>key += value</c>: <see cref="SettingSyntax"/>.</summary>
    Setting,

    /// <summary>A statement with nothing but its terminator (blank or comment line, lone <c>;</c>): <see cref="EmptyStatementSyntax"/>.</summary>
    EmptyStatement,

    /// <summary>A statement that could not be parsed, kept verbatim: <see cref="SkippedStatementSyntax"/>.</summary>
    SkippedStatement,

    /// <summary>A quoted string value: <see cref="StringLiteralSyntax"/>.</summary>
    StringLiteral,

    /// <summary>A bare number value: <see cref="NumberLiteralSyntax"/>.</summary>
    NumberLiteral,

    /// <summary>A bracketed list value: <see cref="ListSyntax"/>.</summary>
    List,
}

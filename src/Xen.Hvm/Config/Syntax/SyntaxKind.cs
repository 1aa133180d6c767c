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

    // ---- xm (Python 2) tokens ----

    /// <summary><c>(</c></summary>
    OpenParenToken = 12,

    /// <summary><c>)</c></summary>
    CloseParenToken,

    /// <summary><c>{</c></summary>
    OpenBraceToken,

    /// <summary><c>}</c></summary>
    CloseBraceToken,

    /// <summary><c>:</c></summary>
    ColonToken,

    /// <summary><c>.</c></summary>
    DotToken,

    /// <summary><c>+</c></summary>
    PlusToken,

    /// <summary><c>-</c></summary>
    MinusToken,

    /// <summary><c>*</c></summary>
    AsteriskToken,

    /// <summary><c>/</c></summary>
    SlashToken,

    /// <summary><c>//</c></summary>
    SlashSlashToken,

    /// <summary><c>%</c></summary>
    PercentToken,

    /// <summary><c>**</c></summary>
    AsteriskAsteriskToken,

    /// <summary><c>~</c></summary>
    TildeToken,

    /// <summary><c>&amp;</c></summary>
    AmpersandToken,

    /// <summary><c>|</c></summary>
    BarToken,

    /// <summary><c>^</c></summary>
    CaretToken,

    /// <summary><c>&lt;&lt;</c></summary>
    LessThanLessThanToken,

    /// <summary><c>&gt;&gt;</c></summary>
    GreaterThanGreaterThanToken,

    /// <summary><c>&lt;</c></summary>
    LessThanToken,

    /// <summary><c>&gt;</c></summary>
    GreaterThanToken,

    /// <summary><c>&lt;=</c></summary>
    LessThanEqualsToken,

    /// <summary><c>&gt;=</c></summary>
    GreaterThanEqualsToken,

    /// <summary><c>==</c></summary>
    EqualsEqualsToken,

    /// <summary><c>!=</c> or Python 2's <c>&lt;&gt;</c>.</summary>
    ExclamationEqualsToken,

    /// <summary>An augmented assignment other than <c>+=</c>: <c>-= *= /= //= %= **= &amp;= |= ^= &lt;&lt;= &gt;&gt;=</c>.</summary>
    CompoundAssignmentToken,

    /// <summary>A backquote (Python 2's <c>`x`</c>, the same as <c>repr(x)</c>).</summary>
    BacktickToken,

    /// <summary><c>@</c> (a decorator).</summary>
    AtToken,

    /// <summary>The zero-width token before the first token of an indented block.</summary>
    IndentToken,

    /// <summary>The zero-width token where an indented block ends (before the first token of the line that ends it, or at the end of the file).</summary>
    DedentToken,

    /// <summary>A Python 2 keyword: <c>if</c>, <c>def</c>, <c>import</c>, <c>and</c>, <c>print</c>... (<c>None</c>, <c>True</c> and <c>False</c> are names in Python 2).</summary>
    KeywordToken,

    // ---- trivia ----

    /// <summary>Spaces and tabs.</summary>
    WhitespaceTrivia = 64,

    /// <summary>A <c>#</c> comment, up to but not including the line break.</summary>
    CommentTrivia,

    /// <summary>Text the lexer could not read (reported by a diagnostic), kept verbatim.</summary>
    BadTextTrivia,

    /// <summary>An xm backslash line continuation: <c>\</c> and the line break after it.</summary>
    LineContinuationTrivia,

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

    // ---- xm (Python 2) nodes ----

    /// <summary>A name: <c>arch</c>, <c>os</c>, <c>True</c>: <see cref="NameExpressionSyntax"/>.</summary>
    NameExpression = 160,

    /// <summary>Adjacent string literals, joined: <c>'a' "b"</c>: <see cref="ConcatenatedStringSyntax"/>.</summary>
    ConcatenatedString,

    /// <summary><c>( expr )</c>: <see cref="ParenthesizedExpressionSyntax"/>.</summary>
    ParenthesizedExpression,

    /// <summary><c>(a, b)</c> or <c>a, b</c>: <see cref="TupleExpressionSyntax"/>.</summary>
    TupleExpression,

    /// <summary><c>{ k: v, ... }</c>: <see cref="DictionaryExpressionSyntax"/>.</summary>
    DictionaryExpression,

    /// <summary><c>k: v</c> in a dictionary: <see cref="DictionaryEntrySyntax"/>.</summary>
    DictionaryEntry,

    /// <summary><c>-x</c>, <c>+x</c>, <c>~x</c>, <c>not x</c>: <see cref="UnaryExpressionSyntax"/>.</summary>
    UnaryExpression,

    /// <summary><c>a + b</c>, <c>a % b</c>, <c>a and b</c>...: <see cref="BinaryExpressionSyntax"/>.</summary>
    BinaryExpression,

    /// <summary><c>a &lt; b &lt;= c</c>, <c>a in b</c>, <c>a is not b</c>: <see cref="ComparisonExpressionSyntax"/>.</summary>
    ComparisonExpression,

    /// <summary><c>a if c else b</c>: <see cref="ConditionalExpressionSyntax"/>.</summary>
    ConditionalExpression,

    /// <summary><c>x.name</c>: <see cref="MemberAccessExpressionSyntax"/>.</summary>
    MemberAccessExpression,

    /// <summary><c>f(a, k=v)</c>: <see cref="CallExpressionSyntax"/>.</summary>
    CallExpression,

    /// <summary><c>k=v</c> in a call: <see cref="KeywordArgumentSyntax"/>.</summary>
    KeywordArgument,

    /// <summary><c>x[i]</c> or <c>x[a:b]</c>: <see cref="SubscriptExpressionSyntax"/>.</summary>
    SubscriptExpression,

    /// <summary><c>a:b:c</c> in a subscript: <see cref="SliceSyntax"/>.</summary>
    Slice,

    /// <summary>An expression used as a statement: <see cref="ExpressionStatementSyntax"/>.</summary>
    ExpressionStatement,

    /// <summary>Any assignment that is not a simple setting: <c>a = b = 1</c>, <c>a, b = t</c>, <c>x[0] = 1</c>, <c>x -= 1</c>: <see cref="AssignmentStatementSyntax"/>.</summary>
    AssignmentStatement,

    /// <summary><c>import a, b.c as d</c>: <see cref="ImportStatementSyntax"/>.</summary>
    ImportStatement,

    /// <summary><c>from a import *</c> or <c>from a import b, c</c>: <see cref="FromImportStatementSyntax"/>.</summary>
    FromImportStatement,

    /// <summary><c>pass</c>, <c>break</c>, <c>continue</c>: <see cref="KeywordStatementSyntax"/>.</summary>
    KeywordStatement,

    /// <summary><c>print a, b</c>: <see cref="PrintStatementSyntax"/>.</summary>
    PrintStatement,

    /// <summary><c>return x</c>: <see cref="ReturnStatementSyntax"/>.</summary>
    ReturnStatement,

    /// <summary><c>raise E</c>: <see cref="RaiseStatementSyntax"/>.</summary>
    RaiseStatement,

    /// <summary><c>global a, b</c>: <see cref="GlobalStatementSyntax"/>.</summary>
    GlobalStatement,

    /// <summary><c>del a, b[0]</c>: <see cref="DelStatementSyntax"/>.</summary>
    DelStatement,

    /// <summary><c>assert c, msg</c>: <see cref="AssertStatementSyntax"/>.</summary>
    AssertStatement,

    /// <summary><c>if c: ... elif c: ... else: ...</c>: <see cref="IfStatementSyntax"/>.</summary>
    IfStatement,

    /// <summary><c>elif c: ...</c>: <see cref="ElifClauseSyntax"/>.</summary>
    ElifClause,

    /// <summary><c>else: ...</c>: <see cref="ElseClauseSyntax"/>.</summary>
    ElseClause,

    /// <summary><c>while c: ...</c>: <see cref="WhileStatementSyntax"/>.</summary>
    WhileStatement,

    /// <summary><c>for x in xs: ...</c>: <see cref="ForStatementSyntax"/>.</summary>
    ForStatement,

    /// <summary><c>def f(a, b=1): ...</c>: <see cref="FunctionDefinitionSyntax"/>.</summary>
    FunctionDefinition,

    /// <summary>A parameter of a function: <c>a</c> or <c>b=1</c>: <see cref="ParameterSyntax"/>.</summary>
    Parameter,

    /// <summary>The body of a compound statement: an indented block or statements on the same line: <see cref="BlockSyntax"/>.</summary>
    Block,
}

namespace Xen.Hvm.Config.Internal;

/// <summary>The keywords of Python 2.7. Stored in the flags of a keyword token.</summary>
internal enum PyKeyword : byte
{
    None = 0,
    And, As, Assert, Break, Class, Continue, Def, Del, Elif, Else, Except, Exec, Finally, For, From, Global, If,
    Import, In, Is, Lambda, Not, Or, Pass, Print, Raise, Return, Try, While, With, Yield,
}

/// <summary>Finds the Python 2.7 keyword a word is.</summary>
internal static class PyKeywords
{
    public static PyKeyword KeywordOf(ReadOnlySpan<char> word) => word switch
    {
        "and" => PyKeyword.And, "as" => PyKeyword.As, "assert" => PyKeyword.Assert, "break" => PyKeyword.Break,
        "class" => PyKeyword.Class, "continue" => PyKeyword.Continue, "def" => PyKeyword.Def, "del" => PyKeyword.Del,
        "elif" => PyKeyword.Elif, "else" => PyKeyword.Else, "except" => PyKeyword.Except, "exec" => PyKeyword.Exec,
        "finally" => PyKeyword.Finally, "for" => PyKeyword.For, "from" => PyKeyword.From, "global" => PyKeyword.Global,
        "if" => PyKeyword.If, "import" => PyKeyword.Import, "in" => PyKeyword.In, "is" => PyKeyword.Is,
        "lambda" => PyKeyword.Lambda, "not" => PyKeyword.Not, "or" => PyKeyword.Or, "pass" => PyKeyword.Pass,
        "print" => PyKeyword.Print, "raise" => PyKeyword.Raise, "return" => PyKeyword.Return, "try" => PyKeyword.Try,
        "while" => PyKeyword.While, "with" => PyKeyword.With, "yield" => PyKeyword.Yield,
        _ => PyKeyword.None,
    };
}

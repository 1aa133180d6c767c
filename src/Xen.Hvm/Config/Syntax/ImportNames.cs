namespace Xen.Hvm.Config.Syntax;

/// <summary>Reads <c>a.b as c, d</c> from import statement tokens.</summary>
internal static class ImportNames
{
    public static IReadOnlyList<(string Module, string? Alias)> Read(IEnumerable<SyntaxToken> tokens)
    {
        var result = new List<(string, string?)>();
        var name = new System.Text.StringBuilder();
        string? alias = null;
        bool afterAs = false;
        foreach (SyntaxToken t in tokens)
        {
            switch (t.Kind)
            {
                case SyntaxKind.CommaToken or SyntaxKind.NewLineToken or SyntaxKind.SemicolonToken:
                    Flush();
                    break;
                case SyntaxKind.KeywordToken when t.Text == "as":
                    afterAs = true;
                    break;
                case SyntaxKind.IdentifierToken when afterAs:
                    alias = t.Text;
                    break;
                default:
                    name.Append(t.Text);
                    break;
            }
        }

        Flush();
        return result;

        void Flush()
        {
            if (name.Length > 0)
            {
                result.Add((name.ToString(), alias));
            }

            name.Clear();
            alias = null;
            afterAs = false;
        }
    }
}

namespace Xen.Hvm.Config.Syntax;

// The layout of the rows, written down once. Every node is one row (kind, first token, last token, subtree size);
// its children follow it in preorder. "child N" below is the N-th direct child; "token" slots are found from the
// row's first or last token. Both parsers write exactly this, and every reader uses the accessors of this file (or the
// node views, which use them too), so a change of layout is a change here.
//
//   kind                      children, in order                          token slots
//   ------------------------  ------------------------------------------  -------------------------------------------
//   ConfigFile                statement*                                   last = end of file; first = token 0
//   Setting                   value                                        first = name; next significant = '=' / '+='
//   EmptyStatement            -                                            first = last = its '\n' or ';'
//   SkippedStatement          -                                            the tokens [first..last], kept verbatim
//   StringLiteral             -                                            first = the string token
//   NumberLiteral             -                                            first = the number token
//   List                      item*                                        first = '[', last = ']'
//   NameExpression            -                                            first = the identifier
//   ConcatenatedString        StringLiteral{2,}
//   ParenthesizedExpression   inner                                        first = '(', last = ')'
//   TupleExpression           item*                                        first = '(' when parenthesized
//   DictionaryExpression      DictionaryEntry*
//   DictionaryEntry           key, value
//   UnaryExpression           operand                                      first = the operator ('-', '+', '~', 'not')
//   BinaryExpression          left, right                                  operator = next significant after left
//   ComparisonExpression      operand{2,}                                  operators = the node's own tokens
//   ConditionalExpression     when-true, condition, when-false
//   MemberAccessExpression    target                                       last = the attribute name
//   CallExpression            callee, (argument | KeywordArgument)*
//   KeywordArgument           value                                        first = the name
//   SubscriptExpression       target, index (an expression, a Slice, or a tuple of them)
//   Slice                     lower? upper? step?  (which one a child is follows from the ':' before it)
//   ExpressionStatement       expression
//   AssignmentStatement       target{1,}, value                            operator = next significant after target 1
//   ImportStatement           -                                            tokens: 'import' a.b as c, ...
//   FromImportStatement       -                                            tokens: 'from' m 'import' ...
//   KeywordStatement          -                                            first = 'pass' / 'break' / 'continue'
//   PrintStatement            [file,] expression*                          a file when the token after 'print' is '>>'
//   ReturnStatement           value?
//   RaiseStatement            expression{0,3}
//   GlobalStatement           -                                            the identifier tokens are the names
//   DelStatement              target
//   AssertStatement           condition, message?
//   IfStatement               condition, Block, ElifClause*, ElseClause?
//   ElifClause                condition, Block
//   ElseClause                Block
//   WhileStatement            condition, Block, ElseClause?
//   ForStatement              target, iterable, Block, ElseClause?
//   FunctionDefinition        Parameter*, Block                            first = 'def'; next significant = the name
//   Parameter                 default?                                     first = the name
//   Block                     statement*                                   first = indent token when indented
//
// An accessor that names an optional slot returns -1 when the slot is empty.
internal sealed partial class SyntaxData
{
    // ---------------------------------------------------------------- statements and values shared by xl and xm

    /// <summary>The name token of a <see cref="SyntaxKind.Setting"/> (or of a <see cref="SyntaxKind.Parameter"/>, a <see cref="SyntaxKind.KeywordArgument"/>).</summary>
    public int NameToken(int node) => FirstToken(node);

    /// <summary>The <c>=</c> or <c>+=</c> of a <see cref="SyntaxKind.Setting"/>.</summary>
    public int SettingOperatorToken(int setting) => NextSignificant(FirstToken(setting));

    /// <summary>Whether a <see cref="SyntaxKind.Setting"/> appends (<c>+=</c>).</summary>
    public bool SettingIsAppend(int setting) => TokenKind(SettingOperatorToken(setting)) == SyntaxKind.PlusEqualsToken;

    /// <summary>The value of a <see cref="SyntaxKind.Setting"/>.</summary>
    public int SettingValue(int setting) => Next(setting);

    /// <summary>The token of a leaf: a literal, a name, a keyword statement.</summary>
    public int LeafToken(int node) => FirstToken(node);

    // ---------------------------------------------------------------- xm expressions

    /// <summary>The single child of a node that has exactly one: the inner expression of a parenthesized expression, the operand of a unary expression, the expression of an expression statement...</summary>
    public int Operand(int node) => Next(node);

    public int DictionaryEntryKey(int entry) => Next(entry);

    public int DictionaryEntryValue(int entry) => End(Next(entry));

    public int BinaryLeft(int binary) => Next(binary);

    public int BinaryRight(int binary) => End(Next(binary));

    public int BinaryOperatorToken(int binary) => NextSignificant(LastToken(BinaryLeft(binary)));

    public int ConditionalWhenTrue(int conditional) => ChildAt(conditional, 0);

    public int ConditionalCondition(int conditional) => ChildAt(conditional, 1);

    public int ConditionalWhenFalse(int conditional) => ChildAt(conditional, 2);

    /// <summary>The expression before the dot of a member access, the callee of a call, or the subscripted expression.</summary>
    public int Target(int node) => Next(node);

    public int MemberAccessNameToken(int memberAccess) => LastToken(memberAccess);

    /// <summary>The index of a subscript: an expression, a <see cref="SyntaxKind.Slice"/> or a tuple.</summary>
    public int SubscriptIndex(int subscript) => End(Next(subscript));

    /// <summary>The arguments of a call after its callee, positional ones and <see cref="SyntaxKind.KeywordArgument"/>s, as a range of siblings.</summary>
    public SiblingEnumerator CallArguments(int call) => new(this, End(Next(call)), End(call));

    /// <summary>The value of a <see cref="SyntaxKind.KeywordArgument"/>.</summary>
    public int KeywordArgumentValue(int argument) => Next(argument);

    /// <summary>The part of a slice: 0 the lower bound, 1 the upper one, 2 the step; -1 when left out.</summary>
    public int SlicePart(int slice, int part)
    {
        // Which part a child is follows from how many colons come before it.
        int colons = 0;
        int token = FirstToken(slice);
        foreach (int child in Children(slice))
        {
            for (; token < FirstToken(child); token++)
            {
                if (TokenKind(token) == SyntaxKind.ColonToken)
                {
                    colons++;
                }
            }

            if (colons == part)
            {
                return child;
            }

            token = LastToken(child) + 1;
        }

        return -1;
    }

    // ---------------------------------------------------------------- xm statements

    /// <summary>The first target of an <see cref="SyntaxKind.AssignmentStatement"/>.</summary>
    public int AssignmentFirstTarget(int assignment) => Next(assignment);

    /// <summary>The targets of an <see cref="SyntaxKind.AssignmentStatement"/> (every child but the last), as a range of siblings.</summary>
    public SiblingEnumerator AssignmentTargets(int assignment) => new(this, Next(assignment), AssignmentValue(assignment));

    /// <summary>The assigned value of an <see cref="SyntaxKind.AssignmentStatement"/>: its last child.</summary>
    public int AssignmentValue(int assignment) => LastChild(assignment);

    /// <summary>The first operator (<c>=</c>, <c>-=</c>...) of an <see cref="SyntaxKind.AssignmentStatement"/>.</summary>
    public int AssignmentOperatorToken(int assignment) => NextSignificant(LastToken(AssignmentFirstTarget(assignment)));

    /// <summary>Whether a <see cref="SyntaxKind.PrintStatement"/> writes to a file (<c>print &gt;&gt; f, ...</c>): its first child is then the file.</summary>
    public bool PrintHasRedirect(int print) => TokenKind(NextSignificant(FirstToken(print))) == SyntaxKind.GreaterThanGreaterThanToken;

    /// <summary>The value of a <see cref="SyntaxKind.ReturnStatement"/>, or -1.</summary>
    public int ReturnValue(int statement) => HasChildren(statement) ? Next(statement) : -1;

    /// <summary>The condition of an <see cref="SyntaxKind.IfStatement"/>, <see cref="SyntaxKind.ElifClause"/>, <see cref="SyntaxKind.WhileStatement"/> or <see cref="SyntaxKind.AssertStatement"/>.</summary>
    public int Condition(int node) => Next(node);

    /// <summary>The names a <see cref="SyntaxKind.GlobalStatement"/> declares.</summary>
    public List<string> GlobalNames(int statement)
    {
        var names = new List<string>();
        for (int t = FirstToken(statement), last = LastToken(statement); t <= last; t++)
        {
            if (TokenKind(t) == SyntaxKind.IdentifierToken)
            {
                names.Add(TokenText(t).ToString());
            }
        }

        return names;
    }

    /// <summary>The message of an <see cref="SyntaxKind.AssertStatement"/>, or -1.</summary>
    public int AssertMessage(int assert) => ChildAt(assert, 1);

    /// <summary>
    /// The block of an <see cref="SyntaxKind.IfStatement"/>, <see cref="SyntaxKind.ElifClause"/>,
    /// <see cref="SyntaxKind.WhileStatement"/>, <see cref="SyntaxKind.ForStatement"/>,
    /// <see cref="SyntaxKind.ElseClause"/> or <see cref="SyntaxKind.FunctionDefinition"/>.
    /// </summary>
    public int Body(int node) => Kind(node) switch
    {
        SyntaxKind.ElseClause => Next(node),
        SyntaxKind.ForStatement => ChildAt(node, 2),
        SyntaxKind.FunctionDefinition => LastChild(node),
        _ => ChildAt(node, 1),
    };

    /// <summary>The <c>elif</c> clauses and the <c>else</c> clause of an <see cref="SyntaxKind.IfStatement"/>, in order, as a range of siblings.</summary>
    public SiblingEnumerator IfClauses(int ifStatement) => new(this, End(Body(ifStatement)), End(ifStatement));

    /// <summary>The <see cref="SyntaxKind.ElseClause"/> of a loop or an <c>if</c>, or -1.</summary>
    public int ElseClause(int node)
    {
        int last = LastChild(node);
        return last >= 0 && Kind(last) == SyntaxKind.ElseClause ? last : -1;
    }

    /// <summary>The loop target of a <see cref="SyntaxKind.ForStatement"/>.</summary>
    public int ForTarget(int forStatement) => Next(forStatement);

    /// <summary>The iterated expression of a <see cref="SyntaxKind.ForStatement"/>.</summary>
    public int ForIterable(int forStatement) => End(Next(forStatement));

    /// <summary>The name token of a <see cref="SyntaxKind.FunctionDefinition"/>.</summary>
    public int FunctionNameToken(int definition) => NextSignificant(FirstToken(definition));

    /// <summary>The default of a <see cref="SyntaxKind.Parameter"/>, or -1.</summary>
    public int ParameterDefault(int parameter) => HasChildren(parameter) ? Next(parameter) : -1;

    /// <summary>A range of sibling nodes, from a first one up to (not including) a bound.</summary>
    public struct SiblingEnumerator
    {
        private readonly SyntaxData _data;
        private readonly int _end;
        private int _next;

        internal SiblingEnumerator(SyntaxData data, int first, int end)
        {
            _data = data;
            _next = first;
            _end = end;
            Current = -1;
        }

        public int Current { readonly get; private set; }

        public readonly SiblingEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_next >= _end)
            {
                return false;
            }

            Current = _next;
            _next = _data.End(_next);
            return true;
        }
    }
}

namespace Xen.Hvm.Diagnostics;

internal static partial class DiagnosticDescriptors
{
    private const string Lexical = "Lexical";
    private const string Syntax = "Syntax";
    private const string Editing = "Editing";
    private const string Files = "Files";
    private const string Values = "Values";

    public static readonly DiagnosticDescriptor InvalidCharacter = new(
        DiagnosticIds.InvalidCharacter, "Invalid character",
        "xl cannot read '{0}' here; it rejects the file. Remove the character, or put the value in quotes",
        DiagnosticSeverity.Error, Lexical);

    public static readonly DiagnosticDescriptor CarriageReturn = new(
        DiagnosticIds.CarriageReturn, "Carriage return (CRLF line ending)",
        "xl reads a carriage return as an invalid character and rejects this line; convert the file to LF line endings (dos2unix)",
        DiagnosticSeverity.Error, Lexical);

    public static readonly DiagnosticDescriptor UppercaseKey = new(
        DiagnosticIds.UppercaseKey, "Uppercase key",
        "xl keys are lowercase ASCII ([a-z][._0-9a-z]*) and xl rejects '{0}'; write '{1}'",
        DiagnosticSeverity.Error, Lexical);

    public static readonly DiagnosticDescriptor UppercaseHexDigit = new(
        DiagnosticIds.UppercaseHexDigit, "Uppercase hexadecimal digit",
        "xl accepts only lowercase hexadecimal digits and rejects '{0}'; write '{1}'",
        DiagnosticSeverity.Error, Lexical);

    public static readonly DiagnosticDescriptor BareSignedOrFractionalNumber = new(
        DiagnosticIds.BareSignedOrFractionalNumber, "Bare negative or fractional number",
        "xl cannot read '{0}' bare and rejects the file; quote it (\"{0}\")",
        DiagnosticSeverity.Error, Lexical);

    public static readonly DiagnosticDescriptor PythonSyntaxInXl = new(
        DiagnosticIds.PythonSyntaxInXl, "Python syntax in an xl file",
        "'{0}' is Python, which xl does not run and rejects; read the file as xm, or replace the expression with its value",
        DiagnosticSeverity.Error, Lexical);

    public static readonly DiagnosticDescriptor UnterminatedString = new(
        DiagnosticIds.UnterminatedString, "Unterminated string",
        "The string starting here has no closing {0} on its line; xl rejects it. Close the quote (a string cannot span lines; write \\n for a line break)",
        DiagnosticSeverity.Error, Lexical);

    public static readonly DiagnosticDescriptor InvalidEscape = new(
        DiagnosticIds.InvalidEscape, "Invalid escape sequence",
        "xl rejects the escape '\\{0}'; known escapes are \\\\ \\' \\\" \\a \\b \\f \\n \\r \\t \\v. Write '\\\\' for a backslash",
        DiagnosticSeverity.Error, Lexical);

    public static readonly DiagnosticDescriptor NumericEscape = new(
        DiagnosticIds.NumericEscape, "Numeric escape sequence",
        "libxlu mishandles numeric escapes: '{0}' is {1}. Write the character itself instead",
        DiagnosticSeverity.Error, Lexical);

    public static readonly DiagnosticDescriptor CommentWithoutNewLine = new(
        DiagnosticIds.CommentWithoutNewLine, "Comment without final line break",
        "xl requires a line break after a comment and rejects this last line; add a line break at the end of the file",
        DiagnosticSeverity.Error, Lexical);

    public static readonly DiagnosticDescriptor ByteOrderMark = new(
        DiagnosticIds.ByteOrderMark, "Byte order mark",
        "xl reads the UTF-8 byte order mark as invalid characters and rejects the first line; save the file without a BOM",
        DiagnosticSeverity.Error, Lexical);

    public static readonly DiagnosticDescriptor NulInString = new(
        DiagnosticIds.NulInString, "NUL character in a string",
        "xl cannot hold a NUL character in a string (it aborts); remove it",
        DiagnosticSeverity.Error, Lexical);

    public static readonly DiagnosticDescriptor IgnoredTrailingCharacter = new(
        DiagnosticIds.IgnoredTrailingCharacter, "Stray last character",
        "xl silently ignores '{0}' at the very end of the file; remove it",
        DiagnosticSeverity.Warning, Lexical);

    public static readonly DiagnosticDescriptor SpecPartNotPrinted = new(
        DiagnosticIds.SpecPartNotPrinted, "Part of a spec not printed",
        "The {0} form of this {1} leaves out '{2}' ({3}): {0} has no way to say it",
        DiagnosticSeverity.Warning, Syntax);

    public static readonly DiagnosticDescriptor SpecPrintDoesNotReadBack = new(
        DiagnosticIds.SpecPrintDoesNotReadBack, "Printed spec does not read back",
        "The {0} form of this {1} does not read back in {0} ({2}): {0} cannot describe this value",
        DiagnosticSeverity.Warning, Syntax);

    public static readonly DiagnosticDescriptor ListNestingTooDeep = new(
        DiagnosticIds.ListNestingTooDeep, "Lists nested too deeply",
        "xl cannot parse lists nested this deeply: at this token, {0} lists deep, its parser's stack of 10,000 entries is full ('memory exhausted') and xl rejects the file; lists nest at most 4,996 deep, and 1,999 deep when each holds an item before the inner list",
        DiagnosticSeverity.Error, Syntax);

    public static readonly DiagnosticDescriptor ExpectedAssignmentOperator = new(
        DiagnosticIds.ExpectedAssignmentOperator, "Expected '=' or '+='",
        "Expected '=' or '+=' after the key '{0}', found {1}; xl rejects the statement",
        DiagnosticSeverity.Error, Syntax);

    public static readonly DiagnosticDescriptor ExpectedValue = new(
        DiagnosticIds.ExpectedValue, "Expected a value",
        "Expected a value (a quoted string, a number or '['), found {0}; the value must start on the same line as '='",
        DiagnosticSeverity.Error, Syntax);

    public static readonly DiagnosticDescriptor ExpectedCommaOrCloseBracket = new(
        DiagnosticIds.ExpectedCommaOrCloseBracket, "Expected ',' or ']'",
        "Expected ',' or ']' in the list that starts at {0}, found {1}",
        DiagnosticSeverity.Error, Syntax);

    public static readonly DiagnosticDescriptor ExpectedEndOfStatement = new(
        DiagnosticIds.ExpectedEndOfStatement, "Expected end of statement",
        "Expected a line break or ';' after the value of '{0}', found {1}; put each setting on its own line",
        DiagnosticSeverity.Error, Syntax);

    public static readonly DiagnosticDescriptor ExpectedKey = new(
        DiagnosticIds.ExpectedKey, "Expected a key",
        "Expected a key at the start of a statement, found {0}",
        DiagnosticSeverity.Error, Syntax);

    public static readonly DiagnosticDescriptor AppendTypeMismatch = new(
        DiagnosticIds.AppendTypeMismatch, "'+=' mixes a list and a string",
        "'{0} +=' adds a {1} to a {2}; xl rejects the file. Use the same kind on both sides",
        DiagnosticSeverity.Error, Syntax);

    public static readonly DiagnosticDescriptor LooksLikePython = new(
        DiagnosticIds.LooksLikePython, "File looks like Python",
        "This file looks like an xm config (Python code), which xl no longer reads; parse it with the xm dialect, or migrate it to xl",
        DiagnosticSeverity.Info, Syntax);

    public static readonly DiagnosticDescriptor LooksLikeLibvirtXml = new(
        DiagnosticIds.LooksLikeLibvirtXml, "File looks like XML",
        "This file is XML (a libvirt domain definition?), not an xl or xm config; read it with LibvirtXml.ToConfigDocument ('xencfg import')",
        DiagnosticSeverity.Info, Syntax);

    public static readonly DiagnosticDescriptor EditInsideOpenStatement = new(
        DiagnosticIds.EditInsideOpenStatement, "Edit not made: the file ends inside an open statement",
        "'{0}' was not added: the file ends inside this statement (an unclosed bracket or string), so a new line would become part of it. Close the statement, then edit again",
        DiagnosticSeverity.Error, Editing);

    public static readonly DiagnosticDescriptor ConfigFileUnreadable = new(
        DiagnosticIds.ConfigFileUnreadable, "Cannot read the file",
        "Cannot read '{0}': {1}",
        DiagnosticSeverity.Error, Files);

    public static readonly DiagnosticDescriptor ConfigFileNotWritten = new(
        DiagnosticIds.ConfigFileNotWritten, "Cannot write the file",
        "Cannot write '{0}': {1}. The file is unchanged",
        DiagnosticSeverity.Error, Files);

    public static readonly DiagnosticDescriptor ReadOnlyFileNotReplaced = new(
        DiagnosticIds.ReadOnlyFileNotReplaced, "Read-only file not replaced",
        "'{0}' has no write permission (mode {1}), so it was not replaced; make it writable, or allow replacing read-only files when saving",
        DiagnosticSeverity.Error, Files);

    public static readonly DiagnosticDescriptor ExistingFileNotReplaced = new(
        DiagnosticIds.ExistingFileNotReplaced, "Existing file not replaced",
        "'{0}' exists and replacing existing files was not allowed, so it was not written",
        DiagnosticSeverity.Error, Files);

    public static readonly DiagnosticDescriptor FileWrittenInPlace = new(
        DiagnosticIds.FileWrittenInPlace, "File written in place",
        "'{0}' was written in place, after a backup copy, since {1}; a crash while writing could leave it half-written (the backup would then stay beside it)",
        DiagnosticSeverity.Info, Files);

    public static readonly DiagnosticDescriptor BackupKept = new(
        DiagnosticIds.BackupKept, "Backup copy kept",
        "Writing '{0}' in place failed and its old content could not be put back; the old content is in '{1}'",
        DiagnosticSeverity.Warning, Files);

    public static readonly DiagnosticDescriptor EditRefusedNotSaved = new(
        DiagnosticIds.EditRefusedNotSaved, "Not saved: an edit was refused",
        "'{0}' was not saved: the document comes from an edit that was refused ({1}), so saving it would lose that edit without a word. Fix what the refusal says and edit the document it came from again",
        DiagnosticSeverity.Error, Files);

    public static readonly DiagnosticDescriptor ValueNotOfRequestedType = new(
        DiagnosticIds.ValueNotOfRequestedType, "Value is not of the requested type",
        "The value of '{0}' is {1}, not {2}",
        DiagnosticSeverity.Error, Values);

    public static readonly DiagnosticDescriptor ValueUnknown = new(
        DiagnosticIds.ValueUnknown, "Value is computed",
        "The value of '{0}' is computed by the file ({1}); evaluate the document (ConfigDocument.Evaluate) to know it",
        DiagnosticSeverity.Error, Values);
}

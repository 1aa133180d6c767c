namespace Xen.Hvm.Diagnostics;

public static partial class DiagnosticIds
{
    /// <summary>XH1001: a character xl cannot read outside a string.</summary>
    public const string InvalidCharacter = "XH1001";

    /// <summary>XH1002: a carriage return (CRLF line endings); xl rejects every such line.</summary>
    public const string CarriageReturn = "XH1002";

    /// <summary>XH1003: an uppercase letter or underscore where xl expects a lowercase key.</summary>
    public const string UppercaseKey = "XH1003";

    /// <summary>XH1004: uppercase hexadecimal digits in a number.</summary>
    public const string UppercaseHexDigit = "XH1004";

    /// <summary>XH1005: a bare negative number or a decimal fraction, which xl cannot read.</summary>
    public const string BareSignedOrFractionalNumber = "XH1005";

    /// <summary>XH1006: Python syntax (calls, attributes, operators, colons) in an xl file.</summary>
    public const string PythonSyntaxInXl = "XH1006";

    /// <summary>XH1007: a string with no closing quote on its line.</summary>
    public const string UnterminatedString = "XH1007";

    /// <summary>XH1008: an escape sequence xl does not know (<c>\q</c>).</summary>
    public const string InvalidEscape = "XH1008";

    /// <summary>XH1009: a numeric escape (<c>\x41</c>, <c>\101</c>), which libxlu mishandles.</summary>
    public const string NumericEscape = "XH1009";

    /// <summary>XH1010: a comment on the last line with no line break after it.</summary>
    public const string CommentWithoutNewLine = "XH1010";

    /// <summary>XH1011: a byte order mark, which xl reads as an invalid character.</summary>
    public const string ByteOrderMark = "XH1011";

    /// <summary>XH1012: a NUL character inside a string.</summary>
    public const string NulInString = "XH1012";

    /// <summary>XH1013: a stray character at the very end of the file, which xl silently ignores.</summary>
    public const string IgnoredTrailingCharacter = "XH1013";

    /// <summary>XH1014: lists nested so deeply that libxlu's parser stack (10,000 entries) is exhausted ("memory exhausted"): 4,997 levels, fewer with items before the inner lists.</summary>
    public const string ListNestingTooDeep = "XH1014";

    /// <summary>XH2001: a key is not followed by <c>=</c> or <c>+=</c>.</summary>
    public const string ExpectedAssignmentOperator = "XH2001";

    /// <summary>XH2002: a value (string, number or list) was expected.</summary>
    public const string ExpectedValue = "XH2002";

    /// <summary>XH2003: a list is not closed, or its items are not separated by commas.</summary>
    public const string ExpectedCommaOrCloseBracket = "XH2003";

    /// <summary>XH2004: a statement does not end at a line break or <c>;</c>.</summary>
    public const string ExpectedEndOfStatement = "XH2004";

    /// <summary>XH2005: a statement does not start with a key.</summary>
    public const string ExpectedKey = "XH2005";

    /// <summary>XH2006: <c>+=</c> adds a list to a string or a string to a list.</summary>
    public const string AppendTypeMismatch = "XH2006";

    /// <summary>XH2007: the file looks like Python (an xm config); xl cannot read it.</summary>
    public const string LooksLikePython = "XH2007";

    /// <summary>XH2008: an edit was not made: the file ends inside an open statement, which the new line would join.</summary>
    public const string EditInsideOpenStatement = "XH2008";

    /// <summary>XH2009: a config file could not be read.</summary>
    public const string ConfigFileUnreadable = "XH2009";

    /// <summary>XH2010: a config file could not be written.</summary>
    public const string ConfigFileNotWritten = "XH2010";

    /// <summary>XH2011: a file without write permission was not replaced, since the caller did not consent.</summary>
    public const string ReadOnlyFileNotReplaced = "XH2011";

    /// <summary>XH2012: an existing file was not replaced, since the caller did not consent.</summary>
    public const string ExistingFileNotReplaced = "XH2012";

    /// <summary>XH2013: the file was written in place (after a backup copy), to keep its owner, group or hard links.</summary>
    public const string FileWrittenInPlace = "XH2013";

    /// <summary>XH2014: writing in place failed; the backup copy of the old content was kept.</summary>
    public const string BackupKept = "XH2014";

    /// <summary>XH2015: the file that failed to parse is XML, most likely a libvirt domain definition; import it instead.</summary>
    public const string LooksLikeLibvirtXml = "XH2015";

    /// <summary>XH2020: a document was not saved because an edit that made it was refused (XH2008, XH4203, XH4204).</summary>
    public const string EditRefusedNotSaved = "XH2020";

    /// <summary>XH2021: a typed getter found a value of another type (a list where a number was asked for, text that is not a number).</summary>
    public const string ValueNotOfRequestedType = "XH2021";

    /// <summary>XH2022: a typed getter found a value the file computes (xm), which only <c>Evaluate</c> can tell.</summary>
    public const string ValueUnknown = "XH2022";

    /// <summary>XH2040: a part of a spec value that the canonical form of the dialect it is printed in has no way to say, so the text leaves it out (a pci <c>permissive</c> in xm).</summary>
    public const string SpecPartNotPrinted = "XH2040";

    /// <summary>XH2041: a spec value printed in a dialect whose text does not read back in that dialect (a named pci device in xm).</summary>
    public const string SpecPrintDoesNotReadBack = "XH2041";
}

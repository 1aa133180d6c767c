namespace Xen.Hvm.Specs;

/// <summary>What kind of item a disk keyword is.</summary>
public enum DiskKeywordKind
{
    /// <summary><c>NAME=VALUE</c>.</summary>
    Value,

    /// <summary>A bare flag such as <c>cdrom</c> or <c>discard</c>.</summary>
    Flag,

    /// <summary>A deprecated <c>NAME:</c> prefix in front of an item.</summary>
    Prefix,
}

/// <summary>One keyword, flag or deprecated prefix of the xl disk spec, and the first Xen release that reads it.</summary>
/// <param name="Name">The keyword as written, e.g. <c>backendtype</c>, <c>discard</c>, <c>tap</c>.</param>
/// <param name="Kind">Whether it is <c>NAME=VALUE</c>, a flag or a prefix.</param>
/// <param name="Since">The first Xen release whose libxlu reads it, e.g. <c>4.2</c>.</param>
/// <param name="Meaning">A one-line description.</param>
public sealed record DiskKeyword(string Name, DiskKeywordKind Kind, string Since, string Meaning);

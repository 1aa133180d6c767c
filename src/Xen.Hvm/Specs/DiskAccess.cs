namespace Xen.Hvm.Specs;

/// <summary>How the guest may use a disk.</summary>
public enum DiskAccess
{
    /// <summary>Read-write: xl <c>w</c>, <c>rw</c> or empty; xm <c>w</c>.</summary>
    ReadWrite,

    /// <summary>Read-only: xl <c>r</c> or <c>ro</c>; xm <c>r</c>.</summary>
    ReadOnly,

    /// <summary>xm's <c>w!</c>: writable even if the device is in use elsewhere. xl has no such mode.</summary>
    SharedWrite,
}

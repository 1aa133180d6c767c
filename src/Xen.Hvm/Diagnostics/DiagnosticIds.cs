namespace Xen.Hvm.Diagnostics;

/// <summary>
/// The stable IDs of every diagnostic the library reports. Each area keeps its IDs in its own part of this class.
/// </summary>
/// <remarks>IDs are public API and never reused; see <c>docs/diagnostics.md</c> for each one's meaning and fix.</remarks>
public static partial class DiagnosticIds
{
}

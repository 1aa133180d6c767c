using Xen.Hvm.Capabilities;

namespace Xen.Hvm.Config.Model;

/// <summary>How <see cref="DomainConfig.Bind"/> reads a config: the toolstack and Xen version it targets, and the host.</summary>
/// <remarks>Immutable; safe to share across threads.</remarks>
public sealed record BindOptions
{
    /// <summary>Gets the default options: xl of Xen 4.17 on the oracle's host (8 CPUs, 1 NUMA node).</summary>
    public static BindOptions Default { get; } = new();

    /// <summary>Gets the toolstack whose refusals are errors (default <see cref="Config.Model.Toolstack.Xl"/>): under xl, binding reports an error exactly where <c>xl create</c> refuses the config.</summary>
    public Toolstack Toolstack { get; init; } = Toolstack.Xl;

    /// <summary>Gets the Xen version of the toolstack (default 4.17).</summary>
    public XenVersion XenVersion { get; init; } = new(4, 17);

    /// <summary>Gets the context an xm file is evaluated in (default <see cref="XmEvaluationContext.Default"/>).</summary>
    public XmEvaluationContext XmContext { get; init; } = XmEvaluationContext.Default;

    /// <summary>Gets the number of physical CPUs of the host (default 8), for the checks xl makes against the host: CPU affinity, vNUMA vCPUs.</summary>
    /// <remarks>A value below 1 is read as 1.</remarks>
    public int HostCpus { get; init; } = 8;

    /// <summary>Gets the number of NUMA nodes of the host (default 1), for vNUMA <c>pnode</c> and <c>node:</c> affinity; the CPUs are spread evenly over the nodes.</summary>
    /// <remarks>A value below 1 is read as 1.</remarks>
    public int HostNodes { get; init; } = 1;
}

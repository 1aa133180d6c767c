namespace Xen.Hvm.Capabilities.Internal;

/// <summary>How a field's value is read and whether it may wrap onto following lines.</summary>
internal enum FieldKind
{
    Text,
    Integer,
    MiB,
    Mhz,
    Hex,
    HwCaps,
    Caps,
    MultiLine,
    Table,
}

/// <summary>Every key <c>xm info</c> (Xen 3.0–4.4) and <c>xl info</c> (4.0–4.22) prints, with its kind.</summary>
internal static class FieldCatalog
{
    /// <summary>Keys every xm and xl version prints; when some are missing the output was cut or filtered.</summary>
    public static readonly string[] AlwaysPrinted =
    [
        "host", "release", "version", "machine", "nr_cpus", "cores_per_socket", "threads_per_core", "cpu_mhz", "hw_caps",
        "total_memory", "free_memory", "xen_major", "xen_minor", "xen_extra", "xen_caps", "platform_params",
        "xen_changeset", "cc_compiler", "cc_compile_by", "cc_compile_domain", "cc_compile_date",
    ];

    private static readonly Dictionary<string, FieldKind> s_kinds = new(StringComparer.Ordinal)
    {
        ["host"] = FieldKind.Text,
        ["system"] = FieldKind.Text,
        ["release"] = FieldKind.Text,
        ["version"] = FieldKind.Text,
        ["machine"] = FieldKind.Text,
        ["nr_cpus"] = FieldKind.Integer,
        ["max_cpu_id"] = FieldKind.Integer,
        ["nr_nodes"] = FieldKind.Integer,
        ["sockets_per_node"] = FieldKind.Integer,
        ["cores_per_socket"] = FieldKind.Integer,
        ["threads_per_core"] = FieldKind.Integer,
        ["cpu_mhz"] = FieldKind.Mhz,
        ["hw_caps"] = FieldKind.HwCaps,
        ["virt_caps"] = FieldKind.Caps,
        ["arm_sve_vector_length"] = FieldKind.Integer,
        ["total_memory"] = FieldKind.MiB,
        ["memory"] = FieldKind.MiB,
        ["free_memory"] = FieldKind.MiB,
        ["sharing_freed_memory"] = FieldKind.MiB,
        ["sharing_used_memory"] = FieldKind.MiB,
        ["outstanding_claims"] = FieldKind.MiB,
        ["free_cpus"] = FieldKind.Integer,
        ["node_to_cpu"] = FieldKind.MultiLine,
        ["node_to_memory"] = FieldKind.MultiLine,
        ["node_to_dma32_mem"] = FieldKind.MultiLine,
        ["max_node_id"] = FieldKind.Integer,
        ["cpu_topology"] = FieldKind.Table,
        ["device topology"] = FieldKind.Table,
        ["numa_info"] = FieldKind.Table,
        ["xen_major"] = FieldKind.Integer,
        ["xen_minor"] = FieldKind.Integer,
        ["xen_extra"] = FieldKind.Text,
        ["xen_version"] = FieldKind.Text,
        ["xen_caps"] = FieldKind.Caps,
        ["xen_scheduler"] = FieldKind.Text,
        ["xen_pagesize"] = FieldKind.Integer,
        ["platform_params"] = FieldKind.Text,
        ["xen_params"] = FieldKind.Text,
        ["xen_changeset"] = FieldKind.Text,
        ["xen_commandline"] = FieldKind.Text,
        ["cc_compiler"] = FieldKind.Text,
        ["cc_compile_by"] = FieldKind.Text,
        ["cc_compile_domain"] = FieldKind.Text,
        ["cc_compile_date"] = FieldKind.Text,
        ["build_id"] = FieldKind.Text,
        ["xenstore_features"] = FieldKind.Hex,
        ["xend_config_format"] = FieldKind.Integer,
    };

    public static bool TryGetKind(string key, out FieldKind kind) => s_kinds.TryGetValue(key, out kind);

    public static FieldKind KindOf(string key) => s_kinds.TryGetValue(key, out FieldKind kind) ? kind : FieldKind.Text;

    public static bool AllowsContinuation(FieldKind kind) =>
        kind is FieldKind.Text or FieldKind.HwCaps or FieldKind.Caps or FieldKind.MultiLine or FieldKind.Table;
}

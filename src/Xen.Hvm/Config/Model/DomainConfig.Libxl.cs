using System.Text.Json.Nodes;
using Xen.Hvm.Config.Model.Internal;
using Xen.Hvm.Config.Model.Internal.Libxl;
using Xen.Hvm.Diagnostics;

namespace Xen.Hvm.Config.Model;

// The toolstack's own reading of a config as libxl JSON (issue 10, item 5).
public sealed partial record DomainConfig
{
    /// <summary>
    /// Returns the <c>libxl_domain_config</c> that Xen 4.17's <c>xl create -n</c> prints for a file with these values:
    /// what <c>parse_config_data</c> makes of them (defaults xl stores, derived values such as <c>max_memkb</c>,
    /// devices numbered as xl numbers them), with libxl's field names, nesting, enum names and omissions.
    /// </summary>
    /// <param name="options">The host, xl.conf and generated uuid; <see langword="null"/> for
    /// <see cref="LibxlJsonOptions.Default"/>, the host of the shared <c>xl-dryrun</c> oracle.</param>
    /// <returns>A new JSON object, members in libxl's print order. Values xl refuses are left out (see
    /// <see cref="ToLibxlJson(LibxlJsonOptions?, out IReadOnlyList{Diagnostic})"/>), where xl itself would print nothing.</returns>
    public JsonObject ToLibxlJson(LibxlJsonOptions? options = null) => ToLibxlJson(options, out _);

    /// <summary>Returns the <c>libxl_domain_config</c> of <see cref="ToLibxlJson(LibxlJsonOptions?)"/>, and what xl would
    /// refuse.</summary>
    /// <param name="options">The host, xl.conf and generated uuid; <see langword="null"/> for the defaults.</param>
    /// <param name="diagnostics">XH3110 for each value xl refuses (it is left out), XH3111 for each option xl requires
    /// that is missing. Empty when xl accepts the values. Their locations are empty: the model has no file; bind the
    /// file (<see cref="Bind"/>) for located diagnostics.</param>
    /// <returns>A new JSON object, members in libxl's print order.</returns>
    public JsonObject ToLibxlJson(LibxlJsonOptions? options, out IReadOnlyList<Diagnostic> diagnostics) =>
        LibxlJsonWriter.Write(this, options ?? LibxlJsonOptions.Default, out diagnostics);

    /// <summary>Returns the libxl JSON as <c>xl create -n</c> prints it: yajl's beautified text (four-space indent, empty
    /// containers as a blank line, yajl's string escapes), ending with a line feed. This is what
    /// <c>xencfg dump --libxl</c> prints.</summary>
    /// <param name="options">The host, xl.conf and generated uuid; <see langword="null"/> for the defaults.</param>
    /// <returns>The text, byte for byte as xl prints it when encoded as UTF-8.</returns>
    public string ToLibxlJsonText(LibxlJsonOptions? options = null) => LibxlJsonText.Print(ToLibxlJson(options));
}

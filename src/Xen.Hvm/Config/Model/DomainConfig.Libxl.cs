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

    /// <summary>Returns the libxl JSON text of <see cref="ToLibxlJsonText(LibxlJsonOptions?)"/>, and what xl would refuse.</summary>
    /// <param name="options">The host, xl.conf and generated uuid; <see langword="null"/> for the defaults.</param>
    /// <param name="diagnostics">As for <see cref="ToLibxlJson(LibxlJsonOptions?, out IReadOnlyList{Diagnostic})"/>:
    /// empty when xl accepts the values, and then the text is what <c>xl create -n</c> prints.</param>
    /// <returns>The text, byte for byte as xl prints it when encoded as UTF-8.</returns>
    public string ToLibxlJsonText(LibxlJsonOptions? options, out IReadOnlyList<Diagnostic> diagnostics) =>
        LibxlJsonText.Print(ToLibxlJson(options, out diagnostics));

    /// <summary>
    /// Reads libxl JSON back into the options of a config file that give it: what <c>xl create -n</c> prints, or what
    /// <c>xl list -l</c> prints for a running guest (its <c>[{"domid": ..., "config": {...}}]</c> wrapper is accepted),
    /// so that a tool can compare a running domain with its file.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="options">The host and xl.conf the JSON was made with (values xl took from xl.conf, such as a vif's
    /// default bridge, are not options of the file); <see langword="null"/> for <see cref="LibxlJsonOptions.Default"/>.</param>
    /// <returns>The model, with XH3100 (error) when the text is not one domain's libxl JSON, and warnings for members
    /// that libxl 4.17 lacks (XH3101), values of the wrong kind (XH3102) and values no config option gives (XH3103).
    /// Where a value has several config forms, the reader picks one: device lists in list form (<c>vfb</c>, not the
    /// top-level <c>vnc</c> of a PV guest), <c>cpuid</c> in xend's list form, sizes in MiB. Never throws for bad text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public static ParseResult<DomainConfig> FromLibxlJson(string json, LibxlJsonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return LibxlJsonReader.Read(json, options ?? LibxlJsonOptions.Default);
    }

    /// <summary>Reads a <c>libxl_domain_config</c> JSON object back into the options of a config file that give it.</summary>
    /// <param name="json">The object (not changed).</param>
    /// <param name="options">The host and xl.conf the JSON was made with; <see langword="null"/> for the defaults.</param>
    /// <returns>The model and diagnostics, as <see cref="FromLibxlJson(string, LibxlJsonOptions?)"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    public static ParseResult<DomainConfig> FromLibxlJson(JsonObject json, LibxlJsonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return LibxlJsonReader.Read(json, options ?? LibxlJsonOptions.Default);
    }
}

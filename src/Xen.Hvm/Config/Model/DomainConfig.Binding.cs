using Xen.Hvm.Config.Model.Internal.Binding;

namespace Xen.Hvm.Config.Model;

// Binding a parsed document to the model (issue 10, item 3).
public sealed partial record DomainConfig
{
    /// <summary>
    /// Reads a parsed config as the toolstack reads it: xl files through xl's getters (<c>"512"</c> and <c>512</c> are
    /// the same, <c>"12abc"</c> is not a number, booleans are numbers, closed sets matched as xl matches them), xm files
    /// from their evaluation with xend's conversions.
    /// </summary>
    /// <param name="document">The parsed document.</param>
    /// <param name="options">The target toolstack, Xen version and host; <see langword="null"/> for <see cref="BindOptions.Default"/>.</param>
    /// <returns>The model, diagnostics at the values' spans, and where each value came from.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// <para>Under <see cref="Toolstack.Xl"/> a diagnostic is an error exactly where <c>xl create</c> refuses the config
    /// (no <c>name</c>, an unknown <c>on_crash</c> action, a disk spec libxlu rejects, a vNUMA node the host lacks...);
    /// xl's warnings are warnings. A value of the wrong shape leaves its property <see langword="null"/>, and its raw
    /// value stays in the result. Keys no option claims go to <see cref="OtherSettings"/>. Options the target
    /// toolstack or version does not read are bound all the same (validation reports them).</para>
    /// <para>Binding never throws on a parsed document, with or without errors.</para>
    /// </remarks>
    public static BindResult Bind(ConfigDocument document, BindOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        return new Binder(document, options ?? BindOptions.Default).Run();
    }
}

using Xen.Hvm.Config.Model;
using Xen.Hvm.Config.Validation.Internal;

namespace Xen.Hvm.Config.Validation;

/// <summary>
/// Checks a guest config before <c>xl create</c> does: everything xl refuses (rule set <see cref="ValidationRuleSet.Xl"/>),
/// what libxl refuses when it creates the guest (<see cref="ValidationRuleSet.Libxl"/>), what nobody checks but users
/// need (<see cref="ValidationRuleSet.Recommended"/>), and, given a host, whether the host can run the guest.
/// </summary>
/// <remarks>
/// <para>Diagnostics are at the span of the value they concern (an item of a list: that item), with a message that
/// names the fix; a misspelt key or value gets a "did you mean" from the option catalogue.</para>
/// <para>Validation never throws on a parsed document, whatever its content, and never touches the file system unless
/// <see cref="ValidationOptions.Probe"/> is set. Stateless; safe to call from several threads.</para>
/// </remarks>
public static class ConfigValidator
{
    /// <summary>Reads a config as the target toolstack does and checks it.</summary>
    /// <param name="document">The parsed config (xl or xm).</param>
    /// <param name="options">The rule set, target and host; <see langword="null"/> for <see cref="ValidationOptions.Default"/>.</param>
    /// <returns>The diagnostics and the binding they were found on.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="document"/> is <see langword="null"/>.</exception>
    public static ValidationResult Validate(ConfigDocument document, ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        options ??= ValidationOptions.Default;
        return Validate(DomainConfig.Bind(document, options.ToBindOptions()), options);
    }

    /// <summary>Checks a config that is already bound.</summary>
    /// <param name="binding">The binding (its diagnostics are those of rule set <see cref="ValidationRuleSet.Xl"/>).</param>
    /// <param name="options">The rule set, target and host; <see langword="null"/> for <see cref="ValidationOptions.Default"/>.</param>
    /// <returns>The diagnostics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="binding"/> is <see langword="null"/>.</exception>
    /// <remarks>The binding's own diagnostics are taken as they are: bind with the target's toolstack and version
    /// (<see cref="DomainConfig.Bind"/>) for xl's checks of that target.</remarks>
    public static ValidationResult Validate(BindResult binding, ValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(binding);
        return new Validator(binding, options ?? ValidationOptions.Default).Run();
    }
}

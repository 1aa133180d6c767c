using Xen.Hvm.Config;
using Xen.Hvm.Config.Validation;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Tests.Config.Model;

namespace Xen.Hvm.Tests.Config.Validation;

/// <summary>Helpers for the validation tests: validate a text, and one row of the rule tables.</summary>
internal static class ValidationTestSupport
{
    public const string HvmBase = "name = \"h\"\ntype = \"hvm\"\n";
    public const string PvBase = "name = \"p\"\nkernel = \"/k\"\n";
    public const string TraditionalBase = HvmBase + "device_model_version = \"qemu-xen-traditional\"\n";

    public static ValidationResult ValidateXl(string text, ValidationOptions? options = null) =>
        ConfigValidator.Validate(XenConfig.Parse(text, "guest.cfg", new XenConfigParseOptions { Dialect = ConfigDialect.Xl }), options);

    public static ValidationResult ValidateXm(string text, ValidationOptions? options = null) =>
        ConfigValidator.Validate(XenConfig.Parse(text, "guest.cfg", new XenConfigParseOptions { Dialect = ConfigDialect.Xm }), options);

    /// <summary>
    /// Asserts that <paramref name="text"/> gets <paramref name="id"/> once at <paramref name="part"/> with
    /// <paramref name="severity"/>, and no error of another ID (but <paramref name="alsoError"/>); and that
    /// <paramref name="fixedText"/> gets neither that ID nor any error.
    /// </summary>
    public static void AssertRule(
        string text, string id, DiagnosticSeverity severity, string part, int occurrence, string fixedText, ValidationOptions options, string? alsoError = null)
    {
        ValidationResult bad = ValidateXl(text, options);
        Diagnostic d = Assert.Single(bad.Diagnostics, x => x.Id == id);
        Assert.Equal(severity, d.Severity);
        Assert.Equal(BindTestSupport.SpanOf(text, part, occurrence), d.Span);
        Assert.DoesNotContain(bad.Diagnostics, x => x.IsError && x.Id != id && x.Id != alsoError);

        ValidationResult good = ValidateXl(fixedText, options);
        Assert.DoesNotContain(good.Diagnostics, x => x.Id == id || x.IsError);
    }
}

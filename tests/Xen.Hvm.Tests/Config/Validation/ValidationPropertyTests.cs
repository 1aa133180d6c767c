using FsCheck.Xunit;
using Xen.Hvm.Config;
using Xen.Hvm.Config.Model;
using Xen.Hvm.Config.Validation;
using Xen.Hvm.Diagnostics;
using Xen.Hvm.Text;

namespace Xen.Hvm.Tests.Config.Validation;

/// <summary>
/// The validator's properties over generated guests: it never throws, valid guests get no error, each single-rule
/// mutation gets its rule's ID at the mutated value and no other error, and a printed model reads back to the same
/// diagnostics.
/// </summary>
[Properties(Arbitrary = [typeof(ValidationArbitraries)], MaxTest = 100)]
public sealed class ValidationPropertyTests
{
    private static readonly ValidationOptions s_all = new() { Rules = ValidationRuleSet.All };

    private static ValidationResult Validate(string text, ConfigDialect dialect, ValidationOptions? options = null) =>
        ConfigValidator.Validate(XenConfig.Parse(text, "guest.cfg", new XenConfigParseOptions { Dialect = dialect }), options ?? s_all);

    [Property(MaxTest = 200)]
    public void Validate_AnyText_NeverThrows(string text, bool xm, bool toolstackXm, byte version)
    {
        var options = new ValidationOptions
        {
            Rules = ValidationRuleSet.All,
            Toolstack = toolstackXm ? Toolstack.Xm : Toolstack.Xl,
            XenVersion = new Xen.Hvm.Capabilities.XenVersion(4, version % 23),
        };
        ValidationResult r = Validate(text, xm ? ConfigDialect.Xm : ConfigDialect.Xl, options);
        Assert.All(r.Diagnostics, static d => Assert.Matches("^XH[0-9]{4}$", d.Id));
    }

    [Property]
    public void Validate_ValidGuest_HasNoError(ValidGuest guest)
    {
        ValidationResult r = Validate(guest.Text, guest.Dialect);
        Assert.False(r.HasErrors, string.Join("\n", r.Diagnostics.Where(static d => d.IsError)));
    }

    [Property]
    public void Validate_Mutation_GetsItsIdAtTheValueAndNoOtherError(MutatedGuest guest)
    {
        string text = guest.Text;
        ValidationResult r = Validate(text, ConfigDialect.Xl);
        SourceLocation expected = Where(r, guest);
        Assert.Contains(r.Diagnostics, d => d.Id == guest.Mutation.Id && d.Span == expected.Span);
        Assert.DoesNotContain(r.Diagnostics, d => d.IsError && d.Id != guest.Mutation.Id);
    }

    [Property]
    public void Validate_PrintedModelReadBack_ValidatesTheSame(ValidGuest guest)
    {
        ValidationResult first = Validate(guest.Text, guest.Dialect);
        string again = GuestPrinter.Print(first.Config, guest.Dialect);
        ValidationResult second = Validate(again, guest.Dialect);
        Assert.Equal(Ids(first), Ids(second));
        Assert.Equal(first.Config with { OtherSettings = [] }, second.Config with { OtherSettings = [] });
    }

    internal static SourceLocation Where(ValidationResult r, MutatedGuest guest)
    {
        Mutation m = guest.Mutation;
        if (m.Key is null)
        {
            return SourceLocation.Create("guest.cfg", new TextSpan(0, 0), r.Binding.Document.Lines);
        }

        if (m.Item is { } item)
        {
            int index = item < 0 ? r.Config.Disks!.Count - 1 : item;
            Assert.True(r.Binding.TryGetItemLocation(m.Key, index, out SourceLocation at));
            return at;
        }

        Assert.True(r.Binding.TryGetLocation(m.Key, out SourceLocation location));
        return location;
    }

    private static string[] Ids(ValidationResult r) =>
        [.. r.Diagnostics.Select(static d => d.Id + ":" + d.Severity).Order(StringComparer.Ordinal)];
}

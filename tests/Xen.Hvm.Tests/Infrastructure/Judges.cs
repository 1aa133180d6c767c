namespace Xen.Hvm.Tests.Infrastructure;

/// <summary>
/// The rule for the outside judges our tests compare with (the shared corpus, <c>qemu-img</c>, Xen's <c>xl</c>,
/// CPython 2 and 3): locally a missing judge skips its tests with a stated reason; in CI (<c>CI=true</c>) nothing is
/// skipped, so a missing judge is a failing test, never a green run that checked less.
/// </summary>
public static class Judges
{
    /// <summary>Gets a value indicating whether the tests run in CI (<c>CI</c> is <c>true</c> or <c>1</c>).</summary>
    public static bool IsCi => IsCiValue(Environment.GetEnvironmentVariable("CI"));

    /// <summary>Returns whether a value of the <c>CI</c> variable means CI.</summary>
    public static bool IsCiValue(string? value) =>
        value is not null && (value.Equals("true", StringComparison.OrdinalIgnoreCase) || value == "1");

    /// <summary>
    /// Returns the skip reason for tests that need a judge: <see langword="null"/> (run) when it is present or in CI,
    /// where the test then fails through <see cref="Require{T}"/>.
    /// </summary>
    /// <param name="missing">Why the judge is missing, or <see langword="null"/> when it is present.</param>
    public static string? SkipReason(string? missing) => SkipReason(missing, IsCi);

    /// <summary>The rule itself, with the CI state given (so a test can check both sides).</summary>
    public static string? SkipReason(string? missing, bool ci) =>
        missing is null || ci ? null : missing + " These tests did NOT run (in CI, with CI=true, they fail instead).";

    /// <summary>Returns a judge that a test needs, or fails the test saying what is missing and how to install it.</summary>
    /// <typeparam name="T">The judge's handle (a path, a folder).</typeparam>
    /// <param name="judge">The judge, or <see langword="null"/> when it is missing.</param>
    /// <param name="missing">What is missing and how to get it.</param>
    public static T Require<T>(T? judge, string missing)
        where T : class =>
        judge ?? throw new Xunit.Sdk.XunitException("Missing judge: " + missing + (IsCi ? " (CI=true: a missing judge fails, it is never skipped)." : string.Empty));
}

/// <summary>A fact that needs a judge: skipped with the given reason (null: it runs, and fails in CI if the judge is missing).</summary>
public abstract class JudgeFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="skipReason">The judge's <c>SkipReason</c>.</param>
    protected JudgeFactAttribute(string? skipReason)
    {
        if (skipReason is not null)
        {
            Skip = skipReason;
        }
    }
}

/// <summary>A theory that needs a judge: skipped with the given reason (null: it runs, and fails in CI if the judge is missing).</summary>
public abstract class JudgeTheoryAttribute : TheoryAttribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="skipReason">The judge's <c>SkipReason</c>.</param>
    protected JudgeTheoryAttribute(string? skipReason)
    {
        if (skipReason is not null)
        {
            Skip = skipReason;
        }
    }
}

/// <summary>A fact that runs only in CI (<c>CI=true</c>) and is skipped, saying so, elsewhere.</summary>
public sealed class CiFactAttribute : JudgeFactAttribute
{
    /// <summary>Creates the attribute.</summary>
    public CiFactAttribute()
        : base(Judges.IsCi ? null : "Runs only in CI (CI=true): locally each judge's own tests skip with their reason.")
    {
    }
}

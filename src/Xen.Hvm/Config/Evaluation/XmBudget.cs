using System.Diagnostics;
using System.Globalization;

namespace Xen.Hvm.Config.Evaluation;

/// <summary>Which bound of an evaluation was reached.</summary>
internal enum XmLimit
{
    /// <summary><see cref="XmEvaluationContext.MaxSteps"/>.</summary>
    Steps,

    /// <summary><see cref="XmEvaluationContext.MaxCallDepth"/>, or the native stack.</summary>
    Nesting,

    /// <summary><see cref="XmEvaluationContext.MaxValueSize"/>, or <see cref="PyOps.MaxIntegerBits"/>.</summary>
    ValueSize,

    /// <summary><see cref="XmEvaluationContext.MaxDuration"/>.</summary>
    Duration,

    /// <summary><see cref="XmEvaluationContext.MaxAllocatedBytes"/>.</summary>
    AllocatedBytes,

    /// <summary><see cref="XmEvaluationContext.MaxIntegerDigits"/>.</summary>
    IntegerDigits,
}

/// <summary>
/// The budgets of one evaluation, for the whole of it: steps, wall time and bytes allocated. Every statement and
/// expression takes a step; every builtin or operator that builds data charges the bytes it builds before it builds
/// them; loops inside builtins (comparing, hashing, sorting, printing values) report their work, and the clock is read
/// every so many steps or units of work, so no single call can run on unchecked.
/// </summary>
internal sealed class XmBudget
{
    /// <summary>The estimated bytes of any object (header and fields).</summary>
    public const int ObjectBytes = 40;

    /// <summary>The estimated bytes of one entry of a dictionary.</summary>
    public const int DictionaryEntryBytes = 48;

    private const int WorkPerClockRead = 4096;
    private const int StepsPerClockRead = 64;

    private readonly XmEvaluationContext _context;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly long _maxTicks;
    private long _steps;
    private long _bytes;
    private int _work;

    public XmBudget(XmEvaluationContext context)
    {
        _context = context;
        _maxTicks = context.MaxDuration == Timeout.InfiniteTimeSpan
            ? long.MaxValue
            : (long)Math.Min(long.MaxValue, context.MaxDuration.TotalSeconds * Stopwatch.Frequency);
    }

    public XmEvaluationContext Context => _context;

    /// <summary>Gets the bytes charged so far.</summary>
    public long AllocatedBytes => _bytes;

    /// <summary>The wall time left, as a regular-expression match timeout (at least a millisecond while any is left).</summary>
    public TimeSpan Remaining
    {
        get
        {
            if (_maxTicks == long.MaxValue)
            {
                return Timeout.InfiniteTimeSpan;
            }

            long left = _maxTicks - _clock.ElapsedTicks;
            if (left <= 0)
            {
                throw TimeExceeded();
            }

            return TimeSpan.FromMilliseconds(Math.Max(1, left * 1000.0 / Stopwatch.Frequency));
        }
    }

    /// <summary>One statement or expression.</summary>
    public void Step()
    {
        if (++_steps > _context.MaxSteps)
        {
            throw new EvaluationLimitException(XmLimit.Steps, $"more than {_context.MaxSteps.ToString(CultureInfo.InvariantCulture)} steps (an endless loop?)");
        }

        if (_steps % StepsPerClockRead == 0)
        {
            CheckTime();
        }
    }

    /// <summary>Work inside a builtin (one item compared, hashed, sorted or printed).</summary>
    public void Work(int units = 1)
    {
        _work += units;
        if (_work >= WorkPerClockRead)
        {
            _work = 0;
            CheckTime();
        }
    }

    public void CheckTime()
    {
        if (_clock.ElapsedTicks > _maxTicks)
        {
            throw TimeExceeded();
        }
    }

    /// <summary>Charges <paramref name="bytes"/> about to be allocated.</summary>
    public void Allocate(long bytes)
    {
        if (bytes <= 0)
        {
            return;
        }

        _bytes = bytes > long.MaxValue - _bytes ? long.MaxValue : _bytes + bytes;
        if (_bytes > _context.MaxAllocatedBytes)
        {
            throw new EvaluationLimitException(XmLimit.AllocatedBytes, $"the evaluation allocated more than {_context.MaxAllocatedBytes.ToString(CultureInfo.InvariantCulture)} bytes");
        }

        Work((int)Math.Min(WorkPerClockRead, bytes >> 8));
    }

    /// <summary>A value of <paramref name="size"/> characters or items: checks <see cref="XmEvaluationContext.MaxValueSize"/>.</summary>
    public void CheckSize(long size)
    {
        if (size > _context.MaxValueSize)
        {
            throw new EvaluationLimitException(XmLimit.ValueSize, $"a value of {size.ToString(CultureInfo.InvariantCulture)} characters or items is larger than the bound of {_context.MaxValueSize.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    /// <summary>A new string of <paramref name="chars"/> characters.</summary>
    public void ChargeString(long chars)
    {
        CheckSize(chars);
        Allocate(ObjectBytes + (2 * chars));
    }

    /// <summary>A new list or tuple of <paramref name="items"/> items (the references, not the items).</summary>
    public void ChargeList(long items)
    {
        CheckSize(items);
        Allocate(ObjectBytes + (8 * items));
    }

    /// <summary><paramref name="count"/> new small objects (ints, one-character strings, pairs).</summary>
    public void ChargeObjects(long count) => Allocate(count * ObjectBytes);

    /// <summary>A new integer of <paramref name="bits"/> bits.</summary>
    public void ChargeInteger(long bits) => Allocate(ObjectBytes + (bits / 8));

    private EvaluationLimitException TimeExceeded() => new(
        XmLimit.Duration,
        $"the evaluation ran longer than {_context.MaxDuration.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)} ms");
}

/// <summary>The evaluation hit one of its bounds.</summary>
internal sealed class EvaluationLimitException(XmLimit limit, string what) : Exception(what)
{
    public XmLimit Limit { get; } = limit;
}

/// <summary>
/// Evaluation reached a statement kept as text that raises whenever it runs (<see cref="Parsing.PyParser.FindCertainRaise"/>):
/// xm stops there, as at an exception no config code can catch (the evaluator runs no <c>try</c>).
/// </summary>
/// <param name="row">The statement.</param>
/// <param name="exceptionType">What Python raises there: <c>TypeError</c> (unhashable), or <c>NameError</c> when a name the unhashable part reads first is not defined.</param>
/// <param name="name">The undefined name, for a <c>NameError</c>.</param>
internal sealed class RaisesWhenRunException(int row, string exceptionType, string? name) : Exception("the statement raises whenever it runs")
{
    public int Row { get; } = row;

    public string ExceptionType { get; } = exceptionType;

    public string? Name { get; } = name;
}

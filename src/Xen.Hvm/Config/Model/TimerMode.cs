namespace Xen.Hvm.Config.Model;

/// <summary>How the guest's virtual timers deal with missed ticks (<c>timer_mode</c>).</summary>
/// <remarks>Options of this type are <see cref="ConfigEnum{T}"/> values, which keep a spelling no member matches.</remarks>
public enum TimerMode
{
    /// <summary>Time is delayed for missed ticks (<c>delay_for_missed_ticks</c>).</summary>
    DelayForMissedTicks,

    /// <summary>Time is not delayed; missed ticks are delivered (<c>no_delay_for_missed_ticks</c>), the default.</summary>
    NoDelayForMissedTicks,

    /// <summary>Missed ticks are dropped (<c>no_missed_ticks_pending</c>).</summary>
    NoMissedTicksPending,

    /// <summary>At most one missed tick is delivered (<c>one_missed_tick_pending</c>).</summary>
    OneMissedTickPending,
}

namespace Uchastok.Rules.Safety;

/// <summary>
/// How the duty officer closes an incident (issue 19): a patrol was sent (which one, in a short text), it was passed to
/// the beat's inspector, it became an appeal (filed through Appeals, whose legal deadline starts then), or no offence
/// was found. The API names are what the step <c>closed</c> keeps as its note.
/// </summary>
public enum ConsoleOutcome { PatrolSent, PassedToInspector, BecameAppeal, NoOffence }

public static class ConsoleOutcomes
{
    /// <summary>"Which patrol": a call sign or crew, not a report.</summary>
    public const int MaxPatrolLength = 100;

    public static readonly IReadOnlyList<ConsoleOutcome> All = Enum.GetValues<ConsoleOutcome>();

    public static string ApiName(ConsoleOutcome outcome) => outcome switch
    {
        ConsoleOutcome.PatrolSent => "patrol-sent",
        ConsoleOutcome.PassedToInspector => "passed-to-inspector",
        ConsoleOutcome.BecameAppeal => "became-appeal",
        _ => "no-offence",
    };

    /// <summary>The outcome a name stands for, ignoring case and surrounding spaces; null for anything else (numbers and enum names included).</summary>
    public static ConsoleOutcome? Parse(string? name)
    {
        var trimmed = name?.Trim();
        if (string.IsNullOrEmpty(trimmed)) return null;
        foreach (var outcome in All)
            if (string.Equals(ApiName(outcome), trimmed, StringComparison.OrdinalIgnoreCase)) return outcome;
        return null;
    }
}

/// <summary>
/// When an unacknowledged incident escalates: level 1 once <c>after</c> has passed since it was received, level 2 once
/// <c>againAfter</c> more has passed. Each level is taken once (the caller's conditional update holds that across nodes);
/// a job that was away for a while takes one level per pass, the lowest not yet taken, so level 2 never comes before 1.
/// </summary>
public sealed record EscalationTimes(TimeSpan After, TimeSpan AgainAfter)
{
    public static readonly EscalationTimes Default = new(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60));

    public const int MaxLevel = 2;

    /// <summary>The moment a level falls due for an incident received at <paramref name="receivedAtUtc"/>.</summary>
    public DateTime DueAt(DateTime receivedAtUtc, int level) => level switch
    {
        1 => receivedAtUtc + After,
        2 => receivedAtUtc + After + AgainAfter,
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Escalation has levels 1 and 2."),
    };

    /// <summary>
    /// The level to take now, or null: nothing once the incident is acknowledged or closed, nothing past the last level,
    /// else the next level when its time has come.
    /// </summary>
    public int? Due(DateTime receivedAtUtc, bool acknowledgedOrClosed, int levelTaken, DateTime nowUtc)
    {
        if (acknowledgedOrClosed || levelTaken >= MaxLevel) return null;
        var next = levelTaken + 1;
        return nowUtc >= DueAt(receivedAtUtc, next) ? next : null;
    }

    /// <summary>The earliest time an incident received then can be at <paramref name="level"/>: what a job's query looks for.</summary>
    public DateTime ReceivedBefore(DateTime nowUtc, int level) => level == 1 ? nowUtc - After : nowUtc - After - AgainAfter;
}

/// <summary>Where an incident stands on the console, in the order the list shows them.</summary>
public enum ConsoleTier { Unacknowledged = 0, InHand = 1, Closed = 2 }

/// <summary>
/// The console's order: the unacknowledged first (they are what the officer must take), then those in hand, then the
/// closed; newest first within each. Id breaks a tie of times, so two lists of the same incidents read alike.
/// </summary>
public static class ConsoleOrder
{
    public static ConsoleTier Tier(bool acknowledged, bool closed) =>
        closed ? ConsoleTier.Closed : acknowledged ? ConsoleTier.InHand : ConsoleTier.Unacknowledged;

    public static IEnumerable<T> Sort<T>(IEnumerable<T> items, Func<T, ConsoleTier> tier, Func<T, DateTime> receivedAtUtc, Func<T, long> id) =>
        items.OrderBy(tier).ThenByDescending(receivedAtUtc).ThenByDescending(id);
}

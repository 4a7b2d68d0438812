namespace Uchastok.Rules.Prevention;

/// <summary>A register file is on record until it is removed; a removed file waits for its purge, which deletes it.</summary>
public enum PreventionFileState { OnRecord, Removed }

/// <summary>What happens to a person on record (C15). The breach of administrative supervision is one of the offences the inspector now decides himself (Toyliev L5482).</summary>
public enum PreventionFileEvent { SupervisionBreach, NewOffence, AddressChanged, MovedToBeat, Removed }

/// <summary>Why an event was refused; the web layer turns each into a sentence.</summary>
public enum PreventionFileRefusal
{
    None,
    /// <summary>The file was removed from the register: nothing more happens to it but its purge.</summary>
    NotFromThisState,
    DateRequired,
    DateInFuture,
    /// <summary>The event is dated before the person was put on record.</summary>
    DateBeforeRecord,
    ReasonRequired,
    AddressRequired,
    TargetBeatRequired,
    /// <summary>The file is already on that beat.</summary>
    SameBeat,
}

/// <summary>What the lifecycle needs to know about a file.</summary>
public sealed record PreventionFileFacts(PreventionFileState State, int BeatId, DateOnly PutOnRecord, CalendarPeriod RetentionAfterRemoval);

/// <summary>
/// What the person acting supplied: the date the event happened, a reason (removal), the new address
/// (as the caller's gazetteer id or typed text: the rules only need to know one was given), the
/// beat the file moves to, and optionally the protocol the event rests on (when protocols exist).
/// </summary>
public sealed record PreventionFileEventInput(
    DateOnly? OccurredOn, string? Reason = null, string? NewAddress = null, int? ToBeatId = null, string? ProtocolReference = null);

/// <summary>Everything an event changes, so the command that applies it stays mechanical. Every allowed event is written to the file's history.</summary>
public sealed record PreventionFileEffects
{
    public static readonly PreventionFileEffects None = new();

    /// <summary>The event goes into the file's history with its date, input and author.</summary>
    public bool RecordsEvent { get; init; }
    /// <summary>The protocol the event rests on is linked to it.</summary>
    public bool LinksProtocol { get; init; }
    /// <summary>The person's address on the file is replaced.</summary>
    public bool ReplacesAddress { get; init; }
    /// <summary>
    /// The new address may lie on another beat: the caller locates it and, if the beat differs,
    /// applies <see cref="PreventionFileEvent.MovedToBeat"/> as its own event, so a move is always explicit.
    /// </summary>
    public bool LocatesBeatOfNewAddress { get; init; }
    /// <summary>
    /// The file, its open plan actions with it, goes to this beat and its inspector. The old beat
    /// loses access at once: access is decided on the file's beat at every read (<see cref="PreventionAccess"/>),
    /// so nothing else needs revoking.
    /// </summary>
    public int? MovesToBeatId { get; init; }
    /// <summary>Open plan actions are cancelled: a removed file leaves every list, the day list and the board included.</summary>
    public bool CancelsOpenActions { get; init; }
    public DateOnly? RemovedOn { get; init; }
    /// <summary>The day the background job deletes the file: the removal date plus the category's retention period.</summary>
    public DateOnly? PurgeDueOn { get; init; }
}

public sealed record PreventionFileDecision(PreventionFileRefusal Refusal, PreventionFileState To)
{
    public bool Allowed => Refusal == PreventionFileRefusal.None;
    public PreventionFileEffects Effects { get; init; } = PreventionFileEffects.None;
}

/// <summary>
/// On record → (moved to another beat, any number of times) → removed (reason, date) → purged on
/// removal date + the category's retention period. Every event needs a file on record and a date
/// no later than today and no earlier than the day put on record.
/// </summary>
public static class PreventionFileLifecycle
{
    public static PreventionFileDecision Decide(PreventionFileFacts file, PreventionFileEvent fileEvent, PreventionFileEventInput input, DateOnly today)
    {
        if (file.State != PreventionFileState.OnRecord) return Refuse(PreventionFileRefusal.NotFromThisState, file);
        var refusal = input.OccurredOn switch
        {
            null => PreventionFileRefusal.DateRequired,
            { } d when d > today => PreventionFileRefusal.DateInFuture,
            { } d when d < file.PutOnRecord => PreventionFileRefusal.DateBeforeRecord,
            _ => fileEvent switch
            {
                PreventionFileEvent.Removed when string.IsNullOrWhiteSpace(input.Reason) => PreventionFileRefusal.ReasonRequired,
                PreventionFileEvent.AddressChanged when string.IsNullOrWhiteSpace(input.NewAddress) => PreventionFileRefusal.AddressRequired,
                PreventionFileEvent.MovedToBeat when input.ToBeatId is null => PreventionFileRefusal.TargetBeatRequired,
                PreventionFileEvent.MovedToBeat when input.ToBeatId == file.BeatId => PreventionFileRefusal.SameBeat,
                _ => PreventionFileRefusal.None,
            },
        };
        if (refusal != PreventionFileRefusal.None) return Refuse(refusal, file);

        var protocol = !string.IsNullOrWhiteSpace(input.ProtocolReference);
        var removedOn = input.OccurredOn!.Value;
        return fileEvent switch
        {
            PreventionFileEvent.SupervisionBreach or PreventionFileEvent.NewOffence =>
                Allow(PreventionFileState.OnRecord, new() { RecordsEvent = true, LinksProtocol = protocol }),
            PreventionFileEvent.AddressChanged =>
                Allow(PreventionFileState.OnRecord, new() { RecordsEvent = true, ReplacesAddress = true, LocatesBeatOfNewAddress = true }),
            PreventionFileEvent.MovedToBeat =>
                Allow(PreventionFileState.OnRecord, new() { RecordsEvent = true, MovesToBeatId = input.ToBeatId }),
            _ => Allow(PreventionFileState.Removed, new()
            {
                RecordsEvent = true, CancelsOpenActions = true, RemovedOn = removedOn,
                PurgeDueOn = PurgeDue(removedOn, file.RetentionAfterRemoval),
            }),
        };
    }

    /// <summary>The day a removed file is deleted: its removal date plus the retention period of its category.</summary>
    public static DateOnly PurgeDue(DateOnly removedOn, CalendarPeriod retention) => retention.AddTo(removedOn);

    /// <summary>Whether the purge job deletes the file today: removed, and its purge day reached.</summary>
    public static bool IsPurgeDue(PreventionFileState state, DateOnly? purgeDueOn, DateOnly today) =>
        state == PreventionFileState.Removed && purgeDueOn is { } due && due <= today;

    private static PreventionFileDecision Refuse(PreventionFileRefusal refusal, PreventionFileFacts file) => new(refusal, file.State);

    private static PreventionFileDecision Allow(PreventionFileState to, PreventionFileEffects effects) => new(PreventionFileRefusal.None, to) { Effects = effects };
}

using System.Text.RegularExpressions;

namespace Uchastok.Rules.Prevention;

/// <summary>The steps of a domestic-violence case as Tolykbaeva gives them (L7179–7187): detect, collect evidence, draw up the protocol, send to court, the court decides.</summary>
public enum DvCaseState { Detected, EvidenceCollected, ProtocolDrawnUp, SentToCourt, CourtDecided, Closed }

public enum DvCaseAction { AddEvidence, DrawUpProtocol, SendToCourt, RecordCourtDecision, Close }

/// <summary>How the police learnt of it. A case is opened on detection, without the victim's statement (L7183); an appeal or an anonymous tip is turned into a case by staff.</summary>
public enum DvSource { Patrol, NeighbourReport, Camera, OwnObservation, Appeal, AnonymousTip }

/// <summary>What the court decided on the protocol. The document says only that the court decides (L7187); these are the two ends of an administrative case.</summary>
public enum DvCourtOutcome { PenaltyImposed, ProceedingsTerminated }

/// <summary>Evidence the document names as enough for a protocol (L7185–7187): statements of witnesses and neighbours, camera and dashcam or bodycam records.</summary>
public enum DvEvidenceKind { WitnessStatement, NeighbourStatement, Video, Photo }

/// <summary>Why an action on a case was refused; the web layer turns each into a sentence.</summary>
public enum DvCaseRefusal
{
    None,
    /// <summary>The action is out of order for the case's state.</summary>
    NotFromThisState,
    /// <summary>No evidence item yet: no protocol, and the case cannot go to court.</summary>
    EvidenceRequired,
    /// <summary>Evidence is there, but the protocol has not been drawn up.</summary>
    ProtocolRequired,
    ProtocolNumberRequired,
    /// <summary>Closing before the court has decided.</summary>
    CourtDecisionRequired,
    DateRequired,
    DateInFuture,
    /// <summary>The date is before the step it follows (a decision before the case went to court, a protocol before detection).</summary>
    DateOutOfOrder,
    OutcomeRequired,
}

/// <summary>What the state machine needs to know about a case.</summary>
public sealed record DvCaseFacts(DvCaseState State, int EvidenceCount, DateOnly DetectedOn, DateOnly? SentToCourtOn = null);

/// <summary>What the person acting supplied: the date of the step, the protocol's number, the court's outcome.</summary>
public sealed record DvCaseInput(DateOnly? Date = null, string? ProtocolNumber = null, DvCourtOutcome? Outcome = null);

/// <summary>Everything a step changes besides the state.</summary>
public sealed record DvCaseEffects
{
    public static readonly DvCaseEffects None = new();

    /// <summary>The evidence item (validated by <see cref="DomesticViolenceCaseLifecycle.ValidateEvidence"/>) is added to the list.</summary>
    public bool RecordsEvidence { get; init; }
    public bool RecordsProtocol { get; init; }
    public bool RecordsSentToCourt { get; init; }
    public bool RecordsCourtDecision { get; init; }
    /// <summary>
    /// The offender is proposed for the register under the category administrators set up for
    /// domestic-violence follow-up (<see cref="PreventionCategory.DomesticViolenceOffender"/>), so the
    /// follow-up visits come from its plan: "preventive work with the family to stop repetition".
    /// Proposed, not done: putting a person on record is the inspector's act with its own date and basis.
    /// </summary>
    public bool ProposesOffenderRegistration { get; init; }
    public bool Closes { get; init; }
}

public sealed record DvCaseDecision(DvCaseRefusal Refusal, DvCaseState To)
{
    public bool Allowed => Refusal == DvCaseRefusal.None;
    public DvCaseEffects Effects { get; init; } = DvCaseEffects.None;
}

/// <summary>What a person typed to open a case on detection. There is no field for a victim's statement: none is needed.</summary>
public sealed record DvDetectionInput(DvSource? Source, DateOnly? DetectedOn, string? Address, string? Summary);

/// <summary>
/// One evidence item: a statement (who, contact, text) or a video or photo file (its SHA-256,
/// when it was recorded, its source: which camera, whose dashcam or bodycam).
/// </summary>
public sealed record DvEvidenceInput(
    DvEvidenceKind? Kind, string? PersonName = null, string? Contact = null, string? Text = null,
    string? Sha256 = null, DateTimeOffset? RecordedAt = null, string? Source = null);

/// <summary>
/// The domestic-violence case as data (<see cref="Transitions"/>) and a pure decision, like the
/// appeal lifecycle. Evidence may be added until the case goes to court; every other step happens
/// once and in order. A case cannot go to court with no evidence item, and each refusal names why.
/// </summary>
public static partial class DomesticViolenceCaseLifecycle
{
    /// <summary>The allowed steps: from which state, by which action, to which state. Anything else is refused.</summary>
    public static readonly IReadOnlyList<(DvCaseState From, DvCaseAction Action, DvCaseState To)> Transitions =
    [
        (DvCaseState.Detected, DvCaseAction.AddEvidence, DvCaseState.EvidenceCollected),
        (DvCaseState.EvidenceCollected, DvCaseAction.AddEvidence, DvCaseState.EvidenceCollected),
        (DvCaseState.ProtocolDrawnUp, DvCaseAction.AddEvidence, DvCaseState.ProtocolDrawnUp),
        (DvCaseState.EvidenceCollected, DvCaseAction.DrawUpProtocol, DvCaseState.ProtocolDrawnUp),
        (DvCaseState.ProtocolDrawnUp, DvCaseAction.SendToCourt, DvCaseState.SentToCourt),
        (DvCaseState.SentToCourt, DvCaseAction.RecordCourtDecision, DvCaseState.CourtDecided),
        (DvCaseState.CourtDecided, DvCaseAction.Close, DvCaseState.Closed),
    ];

    public static IReadOnlyList<DvCaseAction> ActionsFrom(DvCaseState state) =>
        Transitions.Where(t => t.From == state).Select(t => t.Action).ToList();

    public static DvCaseDecision Decide(DvCaseFacts facts, DvCaseAction action, DvCaseInput input, DateOnly today)
    {
        // No evidence is the first thing to say about a protocol or a court: it is what the inspector must fix, whatever the state.
        if (action is DvCaseAction.DrawUpProtocol or DvCaseAction.SendToCourt
            && facts.EvidenceCount <= 0 && facts.State is < DvCaseState.SentToCourt)
            return Refuse(DvCaseRefusal.EvidenceRequired, facts);

        var rule = Transitions.Where(t => t.From == facts.State && t.Action == action).ToList();
        if (rule.Count == 0)
        {
            return Refuse(action switch
            {
                DvCaseAction.SendToCourt when facts.State == DvCaseState.EvidenceCollected => DvCaseRefusal.ProtocolRequired,
                DvCaseAction.Close when facts.State < DvCaseState.CourtDecided => DvCaseRefusal.CourtDecisionRequired,
                _ => DvCaseRefusal.NotFromThisState,
            }, facts);
        }
        var to = rule[0].To;

        var refusal = action switch
        {
            DvCaseAction.AddEvidence or DvCaseAction.Close => DvCaseRefusal.None,
            _ when input.Date is null => DvCaseRefusal.DateRequired,
            _ when input.Date > today => DvCaseRefusal.DateInFuture,
            _ when input.Date < facts.DetectedOn => DvCaseRefusal.DateOutOfOrder,
            DvCaseAction.DrawUpProtocol when string.IsNullOrWhiteSpace(input.ProtocolNumber) => DvCaseRefusal.ProtocolNumberRequired,
            DvCaseAction.RecordCourtDecision when facts.SentToCourtOn is { } sent && input.Date < sent => DvCaseRefusal.DateOutOfOrder,
            DvCaseAction.RecordCourtDecision when input.Outcome is null || !Enum.IsDefined(input.Outcome.Value) => DvCaseRefusal.OutcomeRequired,
            _ => DvCaseRefusal.None,
        };
        if (refusal != DvCaseRefusal.None) return Refuse(refusal, facts);

        return Allow(to, action switch
        {
            DvCaseAction.AddEvidence => new() { RecordsEvidence = true },
            DvCaseAction.DrawUpProtocol => new() { RecordsProtocol = true },
            DvCaseAction.SendToCourt => new() { RecordsSentToCourt = true },
            DvCaseAction.RecordCourtDecision => new()
            {
                RecordsCourtDecision = true, ProposesOffenderRegistration = input.Outcome == DvCourtOutcome.PenaltyImposed,
            },
            _ => new() { Closes = true },
        });
    }

    /// <summary>Opening a case: a source, a detection date no later than today, the address and what was seen or reported. Nothing from the victim.</summary>
    public static IReadOnlyList<PreventionFieldError> ValidateDetection(DvDetectionInput input, DateOnly today)
    {
        var errors = new List<PreventionFieldError>();
        if (input.Source is not { } source) errors.Add(new("source", PreventionProblem.Required));
        else if (!Enum.IsDefined(source)) errors.Add(new("source", PreventionProblem.Invalid));
        if (input.DetectedOn is not { } detected) errors.Add(new("detectedOn", PreventionProblem.Required));
        else if (detected > today) errors.Add(new("detectedOn", PreventionProblem.InFuture));
        if (string.IsNullOrWhiteSpace(input.Address)) errors.Add(new("address", PreventionProblem.Required));
        if (string.IsNullOrWhiteSpace(input.Summary)) errors.Add(new("summary", PreventionProblem.Required));
        return errors;
    }

    /// <summary>An evidence item: a statement needs who, a contact and the text; a file needs its SHA-256 (64 hex digits), when it was recorded (not in the future) and its source.</summary>
    public static IReadOnlyList<PreventionFieldError> ValidateEvidence(DvEvidenceInput input, DateTimeOffset now)
    {
        var errors = new List<PreventionFieldError>();
        switch (input.Kind)
        {
            case null:
                errors.Add(new("kind", PreventionProblem.Required));
                break;
            case DvEvidenceKind.WitnessStatement or DvEvidenceKind.NeighbourStatement:
                if (string.IsNullOrWhiteSpace(input.PersonName)) errors.Add(new("personName", PreventionProblem.Required));
                if (string.IsNullOrWhiteSpace(input.Contact)) errors.Add(new("contact", PreventionProblem.Required));
                if (string.IsNullOrWhiteSpace(input.Text)) errors.Add(new("text", PreventionProblem.Required));
                break;
            case DvEvidenceKind.Video or DvEvidenceKind.Photo:
                if (string.IsNullOrWhiteSpace(input.Sha256)) errors.Add(new("sha256", PreventionProblem.Required));
                else if (!Sha256Pattern().IsMatch(input.Sha256.Trim())) errors.Add(new("sha256", PreventionProblem.Invalid));
                if (input.RecordedAt is not { } recorded) errors.Add(new("recordedAt", PreventionProblem.Required));
                else if (recorded > now) errors.Add(new("recordedAt", PreventionProblem.InFuture));
                if (string.IsNullOrWhiteSpace(input.Source)) errors.Add(new("source", PreventionProblem.Required));
                break;
            default:
                errors.Add(new("kind", PreventionProblem.Invalid));
                break;
        }
        return errors;
    }

    private static DvCaseDecision Refuse(DvCaseRefusal refusal, DvCaseFacts facts) => new(refusal, facts.State);

    private static DvCaseDecision Allow(DvCaseState to, DvCaseEffects effects) => new(DvCaseRefusal.None, to) { Effects = effects };

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex Sha256Pattern();
}

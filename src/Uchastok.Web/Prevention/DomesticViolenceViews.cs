namespace Uchastok.Web.Prevention;

/// <summary>A case in a list: where, since when, how far it went, whether it repeats an earlier one. No victim data.</summary>
public sealed record DvCaseSummaryView(long Id, int BeatId, int DistrictId, string Source, string State, DateOnly DetectedOn, string Address, bool IsRepeat, int EvidenceCount);

/// <summary>
/// A case as its reader sees it. <see cref="Victim"/> is null unless the reader may see the victim's identity and
/// contacts (the beat's inspector, the district's supervisor and women-protection officer); an administrator reads the rest.
/// <see cref="Actions"/> are the steps the state allows (<c>AddEvidence</c>, <c>DrawUpProtocol</c>, <c>SendToCourt</c>,
/// <c>RecordCourtDecision</c>, <c>Close</c>). <see cref="ProposesOffenderRegistration"/>: the court imposed a penalty, so
/// the offender is proposed for the register under the domestic-violence category, whose plan carries the follow-up visits.
/// </summary>
public sealed record DvCaseView(
    long Id, int BeatId, int DistrictId, string Source, long? AppealId, long? TipId, DateOnly DetectedOn, string Address, string Summary,
    string State, DateOnly? ProtocolOn, string? ProtocolNumber, DateOnly? SentToCourtOn, DateOnly? CourtDecidedOn, string? CourtOutcome, DateOnly? ClosedOn,
    long? OffenderEntryId, bool ProposesOffenderRegistration, DvRepeatView Repeat, IReadOnlyList<string> Actions,
    IReadOnlyList<DvEvidenceView> Evidence, IReadOnlyList<DvMeasureView> Measures, DvVictimView? Victim, DateTime CreatedAtUtc, int Version,
    DvFollowUpView? OffenderFollowUp = null);

/// <summary>The follow-up of the offender's file: its next open plan action and how many are overdue (the visits come from his category's plan).</summary>
public sealed record DvFollowUpView(DateOnly? NextDue, int Overdue);

/// <summary>Whether the case repeats an earlier one (<c>SameAddress</c>, <c>SamePersons</c>), and the latest such case.</summary>
public sealed record DvRepeatView(bool IsRepeat, long? OfCaseId, IReadOnlyList<string> Reasons);

/// <summary>An evidence item: a statement's who, contact and text, or a file's SHA-256, when it was recorded and its source.</summary>
public sealed record DvEvidenceView(long Id, string Kind, string? PersonName, string? Contact, string? Text, string? Sha256, DateTime? RecordedAtUtc, string? Source, DateTime AtUtc);

/// <summary>One read of a case: by whom, why, when (UTC).</summary>
public sealed record DvReadView(string Reader, string Purpose, DateTime AtUtc);

/// <summary>The victim's identity and contacts, the channel she chose (<c>None</c>, <c>Sms</c>, <c>Email</c>) and the referral with her consent.</summary>
public sealed record DvVictimView(string? Name, string? Address, string? Phone, string? Email, string Channel, DateOnly? ReferralConsentOn, string? ReferralOrganisation, DateOnly? ReferredOn);

/// <summary>A measure of a case; <see cref="CheckOverdue"/> when its next check is past and it is still in force.</summary>
public sealed record DvMeasureView(long Id, int TypeId, string TypeName, DateOnly From, DateOnly? Until, DateOnly NextCheckDue, bool CheckOverdue);

/// <summary>A type of protective order or similar measure as an administrator configured it (the document lists none).</summary>
public sealed record DvMeasureTypeView(int Id, string NameKk, string NameRu, string NameEn, string LegalSource, int CheckIntervalCount, string CheckIntervalUnit, bool IsActive);

/// <summary>The repeat window (count and unit, with its source text), or none: then every earlier case counts.</summary>
public sealed record DvSettingsView(int? RepeatWindowCount, string? RepeatWindowUnit, string? RepeatWindowSource);

/// <summary>What the district board shows of domestic violence: open repeat cases and measures whose check is overdue.</summary>
public sealed record DvBoardView(IReadOnlyList<DvBoardCase> RepeatCases, IReadOnlyList<DvBoardMeasure> OverdueChecks);

public sealed record DvBoardCase(long CaseId, int BeatId, string Address, DateOnly DetectedOn, string State);

public sealed record DvBoardMeasure(long MeasureId, long CaseId, int BeatId, string TypeName, DateOnly NextCheckDue);

/// <summary>
/// Opening a case on detection: the beat, the source (<c>Patrol</c>, <c>NeighbourReport</c>, <c>Camera</c>, <c>OwnObservation</c>,
/// <c>Appeal</c>, <c>AnonymousTip</c>), the date, the address and what was seen or reported. No victim statement. From an
/// appeal give <see cref="AppealId"/>, from a tip <see cref="TipId"/>.
/// </summary>
public sealed record DvOpenRequest(int? BeatId, string? Source, DateOnly? DetectedOn, string? Address, string? Summary, long? AppealId = null, long? TipId = null, long? OffenderEntryId = null);

/// <summary>An evidence item: <c>WitnessStatement</c> or <c>NeighbourStatement</c> with person name, contact and text; <c>Video</c> or <c>Photo</c> with SHA-256, recorded at and source.</summary>
public sealed record DvEvidenceRequest(string? Kind, string? PersonName = null, string? Contact = null, string? Text = null, string? Sha256 = null, DateTimeOffset? RecordedAt = null, string? Source = null);

/// <summary>A step: <c>DrawUpProtocol</c> (date, protocol number), <c>SendToCourt</c> (date), <c>RecordCourtDecision</c> (date, outcome <c>PenaltyImposed</c> or <c>ProceedingsTerminated</c>), <c>Close</c>.</summary>
public sealed record DvStepRequest(string? Action, DateOnly? Date = null, string? ProtocolNumber = null, string? Outcome = null);

/// <summary>The victim's identity, address and contacts, and the channel she chose (<c>None</c>, <c>Sms</c>, <c>Email</c>).</summary>
public sealed record DvVictimRequest(string? Name, string? Address, string? Phone, string? Email, string? Channel);

/// <summary>A message to the victim by her chosen channel; the text must not reveal the case.</summary>
public sealed record DvMessageRequest(string? Text);

/// <summary>A referral to a support organisation: only with the victim's consent, given on <see cref="ConsentOn"/>.</summary>
public sealed record DvReferralRequest(bool Consent, DateOnly? ConsentOn, string? Organisation);

/// <summary>The offender's file on the preventive register, or null to unlink.</summary>
public sealed record DvOffenderRequest(long? EntryId);

/// <summary>A measure of an administrator-configured type, from a date and optionally until one.</summary>
public sealed record DvMeasureRequest(int? TypeId, DateOnly? From, DateOnly? Until = null);

/// <summary>A check of a measure done on <see cref="Date"/>; the next one falls one check interval later.</summary>
public sealed record DvMeasureCheckRequest(DateOnly? Date);

/// <summary>A measure type: names, legal source and check interval (no default: the document gives none).</summary>
public sealed record DvMeasureTypeRequest(string? NameKk, string? NameRu, string? NameEn, string? LegalSource, int? CheckIntervalCount, string? CheckIntervalUnit, bool IsActive = true);

/// <summary>The repeat window with its source text; all three empty to have none.</summary>
public sealed record DvSettingsRequest(int? RepeatWindowCount, string? RepeatWindowUnit, string? RepeatWindowSource);

public enum DvOutcomeStatus { Ok, NotFound, Invalid, Conflict, Forbidden }

/// <summary>What a command on a case did: the case as it now stands, or the field errors (nothing written), or not found (out of scope is not found), or a clash with another change.</summary>
public sealed record DvOutcome(DvOutcomeStatus Status, DvCaseView? Value, Shared.Web.FieldErrors Errors)
{
    public static DvOutcome Done(DvCaseView value) => new(DvOutcomeStatus.Ok, value, new());
    public static DvOutcome Missing() => new(DvOutcomeStatus.NotFound, null, new());
    public static DvOutcome Refused(Shared.Web.FieldErrors errors) => new(DvOutcomeStatus.Invalid, null, errors);
    public static DvOutcome Clash() => new(DvOutcomeStatus.Conflict, null, new());
    /// <summary>The administrator reads cases but does not act on them, as on the register.</summary>
    public static DvOutcome Denied() => new(DvOutcomeStatus.Forbidden, null, new());
}

using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Prevention;
using Uchastok.Rules.Territory;
using Uchastok.Web.Accounts;
using Uchastok.Web.Notifications;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Prevention;

/// <summary>
/// Domestic-violence cases (C16): open on detection, evidence, the steps to court, the victim's data and messages,
/// referral, measures, the repeat flag and the board. Every command decides access with <see cref="PreventionAccess"/>
/// afresh (out of scope is "not found"), validates through the rules (<see cref="DomesticViolenceCaseLifecycle"/>,
/// <see cref="NeutralWording"/>, <see cref="DomesticViolenceRepeat"/>) and writes nothing when it refuses.
/// The API and the pages both call it.
/// </summary>
public sealed class DomesticViolenceCases(
    UchastokDbContext db, PreventionScope scope, PreventionProtection protection, PersonalDataLog log, Outbox outbox, OutboxSignal signal,
    SearchHashes hashes, IStringLocalizer<SharedResource> localizer, TimeProvider clock)
{
    public const int MaxAddressLength = 300;
    public const int MaxShortText = 200;
    public const int MaxLongText = 4000;
    public const int MaxMessageLength = 600;
    public const string RecordKind = "dv-case";
    public const string MessageTemplate = DefaultTemplates.DomesticViolenceMessage;

    private DateOnly Today => KazakhstanTime.Today(clock);

    // ---------- reading ----------

    /// <summary>The cases the user may read, newest first; null (not found) for anyone who can read no case at all.</summary>
    public async Task<IReadOnlyList<DvCaseSummaryView>?> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var actor = await scope.ActorAsync(user, cancellationToken);
        var cases = db.DvCases.AsNoTracking();
        switch (actor.Kind)
        {
            case PreventionActorKind.Admin: break;
            case PreventionActorKind.Inspector:
                var beats = actor.BeatIds.ToList();
                cases = cases.Where(c => beats.Contains(c.BeatId));
                break;
            case PreventionActorKind.Supervisor or PreventionActorKind.WomenProtectionOfficer when actor.DistrictId is { } district:
                cases = cases.Where(c => c.DistrictId == district);
                break;
            default: return null;
        }
        var rows = await cases.OrderByDescending(c => c.DetectedOn).ThenByDescending(c => c.Id).Take(500)
            .Select(c => new { Case = c, Evidence = db.DvEvidence.Count(e => e.CaseId == c.Id) })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new DvCaseSummaryView(r.Case.Id, r.Case.BeatId, r.Case.DistrictId, r.Case.Source.ToString(), r.Case.State.ToString(),
            r.Case.DetectedOn, r.Case.AddressText, r.Case.IsRepeat, r.Evidence)).ToList();
    }

    /// <summary>One case, with the victim block only for those who may see it; every read is written to the personal-data log with its purpose.</summary>
    public async Task<DvCaseView?> ReadAsync(ClaimsPrincipal user, long id, string purpose, CancellationToken cancellationToken = default)
    {
        var (found, decision) = await FindAsync(user, id, tracked: false, cancellationToken);
        if (found is null) return null;
        var why = decision.ShowsVictim ? $"{purpose} (with victim data)" : purpose;
        await log.RecordReadAsync(PreventionScope.UserId(user), new PersonalRecord(RecordKind, id.ToString(CultureInfo.InvariantCulture)), Truncate(why, 200), cancellationToken);
        return await ViewAsync(found, decision.ShowsVictim, cancellationToken);
    }

    /// <summary>Who read the case, when and why, newest first: shown to the district's supervisor only (issue 17); null (not found) for anyone else.</summary>
    public async Task<IReadOnlyList<DvReadView>?> ReadsAsync(ClaimsPrincipal user, long id, CancellationToken cancellationToken = default)
    {
        var (found, _) = await FindAsync(user, id, tracked: false, cancellationToken);
        if (found is null || (await scope.ActorAsync(user, cancellationToken)).Kind != PreventionActorKind.Supervisor) return null;
        return (await log.HistoryAsync(new PersonalRecord(RecordKind, id.ToString(CultureInfo.InvariantCulture)), cancellationToken: cancellationToken))
            .Select(r => new DvReadView(r.ReaderName, r.Purpose, r.AtUtc)).ToList();
    }

    /// <summary>The beats the user may open a case on, with their district: his own for an inspector, the district's for district staff, all for an admin.</summary>
    public async Task<IReadOnlyList<(int BeatId, int DistrictId, string Label)>> BeatsToOpenOnAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var actor = await scope.ActorAsync(user, cancellationToken);
        var beats = db.Beats.AsNoTracking();
        switch (actor.Kind)
        {
            case PreventionActorKind.Admin: break;
            case PreventionActorKind.Inspector:
                var own = actor.BeatIds.ToList();
                beats = beats.Where(b => own.Contains(b.Id));
                break;
            case PreventionActorKind.Supervisor or PreventionActorKind.WomenProtectionOfficer when actor.DistrictId is { } district:
                beats = beats.Where(b => b.DistrictId == district);
                break;
            default: return [];
        }
        return (await beats.OrderBy(b => b.DistrictId).ThenBy(b => b.Number).Select(b => new { b.Id, b.DistrictId, b.Code, b.Name }).ToListAsync(cancellationToken))
            .Select(b => (b.Id, b.DistrictId, b.Name is null ? b.Code : $"{b.Code} {b.Name}")).ToList();
    }

    /// <summary>Whether the user holds a position that ever reads domestic-violence cases (a page shows "not found" otherwise).</summary>
    public async Task<bool> MayWorkOnCasesAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default) =>
        (await scope.ActorAsync(user, cancellationToken)).Kind is PreventionActorKind.Admin or PreventionActorKind.Inspector
            or PreventionActorKind.Supervisor or PreventionActorKind.WomenProtectionOfficer;

    /// <summary>
    /// For the district board: the district's open cases flagged as repeats, and the measures whose check is overdue
    /// (still in force, next check before today). The caller has already decided the reader may see the district.
    /// </summary>
    public async Task<DvBoardView> BoardAsync(int districtId, CancellationToken cancellationToken = default)
    {
        var today = Today;
        var repeats = await db.DvCases.AsNoTracking()
            .Where(c => c.DistrictId == districtId && c.IsRepeat && c.State != DvCaseState.Closed)
            .OrderByDescending(c => c.DetectedOn).ThenByDescending(c => c.Id).Take(200)
            .Select(c => new DvBoardCase(c.Id, c.BeatId, c.AddressText, c.DetectedOn, c.State.ToString()))
            .ToListAsync(cancellationToken);
        var overdue = await (from m in db.DvMeasures.AsNoTracking()
                             join c in db.DvCases on m.CaseId equals c.Id
                             join t in db.DvMeasureTypes on m.TypeId equals t.Id
                             where c.DistrictId == districtId && m.NextCheckDue < today && (m.Until == null || m.Until >= today)
                             orderby m.NextCheckDue, m.Id
                             select new { m.Id, m.CaseId, c.BeatId, t.NameKk, t.NameRu, t.NameEn, m.NextCheckDue })
            .Take(200).ToListAsync(cancellationToken);
        return new(repeats, overdue.Select(o => new DvBoardMeasure(o.Id, o.CaseId, o.BeatId, LocalizationSetup.Pick(o.NameKk, o.NameRu, o.NameEn), o.NextCheckDue)).ToList());
    }

    // ---------- opening ----------

    /// <summary>Opens a case on detection. The beat must be one the user may open on (else a field error on <c>beatId</c>); nothing from the victim is asked.</summary>
    public async Task<DvOutcome> OpenAsync(ClaimsPrincipal user, DvOpenRequest input, CancellationToken cancellationToken = default)
    {
        var actor = await scope.ActorAsync(user, cancellationToken);
        if (!await MayWorkOnCasesAsync(user, cancellationToken)) return DvOutcome.Missing();
        if (actor.Kind == PreventionActorKind.Admin) return DvOutcome.Denied();
        var errors = new FieldErrors();
        var source = Parse<DvSource>(input.Source);
        foreach (var error in DomesticViolenceCaseLifecycle.ValidateDetection(new DvDetectionInput(source, input.DetectedOn, input.Address, input.Summary), Today))
            Add(errors, error.Field, error.Problem);
        if (input.Address?.Trim().Length > MaxAddressLength) Add(errors, "address", PreventionProblem.TooLong);
        if (input.Summary?.Trim().Length > MaxLongText) Add(errors, "summary", PreventionProblem.TooLong);

        var beat = input.BeatId is { } beatId ? await db.Beats.AsNoTracking().Where(b => b.Id == beatId).Select(b => new { b.Id, b.DistrictId }).SingleOrDefaultAsync(cancellationToken) : null;
        if (input.BeatId is null) Add(errors, "beatId", PreventionProblem.Required);
        else if (beat is null || !PreventionAccess.Read(actor, new PreventionRecordScope(beat.Id, beat.DistrictId, DomesticViolenceCase: true)).Allowed)
            errors.Add("beatId", localizer["Dv.NotYourBeat"]);

        if (source == DvSource.Appeal)
        {
            if (input.AppealId is not { } appealId) Add(errors, "appealId", PreventionProblem.Required);
            else if (!await db.Appeals.AnyAsync(a => a.Id == appealId && (beat == null || a.DistrictId == beat.DistrictId), cancellationToken)) Add(errors, "appealId", PreventionProblem.Invalid);
        }
        if (source == DvSource.AnonymousTip)
        {
            if (input.TipId is not { } tipId) Add(errors, "tipId", PreventionProblem.Required);
            else if (!await db.Tips.AnyAsync(t => t.Id == tipId && (beat == null || t.DistrictId == beat.DistrictId), cancellationToken)) Add(errors, "tipId", PreventionProblem.Invalid);
        }
        if (input.OffenderEntryId is { } offender && beat is not null && !await OffenderInReachAsync(actor, offender, cancellationToken))
            Add(errors, "offenderEntryId", PreventionProblem.Invalid);
        if (errors.Count > 0) return DvOutcome.Refused(errors);

        var address = input.Address!.Trim();
        var created = new DvCase
        {
            BeatId = beat!.Id, DistrictId = beat.DistrictId, Source = source!.Value,
            AppealId = source == DvSource.Appeal ? input.AppealId : null, TipId = source == DvSource.AnonymousTip ? input.TipId : null,
            DetectedOn = input.DetectedOn!.Value, AddressText = address, AddressKey = AddressKey(address),
            ProtectedSummary = protection.ProtectText(input.Summary!.Trim()), State = DvCaseState.Detected,
            OffenderEntryId = input.OffenderEntryId, VictimChannel = DvContactChannel.None,
            CreatedByUserId = PreventionScope.UserId(user), CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        await FlagRepeatAsync(created, cancellationToken);
        db.DvCases.Add(created);
        await db.SaveChangesAsync(cancellationToken);
        return DvOutcome.Done(await ViewAsync(created, PreventionAccess.Read(actor, Scope(created)).ShowsVictim, cancellationToken));
    }

    // ---------- evidence and steps ----------

    public async Task<DvOutcome> AddEvidenceAsync(ClaimsPrincipal user, long id, DvEvidenceRequest input, CancellationToken cancellationToken = default)
    {
        var (found, decision) = await FindAsync(user, id, tracked: true, cancellationToken);
        if (found is null) return DvOutcome.Missing();
        if (user.IsInRole(Roles.Admin) && !VictimOnly(nameof(AddEvidenceAsync))) return DvOutcome.Denied();
        var now = clock.GetUtcNow();
        var item = new DvEvidenceInput(Parse<DvEvidenceKind>(input.Kind), input.PersonName, input.Contact, input.Text, input.Sha256, input.RecordedAt, input.Source);
        var errors = new FieldErrors();
        foreach (var error in DomesticViolenceCaseLifecycle.ValidateEvidence(item, now)) Add(errors, error.Field, error.Problem);
        foreach (var (field, value, max) in new[] { ("personName", input.PersonName, MaxShortText), ("contact", input.Contact, MaxShortText), ("text", input.Text, MaxLongText), ("source", input.Source, MaxShortText) })
            if (value?.Trim().Length > max) Add(errors, field, PreventionProblem.TooLong);
        if (errors.Count > 0) return DvOutcome.Refused(errors);

        var step = DomesticViolenceCaseLifecycle.Decide(Facts(found, await EvidenceCountAsync(id, cancellationToken)), DvCaseAction.AddEvidence, new(), Today);
        if (!step.Allowed)
        {
            errors.Add("action", Refusal(step.Refusal));
            return DvOutcome.Refused(errors);
        }
        var statement = item.Kind is DvEvidenceKind.WitnessStatement or DvEvidenceKind.NeighbourStatement;
        db.DvEvidence.Add(new DvEvidence
        {
            CaseId = id, Kind = item.Kind!.Value,
            ProtectedPersonName = statement ? protection.ProtectTextOrNull(input.PersonName) : null,
            ProtectedContact = statement ? protection.ProtectTextOrNull(input.Contact) : null,
            ProtectedText = statement ? protection.ProtectTextOrNull(input.Text) : null,
            Sha256 = statement ? null : input.Sha256!.Trim().ToLowerInvariant(),
            RecordedAtUtc = statement ? null : input.RecordedAt!.Value.UtcDateTime,
            Source = statement ? null : input.Source!.Trim(),
            ByUserId = PreventionScope.UserId(user), AtUtc = now.UtcDateTime,
        });
        found.State = step.To;
        return await SaveAsync(found, decision.ShowsVictim, cancellationToken);
    }

    /// <summary>A step of the case (protocol, court, decision, close), refused in the user's language when out of order or with no evidence item.</summary>
    public async Task<DvOutcome> StepAsync(ClaimsPrincipal user, long id, DvStepRequest input, CancellationToken cancellationToken = default)
    {
        var (found, decision) = await FindAsync(user, id, tracked: true, cancellationToken);
        if (found is null) return DvOutcome.Missing();
        if (user.IsInRole(Roles.Admin) && !VictimOnly(nameof(StepAsync))) return DvOutcome.Denied();
        var errors = new FieldErrors();
        var action = Parse<DvCaseAction>(input.Action);
        if (action is null) Add(errors, "action", PreventionProblem.Required);
        else if (!Enum.IsDefined(action.Value) || action == DvCaseAction.AddEvidence) Add(errors, "action", PreventionProblem.Invalid);
        var outcome = Parse<DvCourtOutcome>(input.Outcome);
        if (outcome is { } o && !Enum.IsDefined(o)) Add(errors, "outcome", PreventionProblem.Invalid);
        if (input.ProtocolNumber?.Trim().Length > MaxShortText) Add(errors, "protocolNumber", PreventionProblem.TooLong);
        if (errors.Count > 0) return DvOutcome.Refused(errors);

        var step = DomesticViolenceCaseLifecycle.Decide(Facts(found, await EvidenceCountAsync(id, cancellationToken)), action!.Value,
            new DvCaseInput(input.Date, input.ProtocolNumber?.Trim(), outcome), Today);
        if (!step.Allowed)
        {
            errors.Add(step.Refusal switch
            {
                DvCaseRefusal.DateRequired or DvCaseRefusal.DateInFuture or DvCaseRefusal.DateOutOfOrder => "date",
                DvCaseRefusal.ProtocolNumberRequired => "protocolNumber",
                DvCaseRefusal.OutcomeRequired => "outcome",
                _ => "action",
            }, Refusal(step.Refusal));
            return DvOutcome.Refused(errors);
        }
        var effects = step.Effects;
        if (effects.RecordsProtocol) { found.ProtocolOn = input.Date; found.ProtocolNumber = input.ProtocolNumber!.Trim(); }
        if (effects.RecordsSentToCourt) found.SentToCourtOn = input.Date;
        if (effects.RecordsCourtDecision) { found.CourtDecidedOn = input.Date; found.CourtOutcome = outcome; }
        if (effects.Closes) found.ClosedOn = Today;
        found.State = step.To;
        return await SaveAsync(found, decision.ShowsVictim, cancellationToken);
    }

    /// <summary>Links the offender's file on the preventive register (its plan carries the follow-up visits), or unlinks it.</summary>
    public async Task<DvOutcome> SetOffenderAsync(ClaimsPrincipal user, long id, DvOffenderRequest input, CancellationToken cancellationToken = default)
    {
        var (found, decision) = await FindAsync(user, id, tracked: true, cancellationToken);
        if (found is null) return DvOutcome.Missing();
        if (user.IsInRole(Roles.Admin) && !VictimOnly(nameof(SetOffenderAsync))) return DvOutcome.Denied();
        var actor = await scope.ActorAsync(user, cancellationToken);
        if (input.EntryId is { } entry && !await OffenderInReachAsync(actor, entry, cancellationToken))
        {
            var errors = new FieldErrors();
            Add(errors, "entryId", PreventionProblem.Invalid);
            return DvOutcome.Refused(errors);
        }
        found.OffenderEntryId = input.EntryId;
        await FlagRepeatAsync(found, cancellationToken);
        return await SaveAsync(found, decision.ShowsVictim, cancellationToken);
    }

    // ---------- the victim ----------

    /// <summary>Sets the victim's identity, address, contacts and chosen channel; not found for whoever may not see them.</summary>
    public async Task<DvOutcome> SetVictimAsync(ClaimsPrincipal user, long id, DvVictimRequest input, CancellationToken cancellationToken = default)
    {
        var (found, decision) = await FindAsync(user, id, tracked: true, cancellationToken);
        if (found is null || !decision.ShowsVictim) return DvOutcome.Missing();
        var errors = new FieldErrors();
        var channel = Parse<DvContactChannel>(input.Channel) ?? DvContactChannel.None;
        if (!Enum.IsDefined(channel)) Add(errors, "channel", PreventionProblem.Invalid);
        foreach (var (field, value) in new[] { ("name", input.Name), ("address", input.Address), ("phone", input.Phone), ("email", input.Email) })
            if (value?.Trim().Length > MaxShortText) Add(errors, field, PreventionProblem.TooLong);
        var phone = input.Phone?.Trim();
        var email = input.Email?.Trim();
        if (!string.IsNullOrEmpty(phone) && !IsPhone(phone)) Add(errors, "phone", PreventionProblem.Invalid);
        if (!string.IsNullOrEmpty(email) && !IsEmail(email)) Add(errors, "email", PreventionProblem.Invalid);
        if (channel == DvContactChannel.Sms && string.IsNullOrEmpty(phone)) Add(errors, "phone", PreventionProblem.Required);
        if (channel == DvContactChannel.Email && string.IsNullOrEmpty(email)) Add(errors, "email", PreventionProblem.Required);
        if (errors.Count > 0) return DvOutcome.Refused(errors);

        found.ProtectedVictimName = protection.ProtectTextOrNull(input.Name);
        found.VictimKey = string.IsNullOrWhiteSpace(input.Name) ? null : await PersonKeyAsync(input.Name, cancellationToken);
        found.ProtectedVictimAddress = protection.ProtectTextOrNull(input.Address);
        found.ProtectedVictimPhone = protection.ProtectTextOrNull(phone);
        found.ProtectedVictimEmail = protection.ProtectTextOrNull(email);
        found.VictimChannel = channel;
        await FlagRepeatAsync(found, cancellationToken);
        return await SaveAsync(found, true, cancellationToken);
    }

    /// <summary>
    /// Sends a message to the victim, only by the channel she chose and only in neutral words (<see cref="NeutralWording"/>):
    /// the template's subject is neutral and the text is checked. The offender has no contact in the case: nothing can go to him.
    /// </summary>
    public async Task<DvOutcome> MessageVictimAsync(ClaimsPrincipal user, long id, DvMessageRequest input, CancellationToken cancellationToken = default)
    {
        var (found, decision) = await FindAsync(user, id, tracked: false, cancellationToken);
        if (found is null || !decision.ShowsVictim) return DvOutcome.Missing();
        var errors = new FieldErrors();
        var text = input.Text?.Trim();
        if (string.IsNullOrEmpty(text)) Add(errors, "text", PreventionProblem.Required);
        else if (text.Length > MaxMessageLength) Add(errors, "text", PreventionProblem.TooLong);
        else if (NeutralWording.Check(text) is { IsNeutral: false } check)
            errors.Add("text", localizer["Dv.NotNeutral", string.Join(", ", check.Words.Distinct())]);
        var recipient = found.VictimChannel switch
        {
            DvContactChannel.Sms => protection.UnprotectText(found.ProtectedVictimPhone),
            DvContactChannel.Email => protection.UnprotectText(found.ProtectedVictimEmail),
            _ => null,
        };
        if (string.IsNullOrEmpty(recipient)) errors.Add("channel", localizer["Dv.NoChannel"]);
        if (errors.Count > 0) return DvOutcome.Refused(errors);

        await outbox.EnqueueAsync(new Notification(
            found.VictimChannel == DvContactChannel.Sms ? NotificationChannel.Sms : NotificationChannel.Email, recipient!, LocalizationSetup.CurrentLanguage,
            MessageTemplate, new Dictionary<string, string> { ["text"] = text! }, $"dv-message:{id}:{Guid.NewGuid():N}", Topic: $"dv-case:{id}"), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return DvOutcome.Done(await ViewAsync(found, true, cancellationToken));
    }

    /// <summary>Records a referral to a support organisation, by its name until partner bodies exist; refused unless her consent is recorded with its date.</summary>
    public async Task<DvOutcome> ReferAsync(ClaimsPrincipal user, long id, DvReferralRequest input, CancellationToken cancellationToken = default)
    {
        var (found, decision) = await FindAsync(user, id, tracked: true, cancellationToken);
        if (found is null || !decision.ShowsVictim) return DvOutcome.Missing();
        var errors = new FieldErrors();
        if (!input.Consent) errors.Add("consent", localizer["Dv.ConsentRequired"]);
        if (input.ConsentOn is not { } consentOn) Add(errors, "consentOn", PreventionProblem.Required);
        else if (consentOn > Today) Add(errors, "consentOn", PreventionProblem.InFuture);
        if (string.IsNullOrWhiteSpace(input.Organisation)) Add(errors, "organisation", PreventionProblem.Required);
        else if (input.Organisation.Trim().Length > MaxShortText) Add(errors, "organisation", PreventionProblem.TooLong);
        if (errors.Count > 0) return DvOutcome.Refused(errors);
        found.ReferralConsentOn = input.ConsentOn;
        found.ReferralOrganisation = input.Organisation!.Trim();
        found.ReferredOn = Today;
        return await SaveAsync(found, true, cancellationToken);
    }

    // ---------- measures ----------

    public async Task<DvOutcome> AddMeasureAsync(ClaimsPrincipal user, long id, DvMeasureRequest input, CancellationToken cancellationToken = default)
    {
        var (found, decision) = await FindAsync(user, id, tracked: true, cancellationToken);
        if (found is null) return DvOutcome.Missing();
        if (user.IsInRole(Roles.Admin) && !VictimOnly(nameof(AddMeasureAsync))) return DvOutcome.Denied();
        if (user.IsInRole(Roles.Admin) && !VictimOnly(nameof(ReferAsync))) return DvOutcome.Denied();
        if (user.IsInRole(Roles.Admin) && !VictimOnly(nameof(MessageVictimAsync))) return DvOutcome.Denied();
        if (user.IsInRole(Roles.Admin) && !VictimOnly(nameof(SetVictimAsync))) return DvOutcome.Denied();
        var errors = new FieldErrors();
        var type = input.TypeId is { } typeId ? await db.DvMeasureTypes.AsNoTracking().SingleOrDefaultAsync(t => t.Id == typeId && t.IsActive, cancellationToken) : null;
        if (input.TypeId is null) Add(errors, "typeId", PreventionProblem.Required);
        else if (type is null) Add(errors, "typeId", PreventionProblem.Invalid);
        if (input.From is null) Add(errors, "from", PreventionProblem.Required);
        else if (input.Until is { } until && until < input.From) Add(errors, "until", PreventionProblem.BeforeStart);
        if (errors.Count > 0) return DvOutcome.Refused(errors);
        db.DvMeasures.Add(new DvMeasure
        {
            CaseId = id, TypeId = type!.Id, From = input.From!.Value, Until = input.Until, NextCheckDue = type.CheckInterval.AddTo(input.From.Value),
            ByUserId = PreventionScope.UserId(user), AtUtc = clock.GetUtcNow().UtcDateTime,
        });
        return await SaveAsync(found, decision.ShowsVictim, cancellationToken);
    }

    /// <summary>Records a check of a measure: the next falls one check interval after it.</summary>
    public async Task<DvOutcome> CheckMeasureAsync(ClaimsPrincipal user, long id, long measureId, DvMeasureCheckRequest input, CancellationToken cancellationToken = default)
    {
        var (found, decision) = await FindAsync(user, id, tracked: true, cancellationToken);
        if (found is null) return DvOutcome.Missing();
        if (user.IsInRole(Roles.Admin) && !VictimOnly(nameof(CheckMeasureAsync))) return DvOutcome.Denied();
        var measure = await db.DvMeasures.SingleOrDefaultAsync(m => m.Id == measureId && m.CaseId == id, cancellationToken);
        if (measure is null) return DvOutcome.Missing();
        var errors = new FieldErrors();
        if (input.Date is not { } date) Add(errors, "date", PreventionProblem.Required);
        else if (date > Today) Add(errors, "date", PreventionProblem.InFuture);
        else if (date < measure.From) Add(errors, "date", PreventionProblem.BeforeStart);
        if (errors.Count > 0) return DvOutcome.Refused(errors);
        var type = await db.DvMeasureTypes.AsNoTracking().SingleAsync(t => t.Id == measure.TypeId, cancellationToken);
        measure.NextCheckDue = type.CheckInterval.AddTo(input.Date!.Value);
        return await SaveAsync(found, decision.ShowsVictim, cancellationToken);
    }

    public async Task<IReadOnlyList<DvMeasureTypeView>> MeasureTypesAsync(CancellationToken cancellationToken = default) =>
        (await db.DvMeasureTypes.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken)).Select(TypeView).ToList();

    /// <summary>Adds a measure type (id null) or changes one; null value and no errors when the id names none.</summary>
    public async Task<(DvMeasureTypeView? Type, FieldErrors Errors)> SaveMeasureTypeAsync(int? id, DvMeasureTypeRequest input, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        foreach (var (field, value) in new[] { ("nameKk", input.NameKk), ("nameRu", input.NameRu), ("nameEn", input.NameEn) })
        {
            if (string.IsNullOrWhiteSpace(value)) Add(errors, field, PreventionProblem.Required);
            else if (value.Trim().Length > PreventionCategoryAdministration.MaxNameLength) Add(errors, field, PreventionProblem.TooLong);
        }
        if (string.IsNullOrWhiteSpace(input.LegalSource)) Add(errors, "legalSource", PreventionProblem.Required);
        else if (input.LegalSource.Trim().Length > PreventionCategoryValidator.MaxLegalBasisLength) Add(errors, "legalSource", PreventionProblem.TooLong);
        var interval = Period("checkInterval", input.CheckIntervalCount, input.CheckIntervalUnit, required: true, errors);
        DvMeasureType? record = null;
        if (id is { } existing)
        {
            record = await db.DvMeasureTypes.SingleOrDefaultAsync(t => t.Id == existing, cancellationToken);
            if (record is null) return (null, errors);
        }
        if (errors.Count > 0) return (null, errors);
        record ??= db.DvMeasureTypes.Add(new DvMeasureType { NameKk = "", NameRu = "", NameEn = "", LegalSource = "" }).Entity;
        record.NameKk = input.NameKk!.Trim();
        record.NameRu = input.NameRu!.Trim();
        record.NameEn = input.NameEn!.Trim();
        record.LegalSource = input.LegalSource!.Trim();
        record.CheckIntervalCount = interval!.Value.Count;
        record.CheckIntervalUnit = interval.Value.Unit;
        record.IsActive = input.IsActive;
        await db.SaveChangesAsync(cancellationToken);
        return (TypeView(record), errors);
    }

    // ---------- settings ----------

    public async Task<DvSettingsView> SettingsAsync(CancellationToken cancellationToken = default)
    {
        var row = await db.DvSettings.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        return new(row?.RepeatWindowCount, row?.RepeatWindowUnit?.ToString(), row?.RepeatWindowSource);
    }

    /// <summary>Sets the repeat window with its source text, or clears it (all empty): then every earlier case counts.</summary>
    public async Task<(DvSettingsView? Settings, FieldErrors Errors)> SaveSettingsAsync(ClaimsPrincipal user, DvSettingsRequest input, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var clearing = input.RepeatWindowCount is null && string.IsNullOrWhiteSpace(input.RepeatWindowUnit) && string.IsNullOrWhiteSpace(input.RepeatWindowSource);
        CalendarPeriod? window = null;
        if (!clearing)
        {
            window = Period("repeatWindow", input.RepeatWindowCount, input.RepeatWindowUnit, required: true, errors);
            if (string.IsNullOrWhiteSpace(input.RepeatWindowSource)) Add(errors, "repeatWindowSource", PreventionProblem.Required);
            else if (input.RepeatWindowSource.Trim().Length > PreventionCategoryValidator.MaxLegalBasisLength) Add(errors, "repeatWindowSource", PreventionProblem.TooLong);
        }
        if (errors.Count > 0) return (null, errors);
        var row = await db.DvSettings.OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken) ?? db.DvSettings.Add(new DvSettings()).Entity;
        row.RepeatWindowCount = window?.Count;
        row.RepeatWindowUnit = window?.Unit;
        row.RepeatWindowSource = clearing ? null : input.RepeatWindowSource!.Trim();
        row.ChangedAtUtc = clock.GetUtcNow().UtcDateTime;
        row.ChangedByUserId = PreventionScope.UserId(user);
        await db.SaveChangesAsync(cancellationToken);
        return (new(row.RepeatWindowCount, row.RepeatWindowUnit?.ToString(), row.RepeatWindowSource), errors);
    }

    // ---------- helpers ----------

    /// <summary>An address folded for comparison: lower case, Kazakh letters as their Russian look-alikes, punctuation as spaces, spaces collapsed.</summary>
    public static string AddressKey(string address)
    {
        var folded = AddressQuery.Normalize(address);
        var builder = new StringBuilder(folded.Length);
        foreach (var ch in folded) builder.Append(char.IsLetterOrDigit(ch) ? ch : ' ');
        return string.Join(' ', builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static PreventionRecordScope Scope(DvCase c) => new(c.BeatId, c.DistrictId, Juvenile: false, DomesticViolenceCase: true, HasVictimData: true);

    private async Task<(DvCase? Case, PreventionReadDecision Decision)> FindAsync(ClaimsPrincipal user, long id, bool tracked, CancellationToken cancellationToken)
    {
        var query = tracked ? db.DvCases : db.DvCases.AsNoTracking();
        var found = await query.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (found is null) return (null, PreventionReadDecision.NotFound);
        var decision = PreventionAccess.Read(await scope.ActorAsync(user, cancellationToken), Scope(found));
        return decision.Allowed ? (found, decision) : (null, decision);
    }

    private async Task<bool> OffenderInReachAsync(PreventionActor actor, long entryId, CancellationToken cancellationToken)
    {
        // The offender's file must be one the actor may read, in a category set up for DV offenders: a case cannot pull any other file's plan into view.
        var entry = await db.PreventionEntries.AsNoTracking().Where(e => e.Id == entryId)
            .Join(db.PreventionCategories, e => e.CategoryId, c => c.Id, (e, c) => new { e.BeatId, e.DistrictId, Category = c }).SingleOrDefaultAsync(cancellationToken);
        return entry is not null && entry.Category.DomesticViolenceOffender
            && PreventionAccess.Read(actor, PreventionRegister.Scope(entry.BeatId, entry.DistrictId, entry.Category)).Allowed;
    }

    /// <summary>The commands on the victim's data answer "not found" to whoever may not see her, the administrator too; they check that themselves.</summary>
    private static bool VictimOnly(string command) => command is nameof(SetVictimAsync) or nameof(MessageVictimAsync) or nameof(ReferAsync);

    private Task<int> EvidenceCountAsync(long id, CancellationToken cancellationToken) => db.DvEvidence.CountAsync(e => e.CaseId == id, cancellationToken);

    private static DvCaseFacts Facts(DvCase c, int evidence) => new(c.State, evidence, c.DetectedOn, c.SentToCourtOn);

    /// <summary>Flags the case as a repeat when an earlier (or, entered late, later) case was at the same address or between the same persons within the window.</summary>
    private async Task FlagRepeatAsync(DvCase current, CancellationToken cancellationToken)
    {
        var settings = await db.DvSettings.AsNoTracking().OrderBy(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        // No window set: every case counts, which the widest period the rules accept expresses.
        var window = settings is { RepeatWindowCount: { } count, RepeatWindowUnit: { } unit } ? new CalendarPeriod(count, unit) : new CalendarPeriod(CalendarPeriod.MaxYears, PeriodUnit.Years);
        var others = await db.DvCases.AsNoTracking()
            .Where(c => c.Id != current.Id && (c.AddressKey == current.AddressKey
                || (current.OffenderEntryId != null && c.OffenderEntryId == current.OffenderEntryId)
                || (current.VictimKey != null && c.VictimKey == current.VictimKey)))
            .Select(c => new DvCaseSighting(c.Id, c.DetectedOn, c.AddressKey, c.OffenderEntryId, c.VictimKey))
            .ToListAsync(cancellationToken);
        var matches = DomesticViolenceRepeat.Find(new DvCaseSighting(current.Id, current.DetectedOn, current.AddressKey, current.OffenderEntryId, current.VictimKey), others, window);
        current.IsRepeat = matches.Count > 0;
        current.RepeatOfCaseId = matches.Count > 0 ? matches[0].CaseId : null;
        current.RepeatReasons = matches.Aggregate(DvRepeatReason.None, (all, m) => all | m.Reasons);
    }

    /// <summary>A person as a number for <see cref="DomesticViolenceRepeat"/>: the keyed hash of the folded name, never the name.</summary>
    private async Task<long> PersonKeyAsync(string name, CancellationToken cancellationToken)
    {
        var hash = await hashes.HashAsync("dv-victim", PreventionDuplicates.NameKey(name), cancellationToken);
        // Negative, so it can never equal a register entry id on the other side of the pair.
        return -long.Parse(hash[..15], NumberStyles.HexNumber, CultureInfo.InvariantCulture) - 1;
    }

    private async Task<DvOutcome> SaveAsync(DvCase found, bool showsVictim, CancellationToken cancellationToken)
    {
        found.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else changed the case between our read and this write: nothing of ours is kept.
            db.ChangeTracker.Clear();
            return DvOutcome.Clash();
        }
        return DvOutcome.Done(await ViewAsync(found, showsVictim, cancellationToken));
    }

    private async Task<DvCaseView> ViewAsync(DvCase c, bool showsVictim, CancellationToken cancellationToken)
    {
        var evidence = await db.DvEvidence.AsNoTracking().Where(e => e.CaseId == c.Id).OrderBy(e => e.Id).ToListAsync(cancellationToken);
        var today = Today;
        var measures = await (from m in db.DvMeasures.AsNoTracking()
                              join t in db.DvMeasureTypes on m.TypeId equals t.Id
                              where m.CaseId == c.Id
                              orderby m.Id
                              select new { m, t.NameKk, t.NameRu, t.NameEn }).ToListAsync(cancellationToken);
        var reasons = Enum.GetValues<DvRepeatReason>().Where(r => r != DvRepeatReason.None && c.RepeatReasons.HasFlag(r)).Select(r => r.ToString()).ToList();
        // Repeats are found across the city, but the earlier case is named only within the district: its readers are not this case's.
        var repeatOf = c.RepeatOfCaseId is { } earlier && await db.DvCases.AnyAsync(x => x.Id == earlier && x.DistrictId == c.DistrictId, cancellationToken) ? earlier : (long?)null;
        return new DvCaseView(
            c.Id, c.BeatId, c.DistrictId, c.Source.ToString(), c.AppealId, c.TipId, c.DetectedOn, c.AddressText, protection.UnprotectText(c.ProtectedSummary) ?? "",
            c.State.ToString(), c.ProtocolOn, c.ProtocolNumber, c.SentToCourtOn, c.CourtDecidedOn, c.CourtOutcome?.ToString(), c.ClosedOn,
            c.OffenderEntryId, c.CourtOutcome == DvCourtOutcome.PenaltyImposed, new DvRepeatView(c.IsRepeat, repeatOf, reasons),
            DomesticViolenceCaseLifecycle.ActionsFrom(c.State).Select(a => a.ToString()).ToList(),
            evidence.Select(e => new DvEvidenceView(e.Id, e.Kind.ToString(), protection.UnprotectText(e.ProtectedPersonName), protection.UnprotectText(e.ProtectedContact),
                protection.UnprotectText(e.ProtectedText), e.Sha256, e.RecordedAtUtc, e.Source, e.AtUtc)).ToList(),
            measures.Select(x => new DvMeasureView(x.m.Id, x.m.TypeId, LocalizationSetup.Pick(x.NameKk, x.NameRu, x.NameEn), x.m.From, x.m.Until, x.m.NextCheckDue,
                x.m.NextCheckDue < today && (x.m.Until == null || x.m.Until >= today))).ToList(),
            showsVictim
                ? new DvVictimView(protection.UnprotectText(c.ProtectedVictimName), protection.UnprotectText(c.ProtectedVictimAddress), protection.UnprotectText(c.ProtectedVictimPhone),
                    protection.UnprotectText(c.ProtectedVictimEmail), c.VictimChannel.ToString(), c.ReferralConsentOn, c.ReferralOrganisation, c.ReferredOn)
                : null,
            c.CreatedAtUtc, c.Version, await FollowUpAsync(c.OffenderEntryId, today, cancellationToken));
    }

    /// <summary>The offender's follow-up visits, as his register file's plan has them: the next one due, and the overdue.</summary>
    private async Task<DvFollowUpView?> FollowUpAsync(long? offenderEntryId, DateOnly today, CancellationToken cancellationToken)
    {
        if (offenderEntryId is not { } entryId) return null;
        var open = await db.PreventionActions.AsNoTracking().Where(a => a.EntryId == entryId && a.DoneOn == null && a.CancelledAtUtc == null).Select(a => a.Due).ToListAsync(cancellationToken);
        return new DvFollowUpView(open.Count == 0 ? null : open.Min(), open.Count(d => d < today));
    }

    private static DvMeasureTypeView TypeView(DvMeasureType t) =>
        new(t.Id, t.NameKk, t.NameRu, t.NameEn, t.LegalSource, t.CheckIntervalCount, t.CheckIntervalUnit.ToString(), t.IsActive);

    private CalendarPeriod? Period(string field, int? count, string? unitName, bool required, FieldErrors errors)
    {
        var unit = PreventionCategoryAdministration.Unit(unitName);
        if (count is null || unit is null)
        {
            if (required) Add(errors, field, PreventionProblem.Required);
            return null;
        }
        if (!Enum.IsDefined(unit.Value)) { Add(errors, field, PreventionProblem.Invalid); return null; }
        var period = new CalendarPeriod(count.Value, unit.Value);
        if (!period.IsWithinBounds) { Add(errors, field, PreventionProblem.OutOfRange); return null; }
        return period;
    }

    /// <summary>An enum value by its name, any case; a name that is none becomes an undefined value the rules refuse as invalid.</summary>
    internal static T? Parse<T>(string? name) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        return Enum.TryParse<T>(name.Trim(), ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(name, out _) ? value : (T)(object)(-1);
    }

    private static bool IsPhone(string phone) => phone.Count(char.IsDigit) is >= 10 and <= 15 && phone.All(ch => char.IsDigit(ch) || ch is '+' or ' ' or '-' or '(' or ')');

    private static bool IsEmail(string email) => email.IndexOf('@') is > 0 and var at && at < email.Length - 3 && email.IndexOf('.', at) > at + 1 && !email.Any(char.IsWhiteSpace);

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..max];

    private string Refusal(DvCaseRefusal refusal) => localizer[$"Dv.Refusal.{refusal}"];

    private void Add(FieldErrors errors, string field, PreventionProblem problem) =>
        errors.Add(field, localizer[$"Prevention.Problem.{problem}", localizer[$"Dv.Field.{field}"].Value]);
}

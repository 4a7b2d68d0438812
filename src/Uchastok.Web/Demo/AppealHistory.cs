using Microsoft.AspNetCore.DataProtection;
using Uchastok.Rules.Appeals;
using Uchastok.Rules.Territory;
using Uchastok.Web.Appeals;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Territory;

namespace Uchastok.Web.Demo;

/// <summary>One of the demo residents' accounts, whose appeals the history writes by script so that the tour finds them.</summary>
internal sealed record DemoResident(string UserId, string Name, string Email);

/// <summary>How a scripted appeal of a demo resident ends up.</summary>
internal enum ScriptedEnd { Assigned, InWork, Answered }

/// <summary>An appeal the history writes on purpose: for a demo resident, with the end the tour needs.</summary>
internal sealed record ScriptedAppeal(
    DemoResident Resident, string Category, AppealKind Kind, string Language, int ReceivedDaysAgo, ScriptedEnd End,
    bool Late = false, bool Contest = false, bool Confirm = false, int? Rating = null, int? AnsweredDaysAgo = null);

/// <summary>
/// A year of appeals, each played through <see cref="AppealLifecycle"/> as the officers and
/// applicants of the demo would have acted on it: filed and routed, taken into work, answered on
/// time (most) or late (some), extended, forwarded, left without consideration, contested and
/// reviewed, confirmed or closed by the deadline job, and rated. Every step is decided by the same
/// rule the running app uses, on the day it happens, so a step the rule would refuse stops the
/// seeding instead of writing an impossible record. Nothing is sent: these are records of the past.
/// </summary>
internal sealed class AppealHistory(
    HistoryContext context, IReadOnlyDictionary<string, AppealCategory> categories, IDataProtector trackingTokens,
    Func<Address, string, string> addressLine)
{
    public const int Seed = 20260402;
    /// <summary>Appeals a month on an ordinary beat, and on the beats the demo shows off (enough for their reports to publish figures).</summary>
    private const double OrdinaryPerMonth = 0.6, ShowcasePerMonth = 12;
    /// <summary>Appeals a month per district filed without a place, for the duty list.</summary>
    private const double DutyPerMonth = 1.2;

    private readonly IReadOnlyDictionary<int, int> _heads = context.Districts.ToDictionary(d => d.Id, d => d.HeadOfficerId);
    private readonly double[] _categoryWeights = HistoryTexts.Categories.Select(c => (double)c.Weight).ToArray();

    public IReadOnlyList<Appeal> Generate(IReadOnlyList<ScriptedAppeal> scripted)
    {
        var random = new Random(Seed);
        var receipts = new List<(DateTime At, HistoryBeat? Beat, int DistrictId, ScriptedAppeal? Script)>();
        for (var month = new DateOnly(context.Start.Year, context.Start.Month, 1); month <= context.Today; month = month.AddMonths(1))
        {
            var last = month.AddMonths(1).AddDays(-1);
            var to = last < context.Today ? last : context.Today;
            var share = (to.DayNumber - month.DayNumber + 1) / (double)(last.DayNumber - month.DayNumber + 1);
            foreach (var beat in context.Beats)
            {
                // A beat shown off gets at least a steady stream: a month under five would be withheld from its report.
                var count = beat.Showcase ? Math.Max(random.Poisson(ShowcasePerMonth * share), (int)Math.Round(8 * share)) : random.Poisson(OrdinaryPerMonth * share * beat.Population / 4000.0);
                for (var i = 0; i < count; i++)
                    if (Receipt(random, month, to) is { } at) receipts.Add((at, beat, beat.DistrictId, null));
            }
            foreach (var district in context.Districts)
            {
                for (var i = random.Poisson(DutyPerMonth * share); i > 0; i--)
                    if (Receipt(random, month, to) is { } at) receipts.Add((at, null, district.Id, null));
            }
        }
        // The demo residents live on inspector1's beat, so that his queue and their pages meet.
        var showcase = context.Beats.First(b => b.Showcase && context.UserOf(b.InspectorId) is not null);
        foreach (var script in scripted)
        {
            var day = context.Today.AddDays(-script.ReceivedDaysAgo);
            receipts.Add((HistoryContext.At(day, 10 * 60 + random.Next(120)), showcase, showcase.DistrictId, script));
        }

        // Numbers follow the order of receipt, as filing gives them.
        return receipts.OrderBy(r => r.At).Select((r, index) => Tell(index, r.At, r.Beat, r.DistrictId, r.Script)).ToList();
    }

    /// <summary>A moment of receipt in the month up to <paramref name="to"/>: more on weekdays, between 08:00 and 22:00, never after now.</summary>
    private DateTime? Receipt(Random random, DateOnly from, DateOnly to)
    {
        var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).ToList();
        var day = days[random.Weighted(days.Select(d => d.DayOfWeek switch { DayOfWeek.Saturday => 0.5, DayOfWeek.Sunday => 0.35, _ => 1.0 }).ToList())];
        var minute = random.Next(8 * 60, 22 * 60);
        var at = HistoryContext.At(day, minute);
        return at < context.NowUtc ? at : null;
    }

    /// <summary>
    /// One appeal from receipt to where it stands now. Its draws come from its own generator, so
    /// an appeal whose story is cut short by "now" leaves the others as they would have been.
    /// </summary>
    private Appeal Tell(int index, DateTime receivedAtUtc, HistoryBeat? beat, int districtId, ScriptedAppeal? script)
    {
        var random = new Random(unchecked(Seed + (index + 1) * 7919));
        var receivedOn = KazakhstanTime.LocalDate(receivedAtUtc);
        var texts = script is null ? HistoryTexts.Categories[random.Weighted(_categoryWeights)] : HistoryTexts.Categories.Single(c => c.Code == script.Category);
        var textIndex = random.Next(texts.Texts.Length);
        var kind = script?.Kind ?? (texts.KindPerText ? texts.Kinds[textIndex] : random.Pick(texts.Kinds));
        var language = script?.Language ?? random.Language();
        var text = texts.Texts[textIndex];
        // A complaint about an officer concerns the inspector of the beat where it happened; without a place it is about conduct in general.
        var aboutOfficer = texts.Code == "officer-conduct" && beat is not null;
        var address = beat is { Addresses.Count: > 0 } && random.Chance(0.8) ? random.Pick(beat.Addresses) : null;

        var route = AppealRouting.Route(new RoutingInput(
            beat is null ? null : new BeatAtPlace(beat.Id, beat.DistrictId, beat.InspectorId), districtId, aboutOfficer,
            aboutOfficer ? new ConcernedOfficer(beat!.InspectorId, beat.DistrictId, IsHeadOfDistrict: false) : null, _heads));
        var token = Secrets.New();
        var appeal = new Appeal
        {
            Number = string.Empty,
            Kind = kind,
            CategoryId = categories[texts.Code].Id,
            Text = text.In(language),
            Latitude = beat is null ? null : address?.Latitude ?? beat.CentreLatitude,
            Longitude = beat is null ? null : address?.Longitude ?? beat.CentreLongitude,
            AddressText = address is null ? null : addressLine(address, language),
            BeatId = beat?.Id,
            DistrictId = route.DistrictId,
            Queue = route.Queue,
            AssigneeOfficerId = route.AssigneeOfficerId,
            ConcernedOfficerId = aboutOfficer ? beat!.InspectorId : null,
            AboutPoliceOfficer = aboutOfficer,
            ApplicantUserId = script?.Resident.UserId,
            ApplicantName = script?.Resident.Name ?? Name(random),
            ApplicantEmail = script?.Resident.Email,
            Language = language,
            // A real token, as filing makes one: nobody holds it, and a guessable one would open the appeal to anyone.
            TrackingTokenHash = Secrets.Hash(token),
            ProtectedTrackingToken = trackingTokens.Protect(token),
            State = AppealState.Registered,
            ReceivedAtUtc = receivedAtUtc,
            ReceivedOn = receivedOn,
            DueDate = context.Policy.DueDate(kind, receivedOn, context.Calendar),
            Channel = random.Chance(0.15) ? AppealChannel.Api : AppealChannel.Site,
            PublishConsent = random.Chance(0.35),
        };
        appeal.Events.Add(new AppealEvent
        {
            AtUtc = receivedAtUtc, Kind = AppealEventKind.Filed, ToState = AppealState.Registered, ActorUserId = appeal.ApplicantUserId, DueDate = appeal.DueDate, IsPublic = true,
        });
        if (route.AssigneeOfficerId is { } routed)
        {
            // Routing assigns on receipt, as filing does: no version step, the system acting.
            appeal.State = AppealState.Assigned;
            appeal.Events.Add(new AppealEvent
            {
                AtUtc = receivedAtUtc, Kind = AppealEventKind.Transition, Action = AppealAction.Assign, FromState = AppealState.Registered,
                ToState = AppealState.Assigned, AssigneeOfficerId = routed, DueDate = appeal.DueDate, IsPublic = true,
            });
        }

        var play = new Steps(context, appeal, random, _heads);
        Story(play, appeal, random, beat, texts, language, script);
        Settle(appeal, random, script is not null);
        return appeal;
    }

    private void Story(Steps play, Appeal appeal, Random random, HistoryBeat? beat, CategoryTexts texts, string language, ScriptedAppeal? script)
    {
        var calendar = context.Calendar;
        var head = _heads[appeal.DistrictId!.Value];
        var receivedOn = appeal.ReceivedOn;
        if (appeal.AssigneeOfficerId is null)
        {
            // The duty list: the head of the district service gives it to one of his inspectors within two working days.
            var inspector = random.Pick(context.Beats.Where(b => b.DistrictId == appeal.DistrictId).ToList()).InspectorId;
            if (!play.Do(AppealAction.Assign, AppealActor.Supervisor, play.Office(calendar.AddWorkingDays(receivedOn, random.Next(0, 3))), new(AssigneeOfficerId: inspector), head)) return;
        }
        var assignee = appeal.AssigneeOfficerId!.Value;
        if (script?.End == ScriptedEnd.Assigned) return;

        var draw = random.NextDouble();
        if (script is null && !appeal.AboutPoliceOfficer && draw < 0.035)
        {
            play.Do(AppealAction.LeaveWithoutConsideration, AppealActor.Assignee, play.Office(calendar.AddWorkingDays(receivedOn, random.Next(1, 6))),
                new(Reason: random.Pick(HistoryTexts.LeaveReasons).In(language)), assignee);
            return;
        }
        if (script is null && !appeal.AboutPoliceOfficer && draw < 0.075)
        {
            // Forwarding is possible only within three working days of receipt; a story that reaches the office later is answered instead.
            var at = play.Office(calendar.AddWorkingDays(receivedOn, random.Next(1, 4)));
            if (KazakhstanTime.LocalDate(at) <= context.Policy.ForwardDeadline(receivedOn, calendar))
            {
                var (body, reason) = HistoryTexts.ForwardFor(texts.Code);
                play.Do(AppealAction.Forward, AppealActor.Assignee, at, new(Reason: reason.In(language), ForwardTo: body.In(language)), assignee);
                return;
            }
        }

        if (!play.Do(AppealAction.Start, AppealActor.Assignee, play.Office(calendar.AddWorkingDays(receivedOn, random.Next(0, 3))), new(), assignee)) return;
        if (random.Chance(beat?.Showcase == true ? 0.3 : 0.08))
            play.Note(play.Cursor.AddHours(random.Next(1, 5)), assignee, random.Pick(HistoryTexts.Notes).In(language));
        if (script?.End == ScriptedEnd.InWork) return;

        var late = script?.Late ?? random.Chance(beat?.Showcase == true ? 0.05 : 0.1);
        if (script is null && !late && random.Chance(0.06))
        {
            // The head extends the term a few working days before it runs out, by a reasoned decision, within two months of receipt.
            var newDue = Min(calendar.AddWorkingDays(appeal.DueDate, random.Next(8, 20)), context.Policy.ExtensionCap(receivedOn, calendar));
            var on = WorkingDaysBefore(appeal.DueDate, random.Next(1, 4));
            if (newDue > appeal.DueDate && !play.Do(AppealAction.Extend, AppealActor.Supervisor, play.Office(on), new(Reason: random.Pick(HistoryTexts.ExtensionReasons).In(language), NewDueDate: newDue), head)) return;
        }

        DateOnly answerOn;
        if (script?.AnsweredDaysAgo is { } ago) answerOn = LastWorkingDayOnOrBefore(context.Today.AddDays(-ago));
        else if (late) answerOn = calendar.AddWorkingDays(appeal.DueDate, random.Next(1, 8));
        else
        {
            // Most answers come well before the term runs out.
            var term = Math.Max(1, calendar.WorkingDaysBetween(receivedOn, appeal.DueDate));
            answerOn = calendar.AddWorkingDays(receivedOn, Math.Clamp((int)Math.Ceiling(term * (0.2 + 0.8 * Math.Pow(random.NextDouble(), 1.5))), 1, term));
        }
        var upheld = appeal.AboutPoliceOfficer ? random.Chance(0.25) : (bool?)null;
        if (!play.Do(AppealAction.Answer, AppealActor.Assignee, play.Office(answerOn), new(AnswerText: texts.Answer.In(language), ComplaintUpheld: upheld), assignee)) return;

        var contest = script?.Contest ?? random.Chance(appeal.AboutPoliceOfficer ? 0.08 : 0.035);
        if (contest)
        {
            var contestOn = appeal.AnsweredOn!.Value.AddDays(random.Next(1, 10));
            if (!play.Do(AppealAction.Contest, AppealActor.Applicant, play.Evening(contestOn), new(Reason: random.Pick(HistoryTexts.ContestReasons).In(language)), null)) return;
            // The head of the district service reviews it in the fresh term of a complaint.
            var reviewer = appeal.AssigneeOfficerId!.Value;
            if (!play.Do(AppealAction.Start, AppealActor.Assignee, play.Office(calendar.AddWorkingDays(contestOn, random.Next(0, 2))), new(), reviewer)) return;
            var reviewedUpheld = appeal.AboutPoliceOfficer ? random.Chance(0.4) : (bool?)null;
            if (!play.Do(AppealAction.Answer, AppealActor.Assignee, play.Office(calendar.AddWorkingDays(contestOn, random.Next(4, 13))),
                new(AnswerText: HistoryTexts.ReviewedAnswer.In(language), ComplaintUpheld: reviewedUpheld), reviewer)) return;
        }

        var confirm = script?.Confirm ?? random.Chance(0.3);
        var rating = script is null ? (random.Chance(beat?.Showcase == true ? 0.7 : 0.55) ? Stars(random, late || appeal.DecidedOn > appeal.DueDate, appeal.Contested) : (int?)null) : script.Rating;
        var answeredAt = appeal.AnsweredAtUtc!.Value;
        var ratedAt = answeredAt.AddHours(random.Next(1, 6 * 24));
        var closeAt = confirm ? play.Evening(appeal.AnsweredOn!.Value.AddDays(random.Next(0, 10))) : AutoCloseMoment(appeal.AnsweredOn!.Value);
        if (rating is { } stars && ratedAt < context.NowUtc)
            play.Rate(ratedAt, stars, late || appeal.DecidedOn > appeal.DueDate, random, closeAt <= ratedAt ? AppealState.Closed : AppealState.Answered);
        if (confirm) play.Do(AppealAction.Confirm, AppealActor.Applicant, closeAt, new(), null);
        // Left unconfirmed, the deadline job closes it on its first pass of the eleventh day after the answer.
        else play.Do(AppealAction.AutoClose, AppealActor.System, closeAt, new(), null);
    }

    /// <summary>
    /// What the deadline job would have recorded, and the applicant's contacts. A reminder and an
    /// escalation count as already sent for the due dates they concern, so that the first pass of
    /// the job sends nothing about the past.
    /// </summary>
    private void Settle(Appeal appeal, Random random, bool scripted)
    {
        var open = AppealLifecycle.IsOpen(appeal.State);
        var openUntil = appeal.DecidedOn ?? context.Today;
        if (appeal.AssigneeOfficerId is not null && context.Policy.ReminderDate(appeal.DueDate, context.Calendar) is var reminder && reminder <= openUntil && reminder <= context.Today)
            appeal.RemindedForDue = appeal.DueDate;
        if ((open && appeal.DueDate < context.Today) || (appeal.DecidedOn is { } decided && decided > appeal.DueDate))
            appeal.EscalatedForDue = appeal.DueDate;
        if (scripted) return;

        // Fictional people get obviously fictional contacts: +7 700 000 xx xx and the reserved example.com.
        // One whose appeal is still moving has a phone only, so whatever the app sends later goes by SMS, which only the sink receives.
        appeal.ApplicantPhone = $"+7700000{random.Next(10_000):0000}";
        var moving = open || appeal.State == AppealState.Answered;
        if (!moving && random.Chance(0.4))
        {
            var given = new string(Transliteration.ToLatin(appeal.ApplicantName.Split(' ')[0]).ToLowerInvariant().Where(char.IsAsciiLetterLower).ToArray());
            appeal.ApplicantEmail = $"{(given.Length == 0 ? "resident" : given)}.{random.Next(100, 1000)}@example.com";
            if (random.Chance(0.5)) appeal.ApplicantPhone = null;
        }
    }

    private static string Name(Random random)
    {
        var woman = random.Chance(0.5);
        if (random.Chance(0.65))
            return $"{random.Pick(woman ? HistoryTexts.KazakhWomen : HistoryTexts.KazakhMen)} {random.Pick(HistoryTexts.KazakhSurnames)}{(woman ? "а" : "")}";
        var surname = random.Chance(0.2) ? random.Pick(HistoryTexts.GenderlessSurnames) : random.Pick(HistoryTexts.RussianSurnames) + (woman ? "а" : "");
        return $"{random.Pick(woman ? HistoryTexts.RussianWomen : HistoryTexts.RussianMen)} {surname}";
    }

    /// <summary>Stars of the overall rating: mostly good for an answer on time, spread for a late one, poor after a contested one.</summary>
    private static int Stars(Random random, bool late, bool contested) => 1 + random.Weighted(
        contested ? [0.3, 0.3, 0.2, 0.15, 0.05] : late ? [0.15, 0.2, 0.3, 0.2, 0.15] : [0.03, 0.05, 0.14, 0.36, 0.42]);

    /// <summary>The deadline job closes answers left unconfirmed for ten days: its first pass of the eleventh day.</summary>
    private static DateTime AutoCloseMoment(DateOnly answeredOn) => HistoryContext.At(answeredOn.AddDays(11), 0);

    private DateOnly WorkingDaysBefore(DateOnly day, int count)
    {
        while (count > 0)
        {
            day = day.AddDays(-1);
            if (context.Calendar.IsWorkingDay(day)) count--;
        }
        return day;
    }

    private DateOnly LastWorkingDayOnOrBefore(DateOnly day)
    {
        while (!context.Calendar.IsWorkingDay(day)) day = day.AddDays(-1);
        return day;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>
    /// Plays the steps of one appeal in order, each decided by <see cref="AppealLifecycle.Decide"/>
    /// on its day and applied as <see cref="TransitionAppealCommand"/> applies it; a step at or
    /// after "now" is not played, and neither is anything after it.
    /// </summary>
    private sealed class Steps(HistoryContext context, Appeal appeal, Random random, IReadOnlyDictionary<int, int> heads)
    {
        public DateTime Cursor { get; private set; } = appeal.ReceivedAtUtc;

        /// <summary>Office hours of the working day on or after <paramref name="day"/>, and after the last step.</summary>
        public DateTime Office(DateOnly day)
        {
            var at = context.OfficeTime(day, random);
            while (at <= Cursor) at = context.OfficeTime(KazakhstanTime.LocalDate(at).AddDays(1), random);
            return at;
        }

        /// <summary>An evening of a day (applicants act after work), after the last step.</summary>
        public DateTime Evening(DateOnly day)
        {
            var at = HistoryContext.At(day, random.Next(18 * 60, 23 * 60));
            return at > Cursor ? at : Cursor.AddMinutes(random.Next(30, 180));
        }

        public bool Do(AppealAction action, AppealActor actor, DateTime at, TransitionInput input, int? officerId)
        {
            if (at <= Cursor) at = Cursor.AddMinutes(random.Next(10, 90));
            if (at >= context.NowUtc) return false;
            var today = KazakhstanTime.LocalDate(at);
            var facts = new AppealFacts(appeal.State, appeal.Kind, appeal.ReceivedOn, appeal.DueDate, appeal.AnsweredOn, appeal.Contested, appeal.Queue, appeal.AboutPoliceOfficer);
            var decision = AppealLifecycle.Decide(facts, action, actor, input, today, context.Calendar, context.Policy);
            if (!decision.Allowed)
                throw new InvalidOperationException($"Demo history: {action} by {actor} on {today} refused ({decision.Refusal}) for an appeal received {appeal.ReceivedOn} in state {appeal.State}.");

            var route = decision.Effects.RoutesForReview ? AppealRouting.ForReview(appeal.DistrictId, appeal.ConcernedOfficerId, heads) : decision.Effects.Reassign;
            var actorUserId = actor == AppealActor.Applicant ? appeal.ApplicantUserId : context.UserOf(officerId);
            var entry = TransitionAppealCommand.Record(appeal, action, decision, route, input, actorUserId, officerId, at, today);
            appeal.Events.Add(entry);
            Cursor = at;
            return true;
        }

        public void Note(DateTime at, int officerId, string text)
        {
            if (at >= context.NowUtc) return;
            appeal.Events.Add(new AppealEvent
            {
                AtUtc = at, Kind = AppealEventKind.InternalNote, ToState = appeal.State, ActorUserId = context.UserOf(officerId), ActorOfficerId = officerId, Text = text, IsPublic = false,
            });
            Cursor = at;
        }

        /// <summary>The applicant's rating (1–5 overall, each quality near it), credited to the officer who answered.</summary>
        public void Rate(DateTime at, int overall, bool late, Random draws, AppealState state)
        {
            int Near() => Math.Clamp(overall + draws.Weighted([0.2, 0.6, 0.2]) - 1, 1, 5);
            var comment = draws.Chance(0.25) ? overall >= 4 ? draws.Pick(HistoryTexts.PraiseComments) : overall <= 2 ? draws.Pick(HistoryTexts.CriticalComments) : null : null;
            appeal.Rating = new AppealRating
            {
                OfficerId = appeal.AnsweredByOfficerId, Overall = overall, Legality = Near(), Timeliness = late ? Math.Min(Near(), 3) : Near(), Quality = Near(),
                Politeness = Near(), Awareness = Near(), Comment = comment?.In(appeal.Language), AtUtc = at, RatedOn = KazakhstanTime.LocalDate(at),
            };
            appeal.Events.Add(new AppealEvent { AtUtc = at, Kind = AppealEventKind.Rated, ToState = state, ActorUserId = appeal.ApplicantUserId, IsPublic = true });
        }
    }
}

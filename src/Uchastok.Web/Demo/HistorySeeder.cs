using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.Appeals;
using Uchastok.Web.Appeals;
using Uchastok.Web.Calendar;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Territory;
using Uchastok.Web.Transparency;
using Uchastok.Web.Trust;

namespace Uchastok.Web.Demo;

/// <summary>What the demo history holds, as logged at first start.</summary>
public sealed record HistorySummary(
    int Appeals, int AppealEvents, int Ratings, int Tips, int SurveyPlaces, int SurveyResponses, int MeetingsHeld, int MeetingsAnnounced,
    int Priorities, int PrioritiesActedOn, int PreventiveActivities, int ReportsPublished, int ReportsDrafted, TimeSpan Elapsed, TimeSpan ProcessorTime);

/// <summary>
/// Gives a newly seeded demo city a year behind it, so that every page shows what it is for: the
/// four full quarters before the current one and the current one up to now, counted from the
/// clock at first start (<see cref="TimeProvider"/>), from fixed seeds — the same clock gives the
/// same history. Appeals go through their whole lifecycle and are rated; residents answer the
/// standard trust survey at QR places, by its link and after their answers; inspectors hold their
/// meetings, take on the priorities raised there and do preventive work; each ended quarter's
/// reports are drafted from these records and published, as the supervisors would have.
/// <para>
/// It runs once, when <see cref="DemoCitySeeder"/> has just made the city, in one transaction:
/// all or nothing. It sits above the modules, in the host, because it uses several of them. It
/// calls their commands where they do what the past needs — the survey and its places
/// (<see cref="SurveyAdministration"/>), anonymous tips (<see cref="SubmitTipCommand"/>,
/// <see cref="AppealAdministration.ReviewTipAsync"/>), appeal numbers
/// (<see cref="FileAppealCommand.TakeNumbersAsync"/>), the reports
/// (<see cref="QuarterlyReports.DraftAsync"/>, <see cref="QuarterlyReports.PublishAsync"/>) —
/// handing them a clock set to the moment in the past. Appeals, survey responses, meetings,
/// priorities and preventive work are written as entities through the shared context instead:
/// the commands stamp "now", refuse dates outside the open period, queue messages to the people
/// concerned, and would take minutes for thousands of records. <see cref="AppealHistory"/> plays
/// each appeal through the same lifecycle rule those commands use, so the records are ones they
/// could have written. Nothing is put in the outbox: no message is sent about the past.
/// </para>
/// </summary>
public sealed class HistorySeeder(IServiceProvider services, UchastokDbContext db, TimeProvider clock, ILogger<HistorySeeder> logger)
{
    /// <summary>Set to false (<c>Demo__History=false</c>) for a demo city without history; the tests' hosts do.</summary>
    public const string Setting = "Demo:History";

    public const int Seed = 20260406;
    /// <summary>The standard trust survey's code: its public link is /survey/trust.</summary>
    public const string SurveyCode = "trust";

    public static bool Enabled(IConfiguration configuration) => configuration.GetValue(Setting, true);

    public async Task<HistorySummary> SeedAsync(CancellationToken cancellationToken = default)
    {
        // Wall time and processor time, for the log: the clock may be a test's fake one that never moves, and a busy machine stretches wall time.
        var stopwatch = Stopwatch.StartNew();
        var processor = Process.GetCurrentProcess().TotalProcessorTime;
        var context = await ContextAsync(clock.GetUtcNow().UtcDateTime, cancellationToken);
        var people = await PeopleAsync(cancellationToken);
        var past = new HistoryClock(clock.GetUtcNow());
        var random = new Random(Seed);
        // Data Protection stores its first key through a context of its own: made inside this write transaction, it would wait on SQLite's lock.
        var trackingTokens = services.GetRequiredService<IDataProtectionProvider>().CreateProtector(AppealNotifier.TrackingTokenPurpose);
        _ = trackingTokens.Protect("key ring");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // SQLite's default page cache (2 MB) would spill to the log again and again under a hundred thousand new rows: 64 MB while seeding.
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size=-65536", cancellationToken);
        var (surveyId, questions, places) = await SurveyAsync(context, people, past, random, cancellationToken);
        var tips = await TipsAsync(context, people, past, random, cancellationToken);

        var appeals = await AppealsAsync(context, people, trackingTokens, cancellationToken);
        var responses = await ResponsesAsync(context, surveyId, questions, places, appeals, cancellationToken);
        var (meetings, activities) = await CommunityAsync(context, cancellationToken);
        var (published, drafted) = await ReportsAsync(context, people, past, random, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size=-2000", cancellationToken);

        var priorities = meetings.SelectMany(m => m.Priorities).ToList();
        var summary = new HistorySummary(
            appeals.Count, appeals.Sum(a => a.Events.Count), appeals.Count(a => a.Rating is not null), tips, places.Count, responses.Count,
            meetings.Count(m => m.Meeting.Status == Community.MeetingStatus.Held), meetings.Count(m => m.Meeting.Status == Community.MeetingStatus.Scheduled),
            priorities.Count, priorities.Count(p => p.Action is not null), activities.Count, published, drafted, stopwatch.Elapsed,
            Process.GetCurrentProcess().TotalProcessorTime - processor);
        logger.LogInformation(
            "Demo history seeded from {Start} to {Today}: {Appeals} appeals ({Events} steps, {Ratings} ratings), {Tips} tips, {Places} survey places, {Responses} survey responses, "
            + "{Held} meetings held and {Announced} announced, {Priorities} priorities ({Acted} acted on), {Activities} preventive activities, {Published} reports published and {Drafted} drafts, in {Elapsed} ({ProcessorTime} of processor time)",
            context.Start, context.Today, summary.Appeals, summary.AppealEvents, summary.Ratings, summary.Tips, summary.SurveyPlaces, summary.SurveyResponses,
            summary.MeetingsHeld, summary.MeetingsAnnounced, summary.Priorities, summary.PrioritiesActedOn, summary.PreventiveActivities, summary.ReportsPublished, summary.ReportsDrafted, summary.Elapsed, summary.ProcessorTime);
        return summary;
    }

    /// <summary>The demo accounts the history acts as: the administrator, the Almaly supervisor, and the two residents.</summary>
    private sealed record People(ClaimsPrincipal Admin, ClaimsPrincipal AlmalySupervisor, int AlmalyId, IReadOnlyList<DemoResident> Residents);

    private async Task<People> PeopleAsync(CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.Email != null && u.Email.EndsWith("@demo.kz"))
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.DistrictId, u.OfficerId }).ToDictionaryAsync(u => u.Email!, cancellationToken);
        var admin = users["admin@demo.kz"];
        var supervisor = users["supervisor.almaly@demo.kz"];
        var residents = new[] { "resident1@demo.kz", "resident2@demo.kz" }.Select(e => new DemoResident(users[e].Id, users[e].DisplayName, e)).ToList();
        return new People(Principal(admin.Id, Roles.Admin), Principal(supervisor.Id, Roles.Supervisor, supervisor.DistrictId, supervisor.OfficerId), supervisor.DistrictId!.Value, residents);
    }

    /// <summary>A signed-in staff member as the module commands check them: role and scope claims.</summary>
    private static ClaimsPrincipal Principal(string userId, string role, int? districtId = null, int? officerId = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, userId), new(ClaimTypes.Role, role) };
        if (districtId is { } district) claims.Add(new(ScopeClaims.DistrictId, district.ToString(CultureInfo.InvariantCulture)));
        if (officerId is { } officer) claims.Add(new(ScopeClaims.OfficerId, officer.ToString(CultureInfo.InvariantCulture)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "demo-history"));
    }

    /// <summary>
    /// The city as the history uses it. The beats shown off — with enough appeals, answers and
    /// meetings for their own figures to be published — are inspector1's beat in Almaly and the
    /// northernmost beat of every other district.
    /// </summary>
    private async Task<HistoryContext> ContextAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        var snapshot = await services.GetRequiredService<TerritorySnapshotCache>().GetAsync(cancellationToken);
        var heads = await db.Officers.AsNoTracking().Where(o => o.Position == OfficerPosition.HeadOfDistrictService)
            .GroupBy(o => o.DistrictId).Select(g => new { DistrictId = g.Key, Id = g.Min(o => o.Id) }).ToDictionaryAsync(h => h.DistrictId, h => h.Id, cancellationToken);
        var districts = (await db.Districts.AsNoTracking().OrderBy(d => d.Id).Select(d => new { d.Id, d.Code, d.Population }).ToListAsync(cancellationToken))
            .Where(d => heads.ContainsKey(d.Id)).Select(d => new HistoryDistrict(d.Id, d.Code, d.Population, heads[d.Id])).ToList();
        var beats = await db.Beats.AsNoTracking().Where(b => b.IsActive && b.InspectorId != null).OrderBy(b => b.DistrictId).ThenBy(b => b.Number)
            .Select(b => new { b.Id, b.Code, b.Number, b.DistrictId, b.Population, InspectorId = b.InspectorId!.Value, b.CentreLatitude, b.CentreLongitude, Point = b.ReceptionPoint == null ? (int?)null : b.ReceptionPoint.Number })
            .ToListAsync(cancellationToken);
        var addresses = await db.Addresses.AsNoTracking().Include(a => a.Street).OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var housesOf = addresses.Select(a => (Beat: snapshot.Locator.Locate(a.Longitude, a.Latitude), Address: a)).Where(x => x.Beat is not null)
            .GroupBy(x => x.Beat!.Value).ToDictionary(g => g.Key, g => (IReadOnlyList<Address>)g.Select(x => x.Address).ToList());
        var inspectorOne = snapshot.Locator.Locate(DemoCitySeeder.InspectorOneLongitude, DemoCitySeeder.InspectorOneLatitude);
        var shown = beats.Where(b => districts.Any(d => d.Id == b.DistrictId)).GroupBy(b => b.DistrictId)
            .Select(g => g.Any(b => b.Id == inspectorOne) ? inspectorOne!.Value : g.MinBy(b => b.Number)!.Id).ToHashSet();
        var staff = await db.Users.AsNoTracking().Where(u => u.OfficerId != null).OrderBy(u => u.Id).Select(u => new { OfficerId = u.OfficerId!.Value, u.Id }).ToListAsync(cancellationToken);

        return new HistoryContext
        {
            NowUtc = nowUtc,
            Districts = districts,
            Beats = beats.Where(b => heads.ContainsKey(b.DistrictId)).Select(b => new HistoryBeat(b.Id, b.Code, b.DistrictId, b.Population, b.InspectorId, b.CentreLatitude, b.CentreLongitude, b.Point,
                housesOf.GetValueOrDefault(b.Id) ?? [], shown.Contains(b.Id))).ToList(),
            Calendar = await services.GetRequiredService<WorkingCalendarProvider>().GetAsync(cancellationToken),
            Policy = await services.GetRequiredService<AppealCatalog>().PolicyAsync(cancellationToken),
            UserOfOfficer = staff.GroupBy(s => s.OfficerId).ToDictionary(g => g.Key, g => g.First().Id),
        };
    }

    /// <summary>
    /// The standard trust survey, open all year and sent after appeals, with QR places: the
    /// reception point and the notice board of each beat shown off, and two bus stops per district.
    /// Made through <see cref="SurveyAdministration"/>, three weeks before the history starts.
    /// </summary>
    private async Task<(int SurveyId, IReadOnlyList<SurveyQuestion> Questions, IReadOnlyList<HistoryPlace> Places)> SurveyAsync(
        HistoryContext context, People people, HistoryClock past, Random random, CancellationToken cancellationToken)
    {
        past.Now = new DateTimeOffset(HistoryContext.At(context.Start.AddDays(-21), 11 * 60), TimeSpan.Zero);
        var administration = ActivatorUtilities.CreateInstance<SurveyAdministration>(services, (TimeProvider)past);
        var (survey, errors) = await administration.CreateAsync(new SurveyInput(SurveyCode, null, null, null, null, null, null, AskDemographics: true, UseStandardQuestions: true), people.Admin, cancellationToken);
        if (survey is null) throw new InvalidOperationException("Demo history: the trust survey was refused: " + string.Join("; ", errors.SelectMany(e => e.Value)));
        var (opened, _) = await administration.SetStatusAsync(survey.Id, nameof(SurveyStatus.Open), afterAppeals: true, cancellationToken);
        if (opened != SurveyChangeResult.Done) throw new InvalidOperationException($"Demo history: the trust survey did not open ({opened}).");

        var places = new List<HistoryPlace>();
        async Task PlaceAsync(SurveyPlaceKind kind, Tri name, HistoryBeat beat, double perDay)
        {
            var (place, refused) = await administration.AddPlaceAsync(new PlaceInput(kind.ToString(), name.Kk, name.Ru, name.En, beat.Id), cancellationToken);
            if (place is null) throw new InvalidOperationException("Demo history: a survey place was refused: " + string.Join("; ", refused.SelectMany(e => e.Value)));
            places.Add(new HistoryPlace(place.Id, beat.Id, beat.DistrictId, perDay));
        }
        foreach (var beat in context.Beats.Where(b => b.Showcase))
        {
            if (beat.ReceptionPointNumber is { } point) await PlaceAsync(SurveyPlaceKind.ReceptionPoint, HistoryTexts.ReceptionPointBoard.Format(point), beat, 0.25);
            await PlaceAsync(SurveyPlaceKind.Beat, HistoryTexts.BeatBoard.Format(beat.Code), beat, 0.25);
        }
        foreach (var district in context.Districts)
        {
            var candidates = context.Beats.Where(b => b.DistrictId == district.Id && !b.Showcase && b.Addresses.Count > 0).ToList();
            foreach (var beat in candidates.OrderBy(_ => random.Next()).Take(2))
            {
                var street = random.Pick(beat.Addresses).Street;
                await PlaceAsync(SurveyPlaceKind.TransportHub, new Tri(
                    string.Format(CultureInfo.InvariantCulture, HistoryTexts.BusStop.Kk, street.NameKk),
                    string.Format(CultureInfo.InvariantCulture, HistoryTexts.BusStop.Ru, street.NameRu),
                    string.Format(CultureInfo.InvariantCulture, HistoryTexts.BusStop.En, street.NameEn)), beat, 0.2);
            }
        }
        var questions = await db.SurveyQuestions.AsNoTracking().Where(q => q.SurveyId == survey.Id).OrderBy(q => q.Position).ToListAsync(cancellationToken);
        return (survey.Id, questions, places);
    }

    /// <summary>
    /// Anonymous reports of offences, about one a month per district, each reviewed by the district
    /// within a few working days: filed through <see cref="SubmitTipCommand"/> at the time they came
    /// in, reviewed through <see cref="AppealAdministration.ReviewTipAsync"/> (Almaly's by its
    /// supervisor; the other districts have no supervisor account in the demo, so the administrator).
    /// </summary>
    private async Task<int> TipsAsync(HistoryContext context, People people, HistoryClock past, Random random, CancellationToken cancellationToken)
    {
        string[] offences = ["public-order", "drugs-alcohol", "suspicious", "theft", "domestic", "minors"];
        var texts = HistoryTexts.Categories.Where(c => offences.Contains(c.Code)).ToList();
        var categories = await db.AppealCategories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Id, cancellationToken);
        var tips = new List<(DateTime At, HistoryBeat Beat, Address Address, CategoryTexts Texts, string Language)>();
        for (var month = new DateOnly(context.Start.Year, context.Start.Month, 1); month <= context.Today; month = month.AddMonths(1))
        {
            foreach (var district in context.Districts)
            {
                var beats = context.Beats.Where(b => b.DistrictId == district.Id && b.Addresses.Count > 0).ToList();
                for (var n = random.Poisson(1.2); n > 0 && beats.Count > 0; n--)
                {
                    var at = HistoryContext.At(month.AddDays(random.Next(DateTime.DaysInMonth(month.Year, month.Month))), random.Next(7 * 60, 23 * 60));
                    var beat = random.Pick(beats);
                    var tip = (at, beat, random.Pick(beat.Addresses), random.Pick(texts), random.Language());
                    if (at < context.NowUtc) tips.Add(tip);
                }
            }
        }

        var submit = ActivatorUtilities.CreateInstance<SubmitTipCommand>(services, (TimeProvider)past);
        var administration = services.GetRequiredService<AppealAdministration>();
        foreach (var (at, beat, address, tipTexts, language) in tips.OrderBy(t => t.At))
        {
            past.Now = new DateTimeOffset(at, TimeSpan.Zero);
            TipResult result;
            using (LocalizationSetup.UseLanguage(language))
            {
                result = await submit.ExecuteAsync(new TipInput
                {
                    CategoryId = categories[tipTexts.Code], Text = random.Pick(tipTexts.Texts).In(language), Lat = address.Latitude, Lon = address.Longitude,
                }, cancellationToken);
            }
            if (result.Tip is not { } tip) throw new InvalidOperationException("Demo history: a tip was refused: " + string.Join("; ", result.Errors.SelectMany(e => e.Value)));
            var reviewed = context.OfficeTime(context.Calendar.AddWorkingDays(KazakhstanTime.LocalDate(at), random.Next(1, 4)), random);
            if (reviewed >= context.NowUtc) continue;
            past.Now = new DateTimeOffset(reviewed, TimeSpan.Zero);
            var reviewer = beat.DistrictId == people.AlmalyId ? people.AlmalySupervisor : people.Admin;
            if (!await administration.ReviewTipAsync(reviewer, tip.Id, HistoryTexts.TipReviewed.In(language), past, cancellationToken))
                throw new InvalidOperationException("Demo history: a tip review was refused.");
        }
        db.ChangeTracker.Clear();
        return tips.Count;
    }

    /// <summary>
    /// The appeals of the year (<see cref="AppealHistory"/>), with the demo residents' own among
    /// them for the tour: resident1 has one answered a few days ago, waiting for her rating, and one
    /// in work; resident2 one still waiting to be taken into work.
    /// </summary>
    private async Task<IReadOnlyList<Appeal>> AppealsAsync(HistoryContext context, People people, IDataProtector trackingTokens, CancellationToken cancellationToken)
    {
        var (aigul, ivan) = (people.Residents[0], people.Residents[1]);
        ScriptedAppeal[] scripted =
        [
            new(aigul, "noise", AppealKind.Application, "kk", 290, ScriptedEnd.Answered, Confirm: true, Rating: 5),
            new(aigul, "road-safety", AppealKind.Complaint, "kk", 150, ScriptedEnd.Answered, Contest: true, Rating: 3),
            new(aigul, "animals", AppealKind.Application, "kk", 20, ScriptedEnd.Answered, AnsweredDaysAgo: 3),
            new(aigul, "public-order", AppealKind.Application, "kk", 8, ScriptedEnd.InWork),
            new(ivan, "fraud", AppealKind.OffenceReport, "ru", 230, ScriptedEnd.Answered, Late: true, Rating: 2),
            new(ivan, "documents", AppealKind.Application, "ru", 60, ScriptedEnd.Answered, Confirm: true, Rating: 4),
            new(ivan, "minors", AppealKind.Application, "ru", 1, ScriptedEnd.Assigned),
        ];
        var categories = await db.AppealCategories.AsNoTracking().ToDictionaryAsync(c => c.Code, cancellationToken);
        var text = services.GetRequiredService<TerritoryText>();
        string AddressLine(Address address, string language)
        {
            using var _ = LocalizationSetup.UseLanguage(language);
            return text.AddressLine(address);
        }
        var appeals = new AppealHistory(context, categories, trackingTokens, AddressLine).Generate(scripted);

        // Numbered in order of receipt from each year's counter, so that appeals filed afterwards follow on.
        var filing = services.GetRequiredService<FileAppealCommand>();
        foreach (var year in appeals.GroupBy(a => a.ReceivedOn.Year))
        {
            var numbers = await filing.TakeNumbersAsync(year.Key, year.Count(), cancellationToken);
            foreach (var (appeal, number) in year.Zip(numbers)) appeal.Number = number;
        }
        // Written many to a statement; their keys are read back by their numbers, which are unique,
        // and the ratings and steps written after them with those keys.
        await RowWriter.InsertAsync(db, appeals, cancellationToken);
        var keys = await db.Appeals.AsNoTracking().Select(a => new { a.Id, a.Number }).ToDictionaryAsync(a => a.Number, a => a.Id, cancellationToken);
        foreach (var appeal in appeals)
        {
            appeal.Id = keys[appeal.Number];
            if (appeal.Rating is { } rating) rating.AppealId = appeal.Id;
            foreach (var step in appeal.Events) step.AppealId = appeal.Id;
        }
        await RowWriter.InsertAsync(db, appeals.Select(a => a.Rating).OfType<AppealRating>().ToList(), cancellationToken);
        await RowWriter.InsertAsync(db, appeals.SelectMany(a => a.Events).ToList(), cancellationToken);
        return appeals;
    }

    /// <summary>The survey's answers over the year (<see cref="SurveyHistory"/>).</summary>
    private async Task<IReadOnlyList<SurveyResponse>> ResponsesAsync(
        HistoryContext context, int surveyId, IReadOnlyList<SurveyQuestion> questions, IReadOnlyList<HistoryPlace> places, IReadOnlyList<Appeal> appeals, CancellationToken cancellationToken)
    {
        var responses = new SurveyHistory(context, questions).Generate(surveyId, places, appeals);
        // The answers are held apart while the responses are saved, then written with the keys the responses got.
        var answers = responses.Select(r => r.Answers.ToList()).ToList();
        foreach (var response in responses) response.Answers.Clear();
        await SaveAsync(responses, cancellationToken);
        for (var i = 0; i < responses.Count; i++)
        {
            answers[i].ForEach(a => a.ResponseId = responses[i].Id);
            responses[i].Answers.AddRange(answers[i]);
        }
        await RowWriter.InsertAsync(db, answers.SelectMany(a => a).ToList(), cancellationToken);
        return responses;
    }

    /// <summary>The inspectors' meetings, the priorities raised there and their preventive work (<see cref="CommunityHistory"/>).</summary>
    private async Task<(IReadOnlyList<MeetingRecord> Meetings, IReadOnlyList<Community.PreventiveActivity> Activities)> CommunityAsync(HistoryContext context, CancellationToken cancellationToken)
    {
        var (meetings, activities) = new CommunityHistory(context).Generate();
        await SaveAsync(meetings.Select(m => m.Meeting).ToList(), cancellationToken);
        foreach (var meeting in meetings)
            foreach (var priority in meeting.Priorities) priority.MeetingId = meeting.Meeting.Id;
        await RowWriter.InsertAsync(db, meetings.SelectMany(m => m.Priorities).ToList(), cancellationToken);
        await RowWriter.InsertAsync(db, activities, cancellationToken);
        return (meetings, activities);
    }

    /// <summary>
    /// Each full quarter's reports, drafted by <see cref="QuarterlyReports.DraftAsync"/> the night
    /// after it ended, from the records above, and published a few days after its records closed:
    /// Almaly's by its supervisor, the rest by the administrator. A quarter whose records are still
    /// open (the first ten days after it) keeps its drafts for their publishers, as it would.
    /// </summary>
    private async Task<(int Published, int Drafted)> ReportsAsync(HistoryContext context, People people, HistoryClock past, Random random, CancellationToken cancellationToken)
    {
        var reports = ActivatorUtilities.CreateInstance<QuarterlyReports>(services, (TimeProvider)past);
        var (published, drafted) = (0, 0);
        foreach (var quarter in context.FullQuarters)
        {
            past.Now = new DateTimeOffset(HistoryContext.At(quarter.Last.AddDays(1), 60), TimeSpan.Zero);
            var pass = await reports.DraftAsync(quarter, cancellationToken: cancellationToken) ?? throw new InvalidOperationException($"Demo history: {quarter} could not be drafted.");
            var publishAt = context.OfficeTime(QuarterlyReports.PublishableFrom(quarter).AddDays(random.Next(0, 4)), random);
            if (publishAt >= context.NowUtc)
            {
                drafted += pass.Created;
                continue;
            }
            past.Now = new DateTimeOffset(publishAt, TimeSpan.Zero);
            var drafts = await reports.ManageableAsync(people.Admin, quarter, cancellationToken);
            var almaly = drafts.Where(r => r.Level != ReportLevel.City && r.DistrictId == people.AlmalyId).Select(r => new PublishItem(r.Id, r.Revision)).ToList();
            var rest = drafts.Where(r => r.Level == ReportLevel.City || r.DistrictId != people.AlmalyId).Select(r => new PublishItem(r.Id, r.Revision)).ToList();
            var results = (await reports.PublishAsync(almaly, people.AlmalySupervisor, cancellationToken)).Concat(await reports.PublishAsync(rest, people.Admin, cancellationToken)).ToList();
            if (results.Any(r => r.Value != PublishResult.Published))
                throw new InvalidOperationException($"Demo history: {quarter} reports were not all published ({string.Join(", ", results.GroupBy(r => r.Value).Select(g => $"{g.Key} {g.Count()}"))}).");
            published += results.Count;
        }
        return (published, drafted);
    }

    /// <summary>
    /// Adds new rows whose keys others need through SaveChanges, which reads the keys back: without
    /// change detection on every add, and forgotten afterwards so that the context stays small.
    /// </summary>
    private async Task SaveAsync<T>(IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class
    {
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            db.Set<T>().AddRange(rows);
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            db.ChangeTracker.Clear();
        }
    }
}

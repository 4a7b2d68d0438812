using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Appeals;
using Uchastok.Rules.Calendar;
using Uchastok.Web.Calendar;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Territory;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Accounts;

namespace Uchastok.Web.Appeals;

/// <summary>
/// The read side of appeals, shared by the pages and the API. Every query starts from what the
/// reader may see (<see cref="AppealAccess"/>), so a list, a count and a detail page never disagree.
/// </summary>
public sealed class AppealQueries(
    UchastokDbContext db,
    Territory.AddressSearch addresses,
    AppealCatalog catalog,
    WorkingCalendarProvider calendars,
    AppealText text,
    IStringLocalizer<SharedResource> localizer,
    PersonalDataLog personalDataLog)
{
    /// <summary>An appeal for its applicant (signed in) or for staff in scope; null when the reader may not see it.</summary>
    public async Task<AppealDetail?> ByNumberAsync(string number, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var access = AppealAccess.For(user);
        var appeal = await Load(db.Appeals.Where(a => a.Number == number)).SingleOrDefaultAsync(cancellationToken);
        if (appeal is null || !access.CanSee(appeal)) return null;
        return await DetailAsync(appeal, access, holdsToken: false, cancellationToken);
    }

    /// <summary>An appeal for whoever holds its private tracking link, shown as to its applicant.</summary>
    public async Task<AppealDetail?> ByTokenAsync(string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return null;
        var hash = Secrets.Hash(token);
        var appeal = await Load(db.Appeals.Where(a => a.TrackingTokenHash == hash)).SingleOrDefaultAsync(cancellationToken);
        return appeal is null ? null : await DetailAsync(appeal, AppealAccess.For(new ClaimsPrincipal()), holdsToken: true, cancellationToken);
    }

    /// <summary>An attachment, to its applicant (account or link) or staff in scope.</summary>
    public async Task<AppealAttachment?> AttachmentAsync(string? number, string? token, long attachmentId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var appeal = token is not null
            ? await db.Appeals.AsNoTracking().SingleOrDefaultAsync(a => a.TrackingTokenHash == Secrets.Hash(token), cancellationToken)
            : await db.Appeals.AsNoTracking().SingleOrDefaultAsync(a => a.Number == number, cancellationToken);
        if (appeal is null || (token is null && !AppealAccess.For(user).CanSee(appeal))) return null;
        return await db.AppealAttachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.AppealId == appeal.Id, cancellationToken);
    }

    /// <summary>The appeals filed from the reader's account, newest first.</summary>
    public async Task<IReadOnlyList<AppealListItem>> MineAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var access = AppealAccess.For(user);
        var appeals = await access.Own(db.Appeals.AsNoTracking()).Include(a => a.Category).Include(a => a.AssigneeOfficer).Include(a => a.Beat)
            .OrderByDescending(a => a.ReceivedAtUtc).Take(200).ToListAsync(cancellationToken);
        return await ListItemsAsync(appeals, cancellationToken);
    }

    /// <summary>The staff queue: what the reader may see, open ones by default, soonest due first.</summary>
    public async Task<IReadOnlyList<AppealListItem>> QueueAsync(ClaimsPrincipal user, QueueFilter filter, CancellationToken cancellationToken = default)
    {
        var access = AppealAccess.For(user);
        var query = access.StaffVisible(db.Appeals.AsNoTracking());
        if (filter.State is null or "open")
            query = query.Where(a => a.State == AppealState.Registered || a.State == AppealState.Assigned || a.State == AppealState.InProgress || a.State == AppealState.Extended);
        else if (AppealText.TryParseApiName<AppealState>(filter.State, out var state))
            query = query.Where(a => a.State == state);
        if (AppealText.TryParseApiName<AppealKind>(filter.Kind, out var kind)) query = query.Where(a => a.Kind == kind);
        if (filter.AssigneeOfficerId is { } assignee) query = query.Where(a => a.AssigneeOfficerId == assignee);
        if (AppealNumber.TryNormalize(filter.Search, out var number)) query = query.Where(a => a.Number == number);
        var today = calendars.Today();
        if (filter.OverdueOnly) query = query.Where(a => a.DueDate < today);
        var appeals = await query.Include(a => a.Category).Include(a => a.AssigneeOfficer).Include(a => a.Beat)
            .OrderBy(a => a.DueDate).ThenBy(a => a.Id).Take(500).ToListAsync(cancellationToken);
        var items = await ListItemsAsync(appeals, cancellationToken);
        return filter.DueSoonOnly ? items.Where(i => i.DueSoon).ToList() : items;
    }

    /// <summary>The supervisor's district board: per officer, open, due soon, overdue, on-time share over 90 days, mean rating.</summary>
    /// <summary>The days back the district board counts decided appeals over (and the other modules' figures beside them).</summary>
    public const int BoardWindowDays = 90;

    public async Task<DistrictBoard?> BoardAsync(ClaimsPrincipal user, int districtId, CancellationToken cancellationToken = default)
    {
        var access = AppealAccess.For(user);
        if (!access.IsAdmin && !(access.IsSupervisor && access.DistrictId == districtId)) return null;
        var district = await db.Districts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == districtId, cancellationToken);
        if (district is null) return null;

        var today = calendars.Today();
        var since = today.AddDays(-BoardWindowDays);
        var calendar = await calendars.GetAsync(cancellationToken);
        var policy = await catalog.PolicyAsync(cancellationToken);
        var officers = await db.Officers.AsNoTracking().Where(o => o.DistrictId == districtId).OrderBy(o => o.Surname).ThenBy(o => o.GivenName).ToListAsync(cancellationToken);
        var appeals = await access.StaffVisible(db.Appeals.AsNoTracking())
            .Where(a => a.DistrictId == districtId && (a.DecidedOn == null || a.DecidedOn >= since))
            .Select(a => new { a.State, a.DueDate, a.DecidedOn, a.AssigneeOfficerId, a.AnsweredByOfficerId })
            .ToListAsync(cancellationToken);
        var ratings = await db.AppealRatings.AsNoTracking().Where(r => r.OfficerId != null && officers.Select(o => o.Id).Contains(r.OfficerId.Value))
            .GroupBy(r => r.OfficerId).Select(g => new { Officer = g.Key!.Value, Count = g.Count(), Mean = g.Average(r => (double)r.Overall) })
            .ToDictionaryAsync(g => g.Officer, cancellationToken);

        var rows = new List<BoardRow>();
        int districtDecided = 0, districtOnTime = 0;
        foreach (var officer in officers)
        {
            var mine = appeals.Where(a => (a.AnsweredByOfficerId ?? a.AssigneeOfficerId) == officer.Id).ToList();
            var open = mine.Where(a => AppealLifecycle.IsOpen(a.State)).ToList();
            var overdue = open.Count(a => AppealDeadlinePolicy.IsOverdue(a.DueDate, today));
            var dueSoon = open.Count(a => policy.IsDueSoon(a.DueDate, today, calendar));
            // Decided in the window, plus those still open past a due date inside it: both count against on time.
            var counted = mine.Where(a => (a.DecidedOn is { } decided && decided >= since) || (a.DecidedOn is null && AppealLifecycle.IsOpen(a.State) && a.DueDate >= since && a.DueDate < today)).ToList();
            var onTime = counted.Count(a => a.DecidedOn is { } decided && decided <= a.DueDate);
            districtDecided += counted.Count;
            districtOnTime += onTime;
            var rating = ratings.GetValueOrDefault(officer.Id);
            rows.Add(new BoardRow(Ref(officer), open.Count, dueSoon, overdue, counted.Count, onTime,
                counted.Count == 0 ? null : Math.Round((double)onTime / counted.Count, 3),
                rating is null ? null : Math.Round(rating.Mean, 2), rating?.Count ?? 0));
        }
        var unassigned = appeals.Count(a => a.AssigneeOfficerId is null && AppealLifecycle.IsOpen(a.State));
        var openTips = await db.Tips.CountAsync(t => t.DistrictId == districtId && t.ReviewedAtUtc == null, cancellationToken);
        return new DistrictBoard(new PlaceRef(district.Id, text.District(district)), today, unassigned, openTips, rows,
            districtDecided == 0 ? null : Math.Round((double)districtOnTime / districtDecided, 3));
    }

    /// <summary>An officer's ratings in the style of the ЦОН ratings: mean, count, distribution, qualities, quarterly trend.</summary>
    public async Task<OfficerRatingView?> OfficerRatingAsync(ClaimsPrincipal user, int officerId, CancellationToken cancellationToken = default)
    {
        var access = AppealAccess.For(user);
        var officer = await db.Officers.AsNoTracking().Include(o => o.District).SingleOrDefaultAsync(o => o.Id == officerId, cancellationToken);
        if (officer is null) return null;
        var allowed = access.IsAdmin || (access.IsSupervisor && access.DistrictId == officer.DistrictId) || access.OfficerId == officerId;
        if (!allowed) return null;

        var ratings = await db.AppealRatings.AsNoTracking().Where(r => r.OfficerId == officerId).OrderByDescending(r => r.AtUtc).ToListAsync(cancellationToken);
        double? Mean(Func<AppealRating, int> score) => ratings.Count == 0 ? null : Math.Round(ratings.Average(score), 2);
        var qualities = new Dictionary<string, double?>
        {
            [text.Quality(ServiceQuality.Legality)] = Mean(r => r.Legality),
            [text.Quality(ServiceQuality.Timeliness)] = Mean(r => r.Timeliness),
            [text.Quality(ServiceQuality.Quality)] = Mean(r => r.Quality),
            [text.Quality(ServiceQuality.Politeness)] = Mean(r => r.Politeness),
            [text.Quality(ServiceQuality.Awareness)] = Mean(r => r.Awareness),
        };
        var quarters = ratings.GroupBy(r => (r.RatedOn.Year, Quarter: (r.RatedOn.Month - 1) / 3 + 1)).OrderBy(g => g.Key)
            .Select(g => new QuarterRating(string.Create(CultureInfo.InvariantCulture, $"{g.Key.Year} Q{g.Key.Quarter}"), g.Count(), Math.Round(g.Average(r => r.Overall), 2)))
            .ToList();
        var distribution = Enumerable.Range(1, 5).Select(score => ratings.Count(r => r.Overall == score)).ToList();
        return new OfficerRatingView(Ref(officer), new PlaceRef(officer.DistrictId, text.District(officer.District)), ratings.Count, Mean(r => r.Overall),
            distribution, qualities, quarters, ratings.Where(r => r.Comment is not null).Take(20).Select(r => r.Comment!).ToList());
    }

    /// <summary>The district's duty list of anonymous tips, unreviewed first.</summary>
    public async Task<IReadOnlyList<TipView>?> TipsAsync(ClaimsPrincipal user, int districtId, CancellationToken cancellationToken = default)
    {
        var access = AppealAccess.For(user);
        if (!access.IsAdmin && !(access.IsSupervisor && access.DistrictId == districtId)) return null;
        var tips = await db.Tips.AsNoTracking().Include(t => t.Category).Where(t => t.DistrictId == districtId)
            .OrderBy(t => t.ReviewedAtUtc != null).ThenByDescending(t => t.ReceivedAtUtc).Take(200).ToListAsync(cancellationToken);
        var beatIds = tips.Where(t => t.BeatId != null).Select(t => t.BeatId!.Value).Distinct().ToList();
        var beats = await db.Beats.AsNoTracking().Where(b => beatIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, cancellationToken);
        return tips.Select(t => new TipView(t.Id, t.ReceivedAtUtc, AppealText.Moment(t.ReceivedAtUtc), text.Category(t.Category), t.Text, t.AddressText, t.Latitude, t.Longitude,
            t.BeatId is { } b && beats.TryGetValue(b, out var beat) ? text.Beat(beat) : null, t.ReviewedAtUtc != null, t.ReviewNote)).ToList();
    }

    /// <summary>The officers a supervisor may assign an appeal to: those of its district, never the officer it concerns.</summary>
    public async Task<IReadOnlyList<OfficerRef>> AssignableOfficersAsync(AppealDetail appeal, CancellationToken cancellationToken = default)
    {
        if (appeal.District is null) return [];
        var concerned = await db.Appeals.AsNoTracking().Where(a => a.Id == appeal.Id).Select(a => a.ConcernedOfficerId).SingleAsync(cancellationToken);
        var officers = await db.Officers.AsNoTracking().Where(o => o.DistrictId == appeal.District.Id && o.Id != concerned)
            .OrderBy(o => o.Surname).ThenBy(o => o.GivenName).ToListAsync(cancellationToken);
        return officers.Select(Ref).ToList();
    }

    private static IQueryable<Appeal> Load(IQueryable<Appeal> appeals) => appeals.AsNoTracking()
        .Include(a => a.Category).Include(a => a.AssigneeOfficer).Include(a => a.Beat).Include(a => a.District)
        .Include(a => a.Rating)
        .Include(a => a.Events).ThenInclude(e => e.ActorOfficer)
        .Include(a => a.Events).ThenInclude(e => e.AssigneeOfficer)
        .AsSplitQuery();

    private async Task<AppealDetail> DetailAsync(Appeal appeal, AppealAccess access, bool holdsToken, CancellationToken cancellationToken)
    {
        var staff = access.CanSeeAsStaff(appeal);
        var today = calendars.Today();
        var calendar = await calendars.GetAsync(cancellationToken);
        var policy = await catalog.PolicyAsync(cancellationToken);
        var attachments = await db.AppealAttachments.AsNoTracking().Where(a => a.AppealId == appeal.Id)
            .Select(a => new AttachmentRef(a.Id, a.FileName, a.ContentType, a.Length)).ToListAsync(cancellationToken);

        var timeline = appeal.Events.Where(e => staff || e.IsPublic).OrderBy(e => e.AtUtc).ThenBy(e => e.Id).Select(e => Entry(e, staff)).ToList();
        var open = AppealLifecycle.IsOpen(appeal.State);
        var capacities = access.Capacities(appeal, holdsToken);
        var actions = capacities.SelectMany(c => AppealLifecycle.ActionsFor(appeal.State, c)).Distinct().Select(AppealText.ApiName).ToList();
        var canRate = (holdsToken || access.IsApplicant(appeal)) && appeal.Rating is null
            && AppealRatingRules.Check(appeal.State, false, 5, Enum.GetValues<ServiceQuality>().ToDictionary(q => q, _ => 5), null) == RatingProblem.None;

        ApplicantView? applicant = null;
        if (staff)
        {
            applicant = new ApplicantView(appeal.ApplicantName, appeal.ApplicantPhone, appeal.ApplicantEmail, appeal.ApplicantMaskedIin, appeal.ApplicantUserId is not null);
            await personalDataLog.RecordAsync(access.UserId ?? "unknown", appeal.ApplicantUserId, $"appeal {appeal.Number}", cancellationToken);
        }

        return new AppealDetail(
            appeal.Id, appeal.Number, AppealText.ApiName(appeal.Kind), text.Kind(appeal.Kind), appeal.CategoryId, text.Category(appeal.Category), appeal.Text,
            appeal.Latitude, appeal.Longitude, appeal.AddressText,
            appeal.Beat is null ? null : new PlaceRef(appeal.Beat.Id, text.Beat(appeal.Beat)),
            appeal.District is null ? null : new PlaceRef(appeal.District.Id, text.District(appeal.District)),
            AppealText.ApiName(appeal.State), text.State(appeal.State), appeal.ReceivedAtUtc, appeal.ReceivedOn, appeal.DueDate,
            open && AppealDeadlinePolicy.IsOverdue(appeal.DueDate, today), open && policy.IsDueSoon(appeal.DueDate, today, calendar),
            appeal.AssigneeOfficer is null ? null : Ref(appeal.AssigneeOfficer),
            appeal.AnswerText, appeal.AnsweredAtUtc, appeal.ForwardedTo, appeal.Contested,
            appeal.State == AppealState.Answered && appeal.AnsweredOn is { } answered ? policy.AutoCloseDate(answered) : null,
            timeline, attachments,
            appeal.Rating is { } r ? new RatingView(r.Overall, r.Legality, r.Timeliness, r.Quality, r.Politeness, r.Awareness, staff || holdsToken || access.IsApplicant(appeal) ? r.Comment : null, r.AtUtc) : null,
            canRate, actions, applicant,
            staff ? AppealText.ApiName(appeal.Queue) : null,
            staff ? appeal.AboutPoliceOfficer : null,
            staff ? appeal.ComplaintUpheld : null,
            appeal.Language,
            // A pin without a typed address is named by the nearest gazetteer address, for the officer who goes there.
            appeal.AddressText is null && appeal.Latitude is { } lat && appeal.Longitude is { } lon
                ? (await addresses.NearestAsync(lat, lon, cancellationToken))?.Line : null);
    }

    private TimelineEntry Entry(AppealEvent e, bool staff)
    {
        var (kind, title) = e.Kind switch
        {
            AppealEventKind.Filed => ("filed", localizer["AppealEvent.Filed"].Value),
            AppealEventKind.InternalNote => ("note", localizer["AppealEvent.InternalNote"].Value),
            AppealEventKind.Rated => ("rated", localizer["AppealEvent.Rated"].Value),
            _ => ("transition", text.Action(e.Action!.Value)),
        };
        string? actor = e.ActorOfficer is { } officer ? text.Officer(officer)
            : e.Kind == AppealEventKind.Transition && e.ActorUserId is null ? localizer["AppealEvent.BySystem"].Value
            : e.Kind is AppealEventKind.Filed or AppealEventKind.Rated || e.Action is AppealAction.Confirm or AppealAction.Contest ? localizer["AppealEvent.ByApplicant"].Value
            : staff ? localizer["AppealEvent.ByStaff"].Value : null;
        var detail = e.Action == AppealAction.Assign && e.AssigneeOfficer is { } assignee ? text.Officer(assignee)
            : e.Action == AppealAction.Contest && e.AssigneeOfficer is { } reviewer ? $"{e.Text} → {text.Officer(reviewer)}"
            : e.Text;
        return new TimelineEntry(e.AtUtc, AppealText.Moment(e.AtUtc), kind, e.Action is { } a ? AppealText.ApiName(a) : null,
            AppealText.ApiName(e.ToState), title, actor, detail, e.DueDate, !e.IsPublic);
    }

    private async Task<IReadOnlyList<AppealListItem>> ListItemsAsync(IReadOnlyList<Appeal> appeals, CancellationToken cancellationToken)
    {
        var today = calendars.Today();
        var calendar = await calendars.GetAsync(cancellationToken);
        var policy = await catalog.PolicyAsync(cancellationToken);
        return appeals.Select(a =>
        {
            var open = AppealLifecycle.IsOpen(a.State);
            return new AppealListItem(a.Number, AppealText.ApiName(a.Kind), text.Kind(a.Kind), text.Category(a.Category), AppealText.ApiName(a.State), text.State(a.State),
                a.ReceivedOn, a.DueDate, open && AppealDeadlinePolicy.IsOverdue(a.DueDate, today), open && policy.IsDueSoon(a.DueDate, today, calendar),
                a.AssigneeOfficer is null ? null : Ref(a.AssigneeOfficer), a.Beat is null ? null : text.Beat(a.Beat),
                a.Text.Length <= 140 ? a.Text : a.Text[..139] + "…");
        }).ToList();
    }

    private OfficerRef Ref(Officer officer) => new(officer.Id, text.OfficerName(officer), text.Rank(officer));
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.Appeals;
using Uchastok.Rules.Transparency;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Transparency;

/// <summary>One beat's appeals in one month. Counts under 5 are null (suppressed); the rating is shown from 5 ratings.</summary>
public sealed record AppealStatisticsRow(string Month, string District, string Beat, int? Received, int? Decided, int? DecidedOnTime, int? Ratings, double? MeanRating);

/// <summary>A recorded incident as published: its month, type, beat and a public point, never its own place or id.</summary>
public sealed record IncidentRow(string Month, string Type, string District, string? Beat, double Latitude, double Longitude);

/// <summary>
/// People on the preventive register at the end of a month, per district and category (C15): the one figure
/// of the prevention file the public gets. Counts under 5 are null; there is no total, beat or point, so no
/// subtraction gives a hidden cell back.
/// </summary>
public sealed record PreventionCountRow(string Date, string District, string Category, int? OnRecord);

/// <summary>
/// The open-data export (C11), in CSV and JSON with the same columns, described in
/// docs/open-data.md. Built from the records with <see cref="OpenDataPrivacy"/>: nothing that
/// names or reaches a person, no exact place, no small count.
/// </summary>
public sealed class OpenDataExport(UchastokDbContext db)
{
    public const int MaxMonths = 24;

    /// <summary>Months are "yyyy-MM"; the range is at most two years.</summary>
    public static bool TryMonths(string? from, string? to, DateOnly today, out DateOnly first, out DateOnly last)
    {
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        first = thisMonth.AddMonths(-11);
        last = thisMonth;
        if (!string.IsNullOrWhiteSpace(from) && !DateOnly.TryParseExact(from.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first)) return false;
        if (!string.IsNullOrWhiteSpace(to) && !DateOnly.TryParseExact(to.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out last)) return false;
        return first <= last && first.AddMonths(MaxMonths) > last;
    }

    public async Task<IReadOnlyList<AppealStatisticsRow>> AppealsAsync(DateOnly firstMonth, DateOnly lastMonth, CancellationToken cancellationToken = default)
    {
        var end = lastMonth.AddMonths(1);
        // Sensitive categories (domestic conflict, minors…) are counted in no public figure: set against the
        // Open311 list, which leaves them out, a count would give their beat and month away.
        var received = await Published(db.Appeals).Where(a => a.ReceivedOn >= firstMonth && a.ReceivedOn < end && a.BeatId != null)
            .GroupBy(a => new { a.BeatId, a.ReceivedOn.Year, a.ReceivedOn.Month }).Select(g => new { g.Key.BeatId, g.Key.Year, g.Key.Month, Count = g.Count() }).ToListAsync(cancellationToken);
        var decided = await Published(db.Appeals).Where(a => a.DecidedOn != null && a.DecidedOn >= firstMonth && a.DecidedOn < end && a.BeatId != null)
            .Select(a => new { a.BeatId, a.DecidedOn!.Value.Year, a.DecidedOn.Value.Month, OnTime = a.DecidedOn <= a.DueDate }).ToListAsync(cancellationToken);
        var rated = await (from r in db.AppealRatings.AsNoTracking()
                           join a in Published(db.Appeals) on r.AppealId equals a.Id
                           where r.RatedOn >= firstMonth && r.RatedOn < end && a.BeatId != null
                           select new { a.BeatId, r.RatedOn.Year, r.RatedOn.Month, r.Overall }).ToListAsync(cancellationToken);
        var beats = await (from b in db.Beats.AsNoTracking() join d in db.Districts on b.DistrictId equals d.Id select new { b.Id, b.Code, District = d.Code }).ToDictionaryAsync(b => b.Id, cancellationToken);
        var keys = received.Select(r => (r.BeatId!.Value, r.Year, r.Month)).Concat(decided.Select(r => (r.BeatId!.Value, r.Year, r.Month))).Concat(rated.Select(r => (r.BeatId!.Value, r.Year, r.Month))).Distinct();
        return keys.Where(k => beats.ContainsKey(k.Item1)).OrderBy(k => k.Year).ThenBy(k => k.Month).ThenBy(k => beats[k.Item1].Code).Select(k =>
        {
            var (beatId, year, month) = k;
            var inMonth = decided.Where(d => d.BeatId == beatId && d.Year == year && d.Month == month).ToList();
            var ratings = rated.Where(r => r.BeatId == beatId && r.Year == year && r.Month == month).Select(r => r.Overall).ToList();
            var shownRatings = OpenDataPrivacy.Suppress(ratings.Count);
            return new AppealStatisticsRow(string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}"), beats[beatId].District, beats[beatId].Code,
                OpenDataPrivacy.Suppress(received.Where(r => r.BeatId == beatId && r.Year == year && r.Month == month).Sum(r => r.Count)),
                OpenDataPrivacy.Suppress(inMonth.Count), OpenDataPrivacy.Suppress(inMonth.Count(d => d.OnTime)),
                shownRatings, ratings.Count < OpenDataPrivacy.MinimumCount ? null : Math.Round(ratings.Average(), 2));
        }).ToList();
    }

    /// <summary>
    /// Every district against every category of the register, on the last day of the last ended month. Not today's:
    /// counts that changed from one day to the next would show each person put on or taken off the register.
    /// </summary>
    public async Task<IReadOnlyList<PreventionCountRow>> PreventionAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var day = new DateOnly(today.Year, today.Month, 1).AddDays(-1);
        var counts = await db.PreventionEntries.AsNoTracking().Where(e => e.PutOnRecord <= day && (e.RemovedOn == null || e.RemovedOn > day))
            .GroupBy(e => new { e.DistrictId, e.CategoryId }).Select(g => new { g.Key.DistrictId, g.Key.CategoryId, Count = g.Count() })
            .ToDictionaryAsync(g => (g.DistrictId, g.CategoryId), g => g.Count, cancellationToken);
        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.Code).Select(d => new { d.Id, d.Code }).ToListAsync(cancellationToken);
        var categories = await db.PreventionCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).Select(c => new { c.Id, c.Code }).ToListAsync(cancellationToken);
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return districts.SelectMany(d => categories.Select(c => new PreventionCountRow(date, d.Code, c.Code, OpenDataPrivacy.Suppress(counts.GetValueOrDefault((d.Id, c.Id)))))).ToList();
    }

    /// <summary>The appeals public figures count: every one outside a sensitive category.</summary>
    internal static IQueryable<Appeals.Appeal> Published(IQueryable<Appeals.Appeal> appeals) => appeals.AsNoTracking().Where(a => !a.Category.IsSensitive);

    public async Task<IReadOnlyList<IncidentRow>> IncidentsAsync(DateOnly firstMonth, DateOnly lastMonth, CancellationToken cancellationToken = default)
    {
        var end = lastMonth.AddMonths(1);
        var cells = OpenDataPrivacy.AddressCells((await db.Addresses.AsNoTracking().Select(a => new { a.Latitude, a.Longitude }).ToListAsync(cancellationToken)).Select(a => (a.Latitude, a.Longitude)));
        var rows = await (from i in db.Incidents.AsNoTracking()
                          join s in db.SmallAreas on i.SmallAreaId equals s.Id
                          join d in db.Districts on i.DistrictId equals d.Id
                          where i.OccurredOn >= firstMonth && i.OccurredOn < end
                          orderby i.OccurredOn, i.Id
                          select new { i.OccurredOn, i.Type, District = d.Code, Beat = s.Beat == null ? null : s.Beat.Code, i.Latitude, i.Longitude, s.CentreLatitude, s.CentreLongitude })
            .ToListAsync(cancellationToken);
        return rows.Select(r =>
        {
            var (lat, lon) = OpenDataPrivacy.AnonymousPoint(r.Latitude, r.Longitude, cells, (r.CentreLatitude, r.CentreLongitude));
            return new IncidentRow(r.OccurredOn.ToString("yyyy-MM", CultureInfo.InvariantCulture), r.Type, r.District, r.Beat, lat, lon);
        }).ToList();
    }

    /// <summary>The rows as CSV whose header names the columns as the JSON does (<c>month</c>, <c>decidedOnTime</c>…): one documented schema for both.</summary>
    public static string Csv<T>(IEnumerable<T> rows)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            var map = csv.Context.AutoMap<T>();
            foreach (var column in map.MemberMaps) column.Name(JsonNamingPolicy.CamelCase.ConvertName(column.Data.Member!.Name));
            csv.Context.RegisterClassMap(map);
            csv.WriteRecords(rows);
        }
        return writer.ToString();
    }
}

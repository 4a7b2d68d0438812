using Uchastok.Rules.CrimeAnalytics;

namespace Uchastok.Rules.PatrolPlanning;

/// <summary>One past incident of a beat as the suggestion sees it: its month (0 = the first month of the history), its cell index in the beat's area, and its hour when the source gave a time.</summary>
public readonly record struct PastIncident(int Month, int Cell, int? Hour);

/// <summary>A three-hour band of the day, 0 = 00:00–03:00 … 7 = 21:00–24:00.</summary>
public readonly record struct HourBand(int Index)
{
    public const int Hours = 3;
    public const int Count = 24 / Hours;
    public int FromHour => Index * Hours;
    public int ToHour => FromHour + Hours;
    public static HourBand Of(int hour) =>
        hour is >= 0 and < 24 ? new HourBand(hour / Hours) : throw new ArgumentOutOfRangeException(nameof(hour), $"Hour {hour} is outside 0..23.");
    /// <summary>"18–21": how the band is written in tables and stored.</summary>
    public override string ToString() => $"{FromHour:00}–{ToHour:00}";
}

/// <summary>One suggested cell: its rank (1 = most expected), its score, the share of the beat's expected incidents it holds, and the hour bands its past timed incidents fell in most.</summary>
public sealed record SuggestedCell(int Rank, int Cell, GridCell GridCell, double Score, double ExpectedShare, IReadOnlyList<HourBand> HourBands, int TimedIncidents);

/// <summary>
/// Patrol suggestions for one beat and the next month (issue 20, C14): places only. The forecast scores each cell of
/// the beat from the incidents before the month; the suggestion is the highest-scoring cells with their expected share
/// of the beat's incidents and, where times exist, the hours that were most frequent in each.
/// </summary>
public static class PatrolSuggestionRules
{
    /// <summary>How many cells a suggestion offers unless configured: a patrol can cover a handful of 250 m squares in a month's plan.</summary>
    public const int DefaultTopCells = 5;

    /// <summary>How many hour bands a cell names at most: the two most frequent, so that a band is a plan, not the whole day.</summary>
    public const int MaxHourBands = 2;

    /// <summary>
    /// The top cells. <paramref name="history"/> is the beat's counts before the month, <paramref name="area"/> the
    /// beat's cells. Expected share = the cell's score / the sum of the beat's scores (the forecast's scores are
    /// expected counts up to a factor, so the share does not depend on that factor). Cells with no score are never
    /// suggested: nothing recorded there says to go. Ties go to the lower cell index (row, then column), as in the
    /// evaluation, so the same inputs always give the same suggestion.
    /// </summary>
    public static IReadOnlyList<SuggestedCell> Suggest(ICrimeForecaster forecaster, CountHistory history, StudyArea area, IEnumerable<PastIncident> incidents, int topCells = DefaultTopCells)
    {
        ArgumentNullException.ThrowIfNull(forecaster);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(topCells);
        var scores = forecaster.Forecast(history, area);
        var total = 0.0;
        foreach (var s in scores) if (s > 0 && double.IsFinite(s)) total += s;
        if (total <= 0) return [];
        var top = Enumerable.Range(0, scores.Length)
            .Where(c => scores[c] > 0 && double.IsFinite(scores[c]))
            .OrderByDescending(c => scores[c]).ThenBy(c => c)
            .Take(topCells)
            .ToList();
        var wanted = top.ToHashSet();
        var hours = top.ToDictionary(c => c, _ => new int[HourBand.Count]);
        foreach (var incident in incidents)
        {
            // Only incidents the forecast could see count towards the hours: none of the month being planned.
            if (incident.Month >= history.Months || incident.Hour is not { } hour || !wanted.Contains(incident.Cell)) continue;
            hours[incident.Cell][HourBand.Of(hour).Index]++;
        }
        return top.Select((cell, i) => new SuggestedCell(i + 1, cell, area[cell], scores[cell], scores[cell] / total,
            MostFrequentBands(hours[cell]), hours[cell].Sum())).ToList();
    }

    /// <summary>The bands with the most incidents, at most <see cref="MaxHourBands"/>, busiest first, earlier band first on a tie; none when no incident had a time.</summary>
    public static IReadOnlyList<HourBand> MostFrequentBands(IReadOnlyList<int> countsByBand)
    {
        if (countsByBand.Count != HourBand.Count) throw new ArgumentException($"Expected {HourBand.Count} bands.", nameof(countsByBand));
        return Enumerable.Range(0, HourBand.Count)
            .Where(b => countsByBand[b] > 0)
            .OrderByDescending(b => countsByBand[b]).ThenBy(b => b)
            .Take(MaxHourBands)
            .Select(b => new HourBand(b))
            .ToList();
    }
}

/// <summary>A supervisor's answer to one suggested cell.</summary>
public enum PatrolDecision { Pending, Accepted, Rejected }

/// <summary>One suggested cell of a past month, for the comparison: what was expected, what was decided, and how many of the month's incidents fell in it.</summary>
public sealed record ComparedCell(int Rank, double ExpectedShare, PatrolDecision Decision, int Incidents, double? PatrolHours);

/// <summary>A group of suggested cells (all, accepted, rejected, undecided) against what happened: expected share, actual share of the beat's incidents, hours recorded.</summary>
public sealed record ComparisonGroup(int Cells, double ExpectedShare, int Incidents, double? ActualShare, double PatrolHours);

public sealed record PatrolComparison(int BeatIncidents, ComparisonGroup All, ComparisonGroup Accepted, ComparisonGroup Rejected, ComparisonGroup Pending);

/// <summary>
/// How a past month went against its suggestion (issue 20: "the next period can be compared with the suggestion").
/// For each group of cells: the share the forecast expected (sum of the cells' expected shares) and the share of the
/// beat's incidents of the month that fell in them. The document's claim is that adjusting patrol time and place
/// lowers offences; a beat where the accepted cells' actual share stays well under their expected share, while the
/// rejected cells' does not, is what that would look like. One beat and one month are far too few to prove it: the
/// view shows the figures, it does not draw the conclusion.
/// </summary>
public static class PatrolComparisonRules
{
    public static PatrolComparison Compare(IReadOnlyList<ComparedCell> cells, int beatIncidents)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentOutOfRangeException.ThrowIfNegative(beatIncidents);
        var inCells = cells.Sum(c => c.Incidents);
        if (inCells > beatIncidents) throw new ArgumentException("The suggested cells hold more incidents than the beat.", nameof(cells));
        ComparisonGroup Group(Func<ComparedCell, bool> which)
        {
            var chosen = cells.Where(which).ToList();
            var incidents = chosen.Sum(c => c.Incidents);
            return new ComparisonGroup(chosen.Count, chosen.Sum(c => c.ExpectedShare), incidents,
                beatIncidents == 0 ? null : (double)incidents / beatIncidents, chosen.Sum(c => c.PatrolHours ?? 0));
        }
        return new PatrolComparison(beatIncidents, Group(_ => true), Group(c => c.Decision == PatrolDecision.Accepted),
            Group(c => c.Decision == PatrolDecision.Rejected), Group(c => c.Decision == PatrolDecision.Pending));
    }

    /// <summary>
    /// Many beats' months as one: cells, incidents and hours add up; the actual share is the pooled one (incidents in
    /// the groups' cells over the sum of the beats' totals); the expected share is each beat's weighted by its total of
    /// the month, so the two compare like for like (expected against actual incidents in the cells). The beats' totals
    /// are added, not merged: an incident in a square suggested for a neighbouring beat (a square the outline only
    /// touches) counts in both beats' totals, as it does on each beat's own page. With no incident in any beat, the
    /// expected share is the plain mean and there is no actual share.
    /// </summary>
    public static PatrolComparison Pool(IReadOnlyList<PatrolComparison> beats)
    {
        ArgumentNullException.ThrowIfNull(beats);
        var total = beats.Sum(b => b.BeatIncidents);
        ComparisonGroup Pooled(Func<PatrolComparison, ComparisonGroup> group)
        {
            var expected = beats.Count == 0 ? 0
                : total == 0 ? beats.Average(b => group(b).ExpectedShare)
                : beats.Sum(b => group(b).ExpectedShare * b.BeatIncidents) / total;
            var incidents = beats.Sum(b => group(b).Incidents);
            return new ComparisonGroup(beats.Sum(b => group(b).Cells), expected, incidents, total == 0 ? null : (double)incidents / total, beats.Sum(b => group(b).PatrolHours));
        }
        return new PatrolComparison(total, Pooled(b => b.All), Pooled(b => b.Accepted), Pooled(b => b.Rejected), Pooled(b => b.Pending));
    }
}

/// <summary>The calendar month a suggestion is for, written yyyy-MM in addresses.</summary>
public static class PatrolPeriod
{
    public static DateOnly FirstDay(DateOnly any) => new(any.Year, any.Month, 1);

    /// <summary>"2026-12" → 1 December 2026; null for anything else (a day, a bad month, years outside 2000–2100).</summary>
    public static DateOnly? Parse(string? text)
    {
        if (text is not { Length: 7 } || text[4] != '-') return null;
        if (!int.TryParse(text.AsSpan(0, 4), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(text.AsSpan(5, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var month)) return null;
        if (year is < 2000 or > 2100 || month is < 1 or > 12) return null;
        return new DateOnly(year, month, 1);
    }

    public static string Format(DateOnly period) => period.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Months from <paramref name="first"/> to <paramref name="month"/> (both first days): the history's month index.</summary>
    public static int MonthsBetween(DateOnly first, DateOnly month) => (month.Year - first.Year) * 12 + month.Month - first.Month;
}

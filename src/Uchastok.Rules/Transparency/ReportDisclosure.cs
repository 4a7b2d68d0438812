namespace Uchastok.Rules.Transparency;

/// <summary>
/// One count of one beat in one month, as open data publishes it (hidden when 1–4), with the
/// stars of its ratings when it counts ratings; or, with no beat, what a district (or, with
/// neither, the city) received without a place in a beat, which open data never shows.
/// </summary>
public readonly record struct CountCell(int? BeatId, int? DistrictId, DateOnly Month, int Count, int Stars = 0)
{
    /// <summary>Shown as empty: its value is known to the public only to lie between 1 and 4.</summary>
    public bool Hidden => OpenDataPrivacy.Suppress(Count) is null;
}

/// <summary>The areas whose quarterly total of one count (or mean of ratings) may be published.</summary>
public sealed record Disclosure(IReadOnlySet<int> Beats, IReadOnlySet<int> Districts, bool City);

/// <summary>
/// Which quarterly totals a public report may show without giving back a count open data hides
/// (C11). A beat's total is the sum of its monthly cells, and a district's and the city's are sums
/// of their beats': published side by side, subtraction leaves the hidden cells' sum, and each
/// hidden cell is known to lie between 1 and 4. A total (or mean) is therefore withheld when it is
/// 1–4 itself, or when the unknowns it would leave are pinned:
/// <list type="bullet">
/// <item>exactly one hidden cell (its value comes back);</item>
/// <item>their sum at the bottom or the top of its range — all 1s or all 4s;</item>
/// <item>for a mean, the hidden ratings' stars all 1 or all 5, or one hidden month of ratings.</item>
/// </list>
/// A beat's unknowns are its hidden months; a withheld beat's pass to its district's, with the
/// district's 1–4 appeals without a beat; a withheld district's pass to the city's.
/// </summary>
public static class ReportDisclosure
{
    /// <summary>Totals of a count.</summary>
    public static Disclosure Publishable(IReadOnlyCollection<CountCell> cells, IReadOnlyDictionary<int, int> districtOfBeat) =>
        Evaluate(cells, districtOfBeat, CountPinned);

    /// <summary>Means of ratings (the cells count ratings and carry their stars). A mean is shown only together with its count, so the caller applies <see cref="Publishable"/> to the same cells as well.</summary>
    public static Disclosure MeansPublishable(IReadOnlyCollection<CountCell> cells, IReadOnlyDictionary<int, int> districtOfBeat) =>
        Evaluate(cells, districtOfBeat, MeanPinned);

    private static bool CountPinned(IReadOnlyCollection<CountCell> unknowns)
    {
        var sum = unknowns.Sum(c => c.Count);
        return unknowns.Count == 1 || (unknowns.Count > 1 && (sum == unknowns.Count || sum == (OpenDataPrivacy.MinimumCount - 1) * unknowns.Count));
    }

    private static bool MeanPinned(IReadOnlyCollection<CountCell> unknowns)
    {
        var (ratings, stars) = (unknowns.Sum(c => c.Count), unknowns.Sum(c => c.Stars));
        return unknowns.Count == 1 || (ratings > 0 && (stars == ratings || stars == 5 * ratings));
    }

    private static Disclosure Evaluate(IReadOnlyCollection<CountCell> cells, IReadOnlyDictionary<int, int> districtOfBeat, Func<IReadOnlyCollection<CountCell>, bool> pinned)
    {
        static bool Small(int total) => OpenDataPrivacy.Suppress(total) is null;
        var beatCells = cells.Where(c => c.BeatId is not null).GroupBy(c => c.BeatId!.Value).ToDictionary(g => g.Key, g => g.ToList());
        var beats = new HashSet<int>();
        // What each district's total would leave unknown once its shown beats are subtracted.
        var inDistrict = new Dictionary<int, List<CountCell>>();
        List<CountCell> Of(int district) => inDistrict.TryGetValue(district, out var list) ? list : inDistrict[district] = [];
        foreach (var (beat, district) in districtOfBeat)
        {
            var own = beatCells.GetValueOrDefault(beat) ?? [];
            var hidden = own.Where(c => c.Hidden).ToList();
            if (!Small(own.Sum(c => c.Count)) && !pinned(hidden)) beats.Add(beat);
            else Of(district).AddRange(hidden);
        }
        // A district's appeals without a beat are one unknown figure, when they are 1–4.
        foreach (var group in cells.Where(c => c.BeatId is null && c.DistrictId is not null).GroupBy(c => c.DistrictId!.Value))
        {
            var whole = new CountCell(null, group.Key, default, group.Sum(c => c.Count), group.Sum(c => c.Stars));
            if (whole.Hidden) Of(group.Key).Add(whole);
        }

        var districtTotals = districtOfBeat.Values.Distinct().ToDictionary(d => d, _ => 0);
        foreach (var cell in cells)
        {
            var district = cell.BeatId is { } b && districtOfBeat.TryGetValue(b, out var of) ? of : cell.DistrictId;
            if (district is { } d) districtTotals[d] = districtTotals.GetValueOrDefault(d) + cell.Count;
        }
        var districts = new HashSet<int>();
        var inCity = new List<CountCell>();
        foreach (var (district, total) in districtTotals)
        {
            var unknowns = inDistrict.GetValueOrDefault(district) ?? [];
            if (!Small(total) && !pinned(unknowns)) districts.Add(district);
            else inCity.AddRange(unknowns);
        }
        var cityOnly = cells.Where(c => c.BeatId is null && c.DistrictId is null).ToList();
        var cityWhole = new CountCell(null, null, default, cityOnly.Sum(c => c.Count), cityOnly.Sum(c => c.Stars));
        if (cityWhole.Hidden) inCity.Add(cityWhole);
        var city = !Small(cells.Sum(c => c.Count)) && !pinned(inCity);
        return new Disclosure(beats, districts, city);
    }
}

namespace Uchastok.Rules.Transparency;

/// <summary>
/// One count of one beat in one month, as open data publishes it (hidden when 1–4); or, with no
/// beat, what a district (or, with neither, the city) received without a place in a beat — which
/// open data never shows.
/// </summary>
public readonly record struct CountCell(int? BeatId, int? DistrictId, DateOnly Month, int Count)
{
    /// <summary>Open data shows this cell as "fewer than 5": its value is unknown to the public.</summary>
    public bool Hidden => Count > 0 && OpenDataPrivacy.Suppress(Count) is null;
}

/// <summary>The areas whose quarterly total of one count may be published.</summary>
public sealed record Disclosure(IReadOnlySet<int> Beats, IReadOnlySet<int> Districts, bool City);

/// <summary>
/// Which quarterly totals a public report may show without giving back a count open data hides
/// (C11). A total is a sum of monthly cells, and the district's and city's totals are sums of their
/// beats': published together, subtraction could recover a hidden cell. So, besides the total being
/// at least <see cref="OpenDataPrivacy.MinimumCount"/>:
/// <list type="bullet">
/// <item>a beat's total is withheld when exactly one of its months is hidden (the total minus the
/// shown months would be that month);</item>
/// <item>a district's total is withheld when, after subtracting its shown beats, exactly one hidden
/// cell would remain (a withheld beat's single month, or the district's appeals without a beat
/// when they are 1–4);</item>
/// <item>the city's total likewise, over its withheld districts.</item>
/// </list>
/// Two or more unknowns left together reveal only their sum, as open data's own totals would.
/// </summary>
public static class ReportDisclosure
{
    public static Disclosure Publishable(IReadOnlyCollection<CountCell> cells, IReadOnlyDictionary<int, int> districtOfBeat)
    {
        var beatCells = cells.Where(c => c.BeatId is not null).GroupBy(c => c.BeatId!.Value).ToDictionary(g => g.Key, g => g.ToList());
        var beats = new HashSet<int>();
        // Unknowns left in each district's equation once its shown beats are subtracted.
        var unknownsInDistrict = new Dictionary<int, int>();
        foreach (var (beat, district) in districtOfBeat)
        {
            var own = beatCells.GetValueOrDefault(beat) ?? [];
            var hidden = own.Count(c => c.Hidden);
            if (own.Sum(c => c.Count) >= OpenDataPrivacy.MinimumCount && hidden != 1) beats.Add(beat);
            else unknownsInDistrict[district] = unknownsInDistrict.GetValueOrDefault(district) + hidden;
        }

        // Appeals of a district without a beat are one unknown quarterly figure, hidden when 1–4.
        var withoutBeat = cells.Where(c => c.BeatId is null && c.DistrictId is not null).GroupBy(c => c.DistrictId!.Value).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        foreach (var (district, count) in withoutBeat)
            if (Hides(count)) unknownsInDistrict[district] = unknownsInDistrict.GetValueOrDefault(district) + 1;

        var districtTotals = districtOfBeat.Values.Distinct().ToDictionary(d => d, _ => 0);
        foreach (var cell in cells)
        {
            var district = cell.BeatId is { } b && districtOfBeat.TryGetValue(b, out var of) ? of : cell.DistrictId;
            if (district is { } d) districtTotals[d] = districtTotals.GetValueOrDefault(d) + cell.Count;
        }
        var districts = new HashSet<int>();
        var unknownsInCity = 0;
        foreach (var (district, total) in districtTotals)
        {
            var unknowns = unknownsInDistrict.GetValueOrDefault(district);
            if (total >= OpenDataPrivacy.MinimumCount && unknowns != 1) districts.Add(district);
            else unknownsInCity += unknowns;
        }
        var cityOnly = cells.Where(c => c.BeatId is null && c.DistrictId is null).Sum(c => c.Count);
        if (Hides(cityOnly)) unknownsInCity++;
        var city = cells.Sum(c => c.Count) >= OpenDataPrivacy.MinimumCount && unknownsInCity != 1;
        return new Disclosure(beats, districts, city);
    }

    private static bool Hides(int count) => count > 0 && OpenDataPrivacy.Suppress(count) is null;
}

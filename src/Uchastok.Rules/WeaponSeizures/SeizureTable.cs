namespace Uchastok.Rules.WeaponSeizures;

/// <summary>One counted line of seized items: the district, the quarter ("2026-Q4"), the category and how many.</summary>
public sealed record SeizureCount(int DistrictId, string Quarter, string Category, int Count);

/// <summary>A row of the table: an area (district) and the items per category in the paper's column order, with its total of weapons and of all items.</summary>
public sealed record SeizureTableRow(int DistrictId, IReadOnlyList<int> ByCategory, int Weapons, int Cases);

/// <summary>The paper's table for one quarter: districts as rows, categories as columns, and the totals row.</summary>
public sealed record SeizureTableQuarter(string Quarter, IReadOnlyList<SeizureTableRow> Rows, IReadOnlyList<int> Totals, int TotalWeapons, int TotalCases);

/// <summary>
/// Lays out counted items as the paper's table (L6427–6439): categories as columns in the paper's order, areas as rows,
/// a totals row. "Weapons" is the paper's own sum — its 268 «единиц оружия» are exactly its 38 rifles, 126 hunting guns
/// and 104 pistols — so the firearms only; ammunition counts rounds and never adds into it. "Cases" counts seizures
/// (the paper's «факты» by region).
/// </summary>
public static class SeizureTable
{
    public static IReadOnlyList<SeizureTableQuarter> Build(IEnumerable<SeizureCount> counts, IReadOnlyDictionary<(int DistrictId, string Quarter), int> cases)
    {
        var columns = SeizureCategories.All;
        var list = counts.ToList();
        var quarters = list.Select(c => c.Quarter).Concat(cases.Keys.Select(k => k.Quarter)).Distinct().OrderDescending(StringComparer.Ordinal);
        var result = new List<SeizureTableQuarter>();
        foreach (var quarter in quarters)
        {
            var inQuarter = list.Where(c => c.Quarter == quarter).ToList();
            var districts = inQuarter.Select(c => c.DistrictId).Concat(cases.Keys.Where(k => k.Quarter == quarter).Select(k => k.DistrictId)).Distinct().Order();
            var rows = districts.Select(d =>
            {
                var by = columns.Select(col => inQuarter.Where(c => c.DistrictId == d && c.Category == col.Code).Sum(c => c.Count)).ToList();
                return new SeizureTableRow(d, by, Weapons(by), cases.GetValueOrDefault((d, quarter)));
            }).ToList();
            var totals = columns.Select((_, i) => rows.Sum(r => r.ByCategory[i])).ToList();
            result.Add(new SeizureTableQuarter(quarter, rows, totals, Weapons(totals), rows.Sum(r => r.Cases)));
        }
        return result;
    }

    private static int Weapons(IReadOnlyList<int> byCategory) =>
        SeizureCategories.All.Select((c, i) => c.Firearm ? byCategory[i] : 0).Sum();
}

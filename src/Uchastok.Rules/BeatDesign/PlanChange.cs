namespace Uchastok.Rules.BeatDesign;

/// <summary>
/// What a proposal changes for the people in it: which of today's beats each proposed beat carries
/// on, and which small areas end up in another beat than today's.
/// </summary>
/// <remarks>
/// A proposal numbers its beats in its own way (the optimiser grows them from seeds; a plan of k
/// beats cannot keep the numbers of today's k + 3), so comparing numbers would count a renumbered
/// but identical plan as every area moved. Instead each proposed beat is matched to the beat of
/// today it shares most with, largest overlaps first, each beat used once; an area has moved when
/// its proposed beat does not carry on its beat of today. Approval keeps codes, inspectors and
/// reception points by the same matching, so "moved" means exactly the areas whose beat changes
/// when the proposal is applied. Greedy by overlap rather than an optimal assignment: it is what
/// approval has always done, and it keeps each inspector with the largest group of his residents
/// that stays together, which an assignment maximising the total overlap may give away to make the
/// sum larger. On proposals close to today, as minimal change makes them, the two agree.
/// </remarks>
/// <param name="Kept">Each proposed beat that carries on one of today's beats, with that beat.</param>
/// <param name="Moved">Per area: whether it ends up in another beat than today's (an area without a beat today never has).</param>
public sealed record PlanChange(IReadOnlyDictionary<int, int> Kept, IReadOnlyList<bool> Moved, int AreasMoved, long ResidentsMoved)
{
    /// <summary>
    /// Compares a proposal with today's plan, area by area. Beats are labels of any kind: today's
    /// may be beat ids, with −1 for an area without a beat; a proposal's any number. The overlap of
    /// two beats counts residents, and one for each area so that empty areas weigh too.
    /// </summary>
    public static PlanChange Of(IReadOnlyList<int> today, IReadOnlyList<int> proposal, IReadOnlyList<int> residents)
    {
        if (proposal.Count != today.Count || residents.Count != today.Count)
            throw new ArgumentException("Today's plan, the proposal and the residents must have one entry per area.");
        var overlap = new Dictionary<(int Proposed, int Today), long>();
        for (var i = 0; i < today.Count; i++)
        {
            if (today[i] < 0) continue;
            overlap[(proposal[i], today[i])] = overlap.GetValueOrDefault((proposal[i], today[i])) + residents[i] + 1;
        }
        var kept = new Dictionary<int, int>();
        var taken = new HashSet<int>();
        foreach (var ((proposed, current), _) in overlap.OrderByDescending(o => o.Value).ThenBy(o => o.Key.Proposed).ThenBy(o => o.Key.Today))
        {
            if (kept.ContainsKey(proposed) || taken.Contains(current)) continue;
            kept[proposed] = current;
            taken.Add(current);
        }

        var moved = new bool[today.Count];
        var (areas, people) = (0, 0L);
        for (var i = 0; i < today.Count; i++)
        {
            if (today[i] < 0 || (kept.TryGetValue(proposal[i], out var carried) && carried == today[i])) continue;
            moved[i] = true;
            areas++;
            people += residents[i];
        }
        return new PlanChange(kept, moved, areas, people);
    }
}

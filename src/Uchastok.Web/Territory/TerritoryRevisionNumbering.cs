using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Territory;

/// <summary>
/// The territory revision is public: the pages link the map layers as <c>…geojson?v=REVISION</c> and
/// browsers keep such an answer for a year. After a restore the revision would go back to the
/// backup's, and the next beat import would publish different beats under a revision some browsers
/// already keep; so a restore (a gap) moves it on past every revision that may have been served.
/// </summary>
public sealed class TerritoryRevisionNumbering : INumberingGuard
{
    public async Task<IReadOnlyList<RaisedCounter>> RaiseAsync(UchastokDbContext db, long gap, CancellationToken cancellationToken = default)
    {
        if (gap <= 0) return [];
        var before = await db.TerritoryRevisions.AsNoTracking().Where(r => r.Id == TerritoryRevision.SingletonId).Select(r => (long?)r.Number).SingleOrDefaultAsync(cancellationToken);
        if (before is null) return [];
        await db.TerritoryRevisions.Where(r => r.Id == TerritoryRevision.SingletonId)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.Number, x => x.Number + gap), cancellationToken);
        return [new RaisedCounter("territory revision", before.Value, before.Value + gap)];
    }
}

namespace Uchastok.Web.Shared.Data;

/// <summary>
/// A module's public sequential numbers (appeal numbers, tip references, the territory revision in
/// cached map addresses). The counter behind them must never fall to a number already issued: a
/// database restored from a backup, or a counter row lost with a plain file copy, would otherwise
/// hand someone a number that another person already holds. Implementations raise their counters to
/// at least the highest number present in the data, plus <c>gap</c>; they are called at every start
/// (gap 0, normally a no-op) and by restore (the configured gap, for the numbers issued after the
/// backup was taken, which are gone from the restored data but not from people's hands). The context
/// is passed in, because restore works on a database the host is not connected to.
/// </summary>
public interface INumberingGuard
{
    Task<IReadOnlyList<RaisedCounter>> RaiseAsync(UchastokDbContext db, long gap, CancellationToken cancellationToken = default);
}

/// <summary>A counter that was moved: its name, the last number it would have issued before, and after.</summary>
public sealed record RaisedCounter(string Name, long Before, long After);

public static class NumberingGuards
{
    /// <summary>Raises every module's counters on <paramref name="db"/>; returns the counters that moved.</summary>
    public static async Task<IReadOnlyList<RaisedCounter>> RaiseAllAsync(IServiceProvider services, UchastokDbContext db, long gap, CancellationToken cancellationToken = default)
    {
        var raised = new List<RaisedCounter>();
        foreach (var guard in services.GetServices<INumberingGuard>()) raised.AddRange(await guard.RaiseAsync(db, gap, cancellationToken));
        return raised;
    }
}

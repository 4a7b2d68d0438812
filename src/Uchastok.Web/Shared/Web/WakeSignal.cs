namespace Uchastok.Web.Shared.Web;

/// <summary>
/// Wakes one background loop at once rather than at its next interval. At most one wake is kept: many notifications
/// before the loop looks are one wake, since the loop reads everything new when it runs. Each loop has its own derived
/// type, so each is its own singleton in the container.
/// </summary>
public abstract class WakeSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount > 0) return;
        try { _signal.Release(); }
        catch (SemaphoreFullException) { /* signalled by another thread meanwhile */ }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}

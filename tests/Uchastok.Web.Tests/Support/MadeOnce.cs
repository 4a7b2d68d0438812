namespace Uchastok.Web.Tests.Support;

/// <summary>
/// Data a class fixture makes when its first test asks for it and hands to every later test of the class. Tests of a
/// class may ask at once, so the making is gated; a making that fails is tried again by the next test that asks.
/// </summary>
public sealed class MadeOnce<T>
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private T? _value;
    private bool _made;

    public async Task<T> GetAsync(Func<Task<T>> make)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_made)
            {
                _value = await make();
                _made = true;
            }
            return _value!;
        }
        finally
        {
            _gate.Release();
        }
    }
}

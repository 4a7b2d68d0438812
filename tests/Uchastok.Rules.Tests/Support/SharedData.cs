using Uchastok.Rules.Territory.DemoCity;

namespace Uchastok.Rules.Tests.Support;

/// <summary>The read-only shared data folder beside the repository (or <c>UCHASTOK_SHARED_DATA</c>).</summary>
public static class SharedData
{
    public static string Path { get; } = SharedDataFolder.Find(AppContext.BaseDirectory);
}

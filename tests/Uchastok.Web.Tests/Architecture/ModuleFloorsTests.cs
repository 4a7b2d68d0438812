using Uchastok.Web.Territory.FloorProbe;

namespace Uchastok.Web.Tests.Architecture;

/// <summary>Modules stand on floors: no dependency reaches sideways or up, so there is no cycle to copy.</summary>
public sealed class ModuleFloorsTests
{
    private static readonly Lazy<ArchUnitNET.Domain.Architecture> Web = new(() => ModuleFloors.Load(typeof(Program).Assembly));

    [Fact]
    public void EveryModuleUsesOnlyModulesOnLowerFloors()
    {
        var violations = ModuleFloors.Check(Web.Value);
        Assert.True(violations.Count == 0, "Dependencies outside the floors:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void EveryModuleOfTheSiteHasAFloor()
    {
        var modules = Web.Value.Types.Select(ModuleFloors.ModuleOf).OfType<string>().Distinct().Order().ToList();
        var unplaced = modules.Where(m => !ModuleFloors.Floor.ContainsKey(m)).ToList();
        Assert.True(unplaced.Count == 0, "Modules without a floor: " + string.Join(", ", unplaced));
        Assert.Contains("Appeals", modules);
    }

    /// <summary>
    /// The check reads compiled code: <see cref="TerritoryReachingUp"/> (in this test assembly, in Territory's namespace)
    /// uses an Appeals type, which a floor-1 module must not, and the check names it.
    /// </summary>
    [Fact]
    public void ADependencyOnAHigherFloor_IsFound()
    {
        var probe = ModuleFloors.Load(typeof(Program).Assembly, typeof(TerritoryReachingUp).Assembly);
        var violations = ModuleFloors.Check(probe, t => t.FullName.StartsWith("Uchastok.Web.Territory.FloorProbe", StringComparison.Ordinal));
        var found = Assert.Single(violations);
        Assert.Equal(("Territory", "Appeals"), (found.From, found.To));
        Assert.Equal(typeof(TerritoryReachingUp).FullName, found.FromType);
        Assert.Equal(typeof(Uchastok.Web.Appeals.Appeal).FullName, found.ToType);
    }
}

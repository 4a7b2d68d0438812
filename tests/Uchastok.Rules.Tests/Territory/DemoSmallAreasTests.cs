using Uchastok.Rules.BeatDesign;
using Uchastok.Rules.Territory.DemoCity;
using Uchastok.Rules.Tests.Support;

namespace Uchastok.Rules.Tests.Territory;

public sealed class DemoSmallAreasTests
{
    private static readonly Lazy<DemoCity> City = new(() => DemoCityGenerator.Generate(AlmatyDistrictSource.Load(SharedData.Path)));

    [Fact]
    public void Subdivide_CutsEveryBeatIntoSmallAreasThatTileItAndShareItsResidents()
    {
        var beats = City.Value.Beats;

        var areas = DemoSmallAreas.Subdivide(beats);

        Assert.Equal(beats.Count, areas.Select(a => a.BeatIndex).Distinct().Count());
        Assert.Equal(areas.Count, areas.Select(a => a.Code).Distinct().Count());
        foreach (var group in areas.GroupBy(a => a.BeatIndex))
        {
            var beat = beats[group.Key];
            Assert.InRange(group.Count(), 2, DemoSmallAreas.PerBeat);
            Assert.Equal(beat.Population, group.Sum(a => a.Population));
            Assert.Equal(beat.Boundary.Area, group.Sum(a => a.Boundary.Area), beat.Boundary.Area * 1e-6);
            Assert.All(group, a => Assert.True(beat.Boundary.Buffer(1e-7).Covers(a.Boundary), a.Code));
        }
    }

    [Fact]
    public void Subdivide_SameSeed_SameAreas_AndNeighboursAreFoundWithinEachBeat()
    {
        var beats = City.Value.Beats.Take(20).ToList();

        var first = DemoSmallAreas.Subdivide(beats);
        var second = DemoSmallAreas.Subdivide(beats);

        Assert.Equal(first.Select(a => (a.Code, a.Population, a.Boundary.Area)), second.Select(a => (a.Code, a.Population, a.Boundary.Area)));
        var adjacency = AreaAdjacency.Build(first.Select(a => a.Boundary).ToList());
        foreach (var group in first.Select((a, i) => (a.BeatIndex, i)).GroupBy(x => x.BeatIndex))
            Assert.True(adjacency.IsConnected(group.Select(x => x.i).ToList()), $"beat {group.Key}");
    }
}

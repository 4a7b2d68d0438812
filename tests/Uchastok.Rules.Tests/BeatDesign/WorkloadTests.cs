using Uchastok.Rules.BeatDesign;

namespace Uchastok.Rules.Tests.BeatDesign;

public sealed class WorkloadTests
{
    [Fact]
    public void Of_WeighsEachComponent_AndRuralLandCountsTwice()
    {
        var weights = WorkloadWeights.Default with { IncidentTypeFactors = new Dictionary<string, double> { ["burglary"] = 1.5 } };
        var area = new AreaWorkloadInput(4000, new Dictionary<string, int> { ["burglary"] = 10, ["theft"] = 5 }, 12, 2.0, Rural: true);

        var load = Workload.Of(area, weights);

        Assert.Equal(4000, load.Residents);
        Assert.Equal(10 * 20 * 1.5 + 5 * 20, load.Incidents);
        Assert.Equal(120, load.Appeals);
        Assert.Equal(2.0 * 300 * 2, load.Travel);
        Assert.Equal(4000 + 400 + 120 + 1200, load.Total);
    }

    [Fact]
    public void Staffing_ByTargetLoadAndByTodaysNorm()
    {
        var estimate = StaffingEstimate.For(totalLoad: 412_000, targetLoadPerInspector: 5000, residents: 380_000);

        Assert.Equal(83, estimate.ByTargetLoad);
        Assert.Equal(127, estimate.ByNormAtMost);
        Assert.Equal(76, estimate.ByNormAtLeast);
        Assert.Throws<ArgumentOutOfRangeException>(() => StaffingEstimate.For(1, 0, 1));
    }
}

using Uchastok.Rules.Appeals;

namespace Uchastok.Rules.Tests.Appeals;

public sealed class AppealRoutingTests
{
    private static readonly Dictionary<int, int> Heads = new() { [1] = 100, [2] = 200 };

    [Fact]
    public void Route_PlaceInABeatWithAnInspector_GoesToThatInspector()
    {
        var decision = AppealRouting.Route(new RoutingInput(new BeatAtPlace(10, 1, 11), null, false, null, Heads));

        Assert.Equal(new RoutingDecision(AppealQueue.Inspector, 1, 11), decision);
    }

    [Fact]
    public void Route_VacantBeat_GoesToTheDistrictDutyList()
    {
        Assert.Equal(new RoutingDecision(AppealQueue.DistrictDuty, 1, null), AppealRouting.Route(new RoutingInput(new BeatAtPlace(10, 1, null), null, false, null, Heads)));
    }

    [Fact]
    public void Route_NoPlace_GoesToTheChosenDistrictsDutyList()
    {
        Assert.Equal(new RoutingDecision(AppealQueue.DistrictDuty, 2, null), AppealRouting.Route(new RoutingInput(null, 2, false, null, Heads)));
    }

    [Fact]
    public void Route_ComplaintAboutTheBeatsOwnInspector_GoesToHisHeadNotToHim()
    {
        var decision = AppealRouting.Route(new RoutingInput(new BeatAtPlace(10, 1, 11), null, true, new ConcernedOfficer(11, 1, false), Heads));

        Assert.Equal(new RoutingDecision(AppealQueue.Supervisor, 1, 100), decision);
    }

    [Fact]
    public void Route_ComplaintAboutAnOfficerOfAnotherDistrict_GoesToThatDistrictsHead()
    {
        var decision = AppealRouting.Route(new RoutingInput(new BeatAtPlace(10, 1, 11), null, true, new ConcernedOfficer(21, 2, false), Heads));

        Assert.Equal(new RoutingDecision(AppealQueue.Supervisor, 2, 200), decision);
    }

    [Fact]
    public void Route_ComplaintAboutAHeadOfDistrict_GoesToInternalSecurityWithNoAssignee()
    {
        var decision = AppealRouting.Route(new RoutingInput(new BeatAtPlace(10, 1, 11), null, true, new ConcernedOfficer(100, 1, true), Heads));

        Assert.Equal(new RoutingDecision(AppealQueue.InternalSecurity, 1, null), decision);
    }

    [Fact]
    public void Route_ComplaintAboutAnUnnamedOfficer_GoesToTheHeadOfTheDistrictWhereItHappened()
    {
        var decision = AppealRouting.Route(new RoutingInput(new BeatAtPlace(10, 2, 21), null, true, null, Heads));

        Assert.Equal(new RoutingDecision(AppealQueue.Supervisor, 2, 200), decision);
    }
}

using Uchastok.Rules.Prevention;

namespace Uchastok.Rules.Tests.Prevention;

public sealed class PreventionAccessTests
{
    private const int Beat = 7;
    private const int District = 2;

    private static readonly PreventionRecordScope Entry = new(Beat, District);
    private static readonly PreventionRecordScope JuvenileEntry = new(Beat, District, Juvenile: true);
    private static readonly PreventionRecordScope DvCase = new(Beat, District, DomesticViolenceCase: true, HasVictimData: true);

    private static readonly PreventionActor BeatInspector = PreventionActor.InspectorOf(3, Beat);
    private static readonly PreventionActor OtherBeatInspector = PreventionActor.InspectorOf(8);
    private static readonly PreventionActor Supervisor = PreventionActor.Of(PreventionActorKind.Supervisor, District);
    private static readonly PreventionActor OtherSupervisor = PreventionActor.Of(PreventionActorKind.Supervisor, 3);
    private static readonly PreventionActor Juvenile = PreventionActor.Of(PreventionActorKind.JuvenileInspector, District);
    private static readonly PreventionActor WomenProtection = PreventionActor.Of(PreventionActorKind.WomenProtectionOfficer, District);
    private static readonly PreventionActor Admin = PreventionActor.Of(PreventionActorKind.Admin);

    public static TheoryData<string, bool, bool, bool> ReadMatrix => new()
    {
        // actor, ordinary entry, juvenile entry, DV case
        { "beat inspector", true, true, true },
        { "other beat's inspector", false, false, false },
        { "supervisor", true, true, true },
        { "other district's supervisor", false, false, false },
        { "juvenile inspector", false, true, false },
        { "women-protection officer", false, false, true },
        { "admin", true, true, true },
        { "resident", false, false, false },
        { "partner", false, false, false },
        { "anonymous", false, false, false },
    };

    private static PreventionActor Actor(string name) => name switch
    {
        "beat inspector" => BeatInspector,
        "other beat's inspector" => OtherBeatInspector,
        "supervisor" => Supervisor,
        "other district's supervisor" => OtherSupervisor,
        "juvenile inspector" => Juvenile,
        "women-protection officer" => WomenProtection,
        "admin" => Admin,
        // A resident or partner who names the district must still get nothing.
        "resident" => PreventionActor.Of(PreventionActorKind.Resident, District),
        "partner" => PreventionActor.Of(PreventionActorKind.Partner, District),
        _ => new PreventionActor(PreventionActorKind.Anonymous, new HashSet<int> { Beat }, District),
    };

    [Theory]
    [MemberData(nameof(ReadMatrix))]
    public void Read_ByActor_AllowsExactlyTheIssuesList(string actor, bool entry, bool juvenileEntry, bool dvCase)
    {
        Assert.Equal(entry, PreventionAccess.Read(Actor(actor), Entry).Allowed);
        Assert.Equal(juvenileEntry, PreventionAccess.Read(Actor(actor), JuvenileEntry).Allowed);
        Assert.Equal(dvCase, PreventionAccess.Read(Actor(actor), DvCase).Allowed);
    }

    [Fact]
    public void Read_Refused_IsNotFoundAndShowsNoVictim()
    {
        var decision = PreventionAccess.Read(OtherBeatInspector, DvCase);

        Assert.Equal(PreventionAccessOutcome.NotFound, decision.Outcome);
        Assert.False(decision.ShowsVictim);
    }

    [Theory]
    [InlineData("beat inspector", true)]
    [InlineData("supervisor", true)]
    [InlineData("women-protection officer", true)]
    [InlineData("admin", false)]
    [InlineData("juvenile inspector", false)]
    [InlineData("other beat's inspector", false)]
    [InlineData("other district's supervisor", false)]
    [InlineData("resident", false)]
    public void ReadVictim_OnlyTheBeatsInspectorTheWomenProtectionOfficerAndTheSupervisor(string actor, bool allowed)
    {
        var juvenileDvCase = DvCase with { Juvenile = true };

        Assert.Equal(allowed ? PreventionAccessOutcome.Allow : PreventionAccessOutcome.NotFound, PreventionAccess.ReadVictim(Actor(actor), juvenileDvCase));
        Assert.Equal(allowed, PreventionAccess.Read(Actor(actor), juvenileDvCase).ShowsVictim);
    }

    [Fact]
    public void Read_AdminReadsTheDvCaseWithoutTheVictim()
    {
        var decision = PreventionAccess.Read(Admin, DvCase);

        Assert.True(decision.Allowed);
        Assert.False(decision.ShowsVictim);
    }

    [Fact]
    public void ReadVictim_OnARecordWithoutVictimData_IsNotFoundEvenForTheBeatInspector()
    {
        Assert.Equal(PreventionAccessOutcome.NotFound, PreventionAccess.ReadVictim(BeatInspector, DvCase with { HasVictimData = false }));
        Assert.False(PreventionAccess.Read(BeatInspector, Entry).ShowsVictim);
    }

    [Fact]
    public void Read_DistrictStaffWithoutADistrict_GetNothing()
    {
        foreach (var kind in new[] { PreventionActorKind.Supervisor, PreventionActorKind.JuvenileInspector, PreventionActorKind.WomenProtectionOfficer })
            Assert.False(PreventionAccess.Read(PreventionActor.Of(kind), DvCase with { Juvenile = true }).Allowed);
    }

    [Fact]
    public void Read_EveryActorKindNotNamedByTheIssue_IsDenied()
    {
        var named = new[]
        {
            PreventionActorKind.Inspector, PreventionActorKind.Supervisor, PreventionActorKind.JuvenileInspector,
            PreventionActorKind.WomenProtectionOfficer, PreventionActorKind.Admin,
        };
        var record = DvCase with { Juvenile = true };
        foreach (var kind in Enum.GetValues<PreventionActorKind>().Except(named))
            Assert.False(PreventionAccess.Read(new PreventionActor(kind, new HashSet<int> { Beat }, District), record).Allowed, kind.ToString());
    }
}

using Uchastok.Rules.Prevention;

namespace Uchastok.Rules.Tests.Prevention;

public sealed class PreventionFileLifecycleTests
{
    private static readonly DateOnly PutOnRecord = new(2027, 1, 11);
    private static readonly DateOnly Today = new(2027, 3, 10);
    private static readonly CalendarPeriod ThreeYears = new(3, PeriodUnit.Years);

    private static PreventionFileFacts OnRecord(int beat = 7) => new(PreventionFileState.OnRecord, beat, PutOnRecord, ThreeYears);

    private static PreventionFileDecision Decide(PreventionFileEvent fileEvent, PreventionFileEventInput input, PreventionFileFacts? file = null) =>
        PreventionFileLifecycle.Decide(file ?? OnRecord(), fileEvent, input, Today);

    [Fact]
    public void Removed_WithReasonAndDate_LeavesEveryListAndSetsThePurgeDay()
    {
        var decision = Decide(PreventionFileEvent.Removed, new(new DateOnly(2027, 2, 28), Reason: "Conviction expunged"));

        Assert.True(decision.Allowed);
        Assert.Equal(PreventionFileState.Removed, decision.To);
        Assert.True(decision.Effects.CancelsOpenActions);
        Assert.True(decision.Effects.RecordsEvent);
        Assert.Equal(new DateOnly(2027, 2, 28), decision.Effects.RemovedOn);
        Assert.Equal(new DateOnly(2030, 2, 28), decision.Effects.PurgeDueOn);
        Assert.Null(decision.Effects.MovesToBeatId);
    }

    [Fact]
    public void Removed_WithoutReason_IsRefusedAndChangesNothing()
    {
        var decision = Decide(PreventionFileEvent.Removed, new(Today, Reason: "  "));

        Assert.Equal(PreventionFileRefusal.ReasonRequired, decision.Refusal);
        Assert.Equal(PreventionFileState.OnRecord, decision.To);
        Assert.Same(PreventionFileEffects.None, decision.Effects);
    }

    [Fact]
    public void MovedToBeat_MovesTheFileToTheNewBeat()
    {
        var decision = Decide(PreventionFileEvent.MovedToBeat, new(Today, ToBeatId: 12));

        Assert.True(decision.Allowed);
        Assert.Equal(PreventionFileState.OnRecord, decision.To);
        Assert.Equal(12, decision.Effects.MovesToBeatId);
        Assert.False(decision.Effects.CancelsOpenActions);
        Assert.Null(decision.Effects.PurgeDueOn);
    }

    [Fact]
    public void MovedToBeat_ThenTheOldInspectorReads_NotFound()
    {
        var decision = Decide(PreventionFileEvent.MovedToBeat, new(Today, ToBeatId: 12));
        var moved = new PreventionRecordScope(decision.Effects.MovesToBeatId!.Value, DistrictId: 2);

        Assert.False(PreventionAccess.Read(PreventionActor.InspectorOf(7), moved).Allowed);
        Assert.True(PreventionAccess.Read(PreventionActor.InspectorOf(12), moved).Allowed);
    }

    [Theory]
    [InlineData(null, PreventionFileRefusal.TargetBeatRequired)]
    [InlineData(7, PreventionFileRefusal.SameBeat)]
    public void MovedToBeat_WithoutADifferentBeat_IsRefused(int? toBeat, PreventionFileRefusal refusal)
    {
        Assert.Equal(refusal, Decide(PreventionFileEvent.MovedToBeat, new(Today, ToBeatId: toBeat)).Refusal);
    }

    [Fact]
    public void AddressChanged_ReplacesTheAddressAndAsksTheCallerToLocateItsBeat()
    {
        var decision = Decide(PreventionFileEvent.AddressChanged, new(Today, NewAddress: "Tole bi 59"));

        Assert.True(decision.Effects.ReplacesAddress);
        Assert.True(decision.Effects.LocatesBeatOfNewAddress);
        Assert.Null(decision.Effects.MovesToBeatId);
        Assert.Equal(PreventionFileRefusal.AddressRequired, Decide(PreventionFileEvent.AddressChanged, new(Today)).Refusal);
    }

    [Theory]
    [InlineData(PreventionFileEvent.SupervisionBreach)]
    [InlineData(PreventionFileEvent.NewOffence)]
    public void BreachOrOffence_IsRecordedAndLinksAProtocolOnlyWhenGiven(PreventionFileEvent fileEvent)
    {
        var withProtocol = Decide(fileEvent, new(Today, ProtocolReference: "АП-2027-000123"));
        var without = Decide(fileEvent, new(Today));

        Assert.Equal(PreventionFileState.OnRecord, withProtocol.To);
        Assert.True(withProtocol.Effects.RecordsEvent);
        Assert.True(withProtocol.Effects.LinksProtocol);
        Assert.True(without.Allowed);
        Assert.False(without.Effects.LinksProtocol);
    }

    [Theory]
    [InlineData(null, PreventionFileRefusal.DateRequired)]
    [InlineData("2027-03-11", PreventionFileRefusal.DateInFuture)]
    [InlineData("2027-01-10", PreventionFileRefusal.DateBeforeRecord)]
    public void AnyEvent_WithABadDate_IsRefused(string? date, PreventionFileRefusal refusal)
    {
        var input = new PreventionFileEventInput(date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Reason: "r", NewAddress: "a", ToBeatId: 12);
        foreach (var fileEvent in Enum.GetValues<PreventionFileEvent>()) Assert.Equal(refusal, Decide(fileEvent, input).Refusal);
    }

    [Fact]
    public void AnyEvent_OnARemovedFile_IsRefused()
    {
        var removed = OnRecord() with { State = PreventionFileState.Removed };
        var input = new PreventionFileEventInput(Today, Reason: "r", NewAddress: "a", ToBeatId: 12);

        foreach (var fileEvent in Enum.GetValues<PreventionFileEvent>())
        {
            var decision = Decide(fileEvent, input, removed);
            Assert.Equal(PreventionFileRefusal.NotFromThisState, decision.Refusal);
            Assert.Equal(PreventionFileState.Removed, decision.To);
        }
    }

    [Fact]
    public void PurgeDue_IsRemovalPlusRetentionAndTheJobActsFromThatDayOn()
    {
        var purge = PreventionFileLifecycle.PurgeDue(new DateOnly(2027, 1, 31), new CalendarPeriod(6, PeriodUnit.Months));

        Assert.Equal(new DateOnly(2027, 7, 31), purge);
        Assert.False(PreventionFileLifecycle.IsPurgeDue(PreventionFileState.Removed, purge, purge.AddDays(-1)));
        Assert.True(PreventionFileLifecycle.IsPurgeDue(PreventionFileState.Removed, purge, purge));
        Assert.True(PreventionFileLifecycle.IsPurgeDue(PreventionFileState.Removed, purge, purge.AddYears(1)));
        Assert.False(PreventionFileLifecycle.IsPurgeDue(PreventionFileState.OnRecord, purge, purge.AddYears(1)));
        Assert.False(PreventionFileLifecycle.IsPurgeDue(PreventionFileState.Removed, null, purge));
    }
}

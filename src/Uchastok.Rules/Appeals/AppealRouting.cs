namespace Uchastok.Rules.Appeals;

/// <summary>Whose list an appeal lands on.</summary>
public enum AppealQueue
{
    /// <summary>The inspector of the beat where it happened.</summary>
    Inspector,
    /// <summary>The district's duty list, for the supervisor to assign: no place given, or a vacant beat.</summary>
    DistrictDuty,
    /// <summary>The head of the district service: complaints about the district's officers.</summary>
    Supervisor,
    /// <summary>The city's internal security (administrators): complaints about a head of district service.</summary>
    InternalSecurity,
}

/// <summary>The beat at the appeal's place, if it has one.</summary>
public sealed record BeatAtPlace(int BeatId, int DistrictId, int? InspectorOfficerId);

/// <summary>The officer a complaint is about.</summary>
public sealed record ConcernedOfficer(int OfficerId, int DistrictId, bool IsHeadOfDistrict);

/// <summary>
/// Everything routing looks at. <paramref name="AboutPoliceOfficer"/> without a
/// <paramref name="ConcernedOfficer"/> is a complaint about an officer the resident could not name.
/// </summary>
public sealed record RoutingInput(
    BeatAtPlace? Beat,
    int? ChosenDistrictId,
    bool AboutPoliceOfficer,
    ConcernedOfficer? ConcernedOfficer,
    IReadOnlyDictionary<int, int> HeadOfficerByDistrict);

public sealed record RoutingDecision(AppealQueue Queue, int? DistrictId, int? AssigneeOfficerId);

/// <summary>
/// Routes an appeal on receipt: by place to the beat's inspector; a complaint about an officer to
/// that officer's head, never to the officer (C5); with no place or no inspector, to the district
/// duty list. The officer a complaint concerns is never its assignee.
/// </summary>
public static class AppealRouting
{
    public static RoutingDecision Route(RoutingInput input)
    {
        var district = input.Beat?.DistrictId ?? input.ChosenDistrictId;
        if (input.ConcernedOfficer is { } concerned)
        {
            if (concerned.IsHeadOfDistrict || !input.HeadOfficerByDistrict.TryGetValue(concerned.DistrictId, out var head) || head == concerned.OfficerId)
                return new RoutingDecision(AppealQueue.InternalSecurity, concerned.DistrictId, null);
            return new RoutingDecision(AppealQueue.Supervisor, concerned.DistrictId, head);
        }
        if (input.AboutPoliceOfficer)
        {
            // Not named: the head of the district where it happened decides who it concerns.
            return district is { } d && input.HeadOfficerByDistrict.TryGetValue(d, out var districtHead)
                ? new RoutingDecision(AppealQueue.Supervisor, d, districtHead)
                : new RoutingDecision(AppealQueue.InternalSecurity, district, null);
        }
        if (input.Beat is { InspectorOfficerId: { } inspector } beat)
            return new RoutingDecision(AppealQueue.Inspector, beat.DistrictId, inspector);
        return new RoutingDecision(AppealQueue.DistrictDuty, district, null);
    }

    /// <summary>
    /// Who reviews a contested answer: the head of the appeal's district, unless the appeal is about
    /// him (or the district has none), in which case the city's internal security.
    /// </summary>
    public static Reassignment ForReview(int? districtId, int? concernedOfficerId, IReadOnlyDictionary<int, int> headOfficerByDistrict) =>
        districtId is { } district && headOfficerByDistrict.TryGetValue(district, out var head) && head != concernedOfficerId
            ? new Reassignment(AppealQueue.Supervisor, head)
            : new Reassignment(AppealQueue.InternalSecurity, null);
}

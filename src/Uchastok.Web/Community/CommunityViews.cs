using System.Globalization;
using System.Text.Json.Serialization;
using Uchastok.Web.Shared.Localization;

namespace Uchastok.Web.Community;

/// <summary>
/// A beat's meeting in the neighbourhood API, with police.uk's field names (<c>start_date</c>,
/// <c>end_date</c>) and local times with their offset, so that clients written for police.uk read it.
/// </summary>
public sealed record NeighbourhoodEvent(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("language")] string Language,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("start_date")] string StartDate,
    [property: JsonPropertyName("end_date")] string EndDate,
    [property: JsonPropertyName("ics")] string Ics)
{
    public static NeighbourhoodEvent Of(MeetingView meeting) => new(
        meeting.Id, meeting.KindLabel, meeting.Kind, meeting.Agenda, meeting.Place, meeting.Link, meeting.Language, meeting.Status,
        Local(meeting.StartsAtUtc), Local(meeting.EndsAtUtc), $"/api/v1/meetings/{meeting.Id}.ics");

    private static string Local(DateTime utc) => KazakhstanTime.ToLocal(utc).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}

/// <summary>A beat's priority in the neighbourhood API, with police.uk's field names (<c>issue-date</c>, <c>action-date</c>).</summary>
public sealed record NeighbourhoodPriorityItem(
    [property: JsonPropertyName("issue")] string Issue,
    [property: JsonPropertyName("issue-date")] string IssueDate,
    [property: JsonPropertyName("action")] string? Action,
    [property: JsonPropertyName("action-date")] string? ActionDate,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("language")] string Language)
{
    public static NeighbourhoodPriorityItem Of(PriorityView priority) => new(
        priority.Issue, priority.RaisedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), priority.Action,
        priority.ActionOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), priority.Status, priority.Language);
}

/// <summary>A booked reception: the private token and the link by which its holder sees and cancels it.</summary>
public sealed record BookingCreated(string Token, string ManageUrl);

/// <summary>A subscription taken: the answer is the same whether the address was known, so it tells nobody who subscribed.</summary>
public sealed record SubscriptionAccepted(string Message);

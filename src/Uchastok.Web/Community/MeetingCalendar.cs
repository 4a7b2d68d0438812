using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Uchastok.Web.Notifications;
using Uchastok.Web.Shared.Localization;

namespace Uchastok.Web.Community;

/// <summary>
/// Meetings and personal receptions as iCalendar (RFC 5545, written by Ical.Net): one meeting or
/// one booked reception to add to a calendar, or a beat's feed to subscribe to. Each meeting keeps its UID and raises its SEQUENCE when it
/// changes, so a calendar that imported it takes a new time or a cancellation.
/// </summary>
public sealed class MeetingCalendar(NotificationSettings settings, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> localizer, TimeProvider clock)
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public string Write(IEnumerable<MeetingView> meetings, string name)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Uchastok//Community meetings//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        // With METHOD:PUBLISH, DTSTAMP is when this object was written (RFC 5545, 3.8.7.2).
        var written = new CalDateTime(DateTime.SpecifyKind(clock.GetUtcNow().UtcDateTime, DateTimeKind.Utc));
        foreach (var meeting in meetings)
        {
            var url = $"{settings.PublicUrl.TrimEnd('/')}/beats/{meeting.BeatId}";
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"meeting-{meeting.Id}@uchastok",
                Summary = $"{meeting.KindLabel} — {meeting.Beat}",
                Description = string.Join("\n", new[] { meeting.Agenda, meeting.Link, localizer["Meeting.Inspector", meeting.Officer].Value }.Where(t => !string.IsNullOrWhiteSpace(t))),
                Location = meeting.Place,
                DtStart = new CalDateTime(DateTime.SpecifyKind(meeting.StartsAtUtc, DateTimeKind.Utc)),
                DtEnd = new CalDateTime(DateTime.SpecifyKind(meeting.EndsAtUtc, DateTimeKind.Utc)),
                DtStamp = written,
                Sequence = meeting.Sequence,
                Status = meeting.Status == nameof(MeetingStatus.Cancelled) ? EventStatus.Cancelled : EventStatus.Confirmed,
                Url = new Uri(url),
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    /// <summary>A booked reception for its holder's calendar; cancelled, it says so, under the same UID.</summary>
    public string WriteBooking(BookingView booking, string manageUrl)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Uchastok//Receptions//EN", Method = "PUBLISH" };
        var starts = DateTime.SpecifyKind(booking.StartsAtUtc, DateTimeKind.Utc);
        calendar.Events.Add(new CalendarEvent
        {
            Uid = $"reception-{booking.Id}@uchastok",
            Summary = localizer["Reception.CalendarTitle", booking.Inspector].Value,
            Description = string.Join("\n", new[] { booking.Topic, manageUrl }.Where(t => !string.IsNullOrWhiteSpace(t))),
            Location = booking.Place,
            DtStart = new CalDateTime(starts),
            DtEnd = new CalDateTime(starts.AddMinutes(booking.DurationMinutes)),
            DtStamp = new CalDateTime(DateTime.SpecifyKind(clock.GetUtcNow().UtcDateTime, DateTimeKind.Utc)),
            Status = booking.Status == nameof(BookingStatus.Cancelled) ? EventStatus.Cancelled : EventStatus.Confirmed,
            Url = new Uri(manageUrl),
        });
        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }
}

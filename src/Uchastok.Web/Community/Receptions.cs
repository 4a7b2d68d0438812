using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Community;
using Uchastok.Rules.Territory;
using Uchastok.Web.Calendar;
using Uchastok.Web.Notifications;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Security;
using static Uchastok.Web.Shared.Web.InputText;
using Uchastok.Web.Shared.Web;
using Uchastok.Web.Accounts;

namespace Uchastok.Web.Community;

/// <summary>The free slots of a beat's inspector, in local time, with where he receives.</summary>
public sealed record SlotsView(int BeatId, int OfficerId, string Inspector, string Place, string Hours, int DurationMinutes, IReadOnlyList<DateTime> Slots);

/// <param name="StartsAt">A slot's local start, <c>yyyy-MM-ddTHH:mm</c>.</param>
public sealed record BookingInput(string? StartsAt, string? Name, string? Phone, string? Email, string? Topic, bool Consent);

/// <summary>A booking as its holder sees it (by the link) and as the inspector's day list shows it.</summary>
public sealed record BookingView(long Id, int BeatId, string Inspector, string Place, DateTime StartsAtUtc, int DurationMinutes, string Status, string Name, string? Phone, string? Email, string? Topic);

public enum BookingResult { Done, NotFound, Invalid, Taken }

/// <summary>
/// Personal receptions with the inspector (C10): slots cut from the reception point's hours on
/// working days, one person per slot (the database keeps it so), cancellation by the link sent
/// with the booking, a reminder the day before, and the inspector's list of the day.
/// </summary>
public sealed class Receptions(
    UchastokDbContext db, WorkingCalendarProvider calendars, Outbox outbox, OutboxSignal signal, NotificationSettings settings, IDataProtectionProvider protection,
    IStringLocalizer<SharedResource> localizer, Territory.TerritoryText territory, PersonalDataLog personalDataLog, TimeProvider clock, ILogger<Receptions> logger)
{
    private const string TokenPurpose = "Uchastok.Community.ReceptionToken";
    public const int MaxTopicLength = 500;
    public const int MaxFutureBookingsPerContact = 3;

    public async Task<SlotsView?> SlotsAsync(int beatId, CancellationToken cancellationToken = default)
    {
        var beat = await BeatAsync(beatId, cancellationToken);
        if (beat is null) return null;
        var slots = await OfferedAsync(beat, cancellationToken);
        var taken = await TakenAsync(beat.OfficerId, cancellationToken);
        return new SlotsView(beat.Id, beat.OfficerId, beat.Inspector, beat.Place, beat.HoursText, (int)ReceptionSlots.DefaultLength.TotalMinutes, slots.Where(s => !taken.Contains(s)).ToList());
    }

    public async Task<(BookingResult Result, FieldErrors Errors, string? Token)> BookAsync(int beatId, BookingInput input, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var beat = await BeatAsync(beatId, cancellationToken);
        if (beat is null) return (BookingResult.NotFound, errors, null);
        var name = ContactValidation.Name(input.Name, "name", localizer, errors);
        var (email, phone) = ContactValidation.Contacts(input.Email, input.Phone, localizer, errors);
        var topic = Blank(input.Topic);
        if (topic?.Length > MaxTopicLength) errors.Add("topic", localizer["Appeal.TextTooLong", MaxTopicLength]);
        if (!input.Consent) errors.Add("consent", localizer["Reception.ConsentRequired"]);
        var offered = await OfferedAsync(beat, cancellationToken);
        if (!DateTime.TryParseExact(input.StartsAt?.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) || !ReceptionSlots.IsOffered(offered, start))
            errors.Add("startsAt", localizer["Reception.SlotNotOffered"]);
        if (errors.Count == 0)
        {
            // One contact holds a few receptions at a time, so that nobody can fill an inspector's fortnight.
            var now = clock.GetUtcNow().UtcDateTime;
            var held = await db.ReceptionBookings.CountAsync(b => b.Status == BookingStatus.Booked && b.StartsAtUtc > now && ((email != null && b.Email == email) || (phone != null && b.Phone == phone)), cancellationToken);
            if (held >= MaxFutureBookingsPerContact) errors.Add(email is not null ? "email" : "phone", localizer["Reception.TooManyBookings", MaxFutureBookingsPerContact]);
        }
        if (errors.Count > 0) return (BookingResult.Invalid, errors, null);
        if ((await TakenAsync(beat.OfficerId, cancellationToken)).Contains(start))
        {
            errors.Add("startsAt", localizer["Reception.SlotTaken"]);
            return (BookingResult.Taken, errors, null);
        }

        var token = Secrets.New();
        var booking = new ReceptionBooking
        {
            OfficerId = beat.OfficerId, BeatId = beat.Id, ReceptionPointId = beat.ReceptionPointId, StartsAtUtc = new DateTimeOffset(start, KazakhstanTime.Offset).UtcDateTime,
            DurationMinutes = (int)ReceptionSlots.DefaultLength.TotalMinutes, Name = name!, Phone = phone, Email = email, Topic = topic, Language = LocalizationSetup.CurrentLanguage,
            Status = BookingStatus.Booked, TokenHash = Secrets.Hash(token), ProtectedToken = protection.CreateProtector(TokenPurpose).Protect(token), CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.ReceptionBookings.Add(booking);
        await NotifyAsync(booking, DefaultTemplates.ReceptionBooked, token, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            // Someone took the slot between the check and the save: the unique index keeps one.
            db.ChangeTracker.Clear();
            errors.Add("startsAt", localizer["Reception.SlotTaken"]);
            return (BookingResult.Taken, errors, null);
        }
        signal.Notify();
        logger.LogInformation("Reception booked with officer {Officer} at {Start}", beat.OfficerId, booking.StartsAtUtc);
        return (BookingResult.Done, errors, token);
    }

    public async Task<BookingView?> ByTokenAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return null;
        return (await ViewsAsync(db.ReceptionBookings.Where(b => b.TokenHash == Secrets.Hash(token)), cancellationToken)).SingleOrDefault();
    }

    /// <summary>The holder cancels by the link, up to the start; the slot is free again at once.</summary>
    public async Task<BookingResult> CancelAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return BookingResult.NotFound;
        var booking = await db.ReceptionBookings.SingleOrDefaultAsync(b => b.TokenHash == Secrets.Hash(token), cancellationToken);
        if (booking is null) return BookingResult.NotFound;
        if (booking.Status != BookingStatus.Booked || booking.StartsAtUtc <= clock.GetUtcNow().UtcDateTime) return BookingResult.Invalid;
        booking.Status = BookingStatus.Cancelled;
        booking.CancelledAtUtc = clock.GetUtcNow().UtcDateTime;
        await NotifyAsync(booking, DefaultTemplates.ReceptionCancelled, null, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        signal.Notify();
        return BookingResult.Done;
    }

    /// <summary>
    /// An inspector's receptions of a local day, for the inspector himself and the supervisor of his
    /// district only: the names, phones and topics are the residents' business with their inspector.
    /// An administrator runs the platform, not the district, and is not among them. Each read that
    /// shows someone is logged.
    /// </summary>
    public async Task<IReadOnlyList<BookingView>?> DayAsync(ClaimsPrincipal user, int officerId, DateOnly day, CancellationToken cancellationToken = default)
    {
        var officer = await db.Officers.AsNoTracking().Where(o => o.Id == officerId).Select(o => new { o.Id, o.DistrictId }).SingleOrDefaultAsync(cancellationToken);
        if (officer is null || !MayReadBookings(user, officerId, officer.DistrictId) || day.Year is < 2000 or > 2100) return null;
        var from = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), KazakhstanTime.Offset).UtcDateTime;
        var to = from.AddDays(1);
        var list = await ViewsAsync(db.ReceptionBookings.Where(b => b.OfficerId == officerId && b.Status == BookingStatus.Booked && b.StartsAtUtc >= from && b.StartsAtUtc < to), cancellationToken);
        if (list.Count > 0 && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } reader)
            await personalDataLog.RecordAsync(reader, null, string.Create(CultureInfo.InvariantCulture, $"receptions of officer {officerId} on {day:yyyy-MM-dd}"), cancellationToken);
        return list;
    }

    /// <summary>The inspector himself, or the supervisor of his district; nobody else, administrators included.</summary>
    public static bool MayReadBookings(ClaimsPrincipal user, int officerId, int officerDistrictId) =>
        ScopeClaims.IsInspector(user, officerId) || (user.IsInRole(Roles.Supervisor) && ScopeClaims.District(user) == officerDistrictId);

    /// <summary>Reminds everyone booked for tomorrow (local), once. The background job calls it; tests call it by hand.</summary>
    public async Task<int> RemindAsync(CancellationToken cancellationToken = default)
    {
        var tomorrow = KazakhstanTime.Today(clock).AddDays(1);
        var from = new DateTimeOffset(tomorrow.ToDateTime(TimeOnly.MinValue), KazakhstanTime.Offset).UtcDateTime;
        var due = await db.ReceptionBookings.Where(b => b.Status == BookingStatus.Booked && b.RemindedAtUtc == null && b.StartsAtUtc >= from && b.StartsAtUtc < from.AddDays(1)).ToListAsync(cancellationToken);
        foreach (var booking in due)
        {
            await NotifyAsync(booking, DefaultTemplates.ReceptionReminder, protection.CreateProtector(TokenPurpose).Unprotect(booking.ProtectedToken), cancellationToken);
            booking.RemindedAtUtc = clock.GetUtcNow().UtcDateTime;
        }
        if (due.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            signal.Notify();
        }
        return due.Count;
    }

    public string ManageLink(string token) => $"{settings.PublicUrl.TrimEnd('/')}/receptions/{token}";

    /// <summary>Tells the holder in the language she booked in: the inspector's name, the place and the time as she reads them.</summary>
    private async Task NotifyAsync(ReceptionBooking booking, string template, string? token, CancellationToken cancellationToken)
    {
        var (channel, recipient) = booking.Email is { } email ? (NotificationChannel.Email, email) : (NotificationChannel.Sms, booking.Phone!);
        using var _ = LocalizationSetup.UseLanguage(booking.Language);
        var beat = await BeatAsync(booking.BeatId, cancellationToken, anyInspector: true);
        var values = new Dictionary<string, string>
        {
            ["when"] = KazakhstanTime.FormatLong(booking.StartsAtUtc), ["inspector"] = beat?.Inspector ?? string.Empty, ["place"] = beat?.Place ?? string.Empty,
            ["link"] = token is null ? string.Empty : ManageLink(token),
        };
        await outbox.EnqueueAsync(new Notification(channel, recipient, booking.Language, template, values,
            $"reception:{booking.TokenHash[..16]}:{template}", $"reception:{booking.OfficerId}"), cancellationToken);
    }

    private sealed record BeatReception(int Id, int OfficerId, string Inspector, int? ReceptionPointId, string Place, string HoursText, OpeningHours Hours);

    /// <summary>
    /// The beat's inspector and where he receives, read in the current language. <paramref name="anyInspector"/>: for a
    /// message about a booking made earlier, the beat as it is even without an inspector today.
    /// </summary>
    private async Task<BeatReception?> BeatAsync(int beatId, CancellationToken cancellationToken, bool anyInspector = false)
    {
        var beat = await db.Beats.AsNoTracking().Include(b => b.Inspector).Include(b => b.ReceptionPoint).ThenInclude(p => p!.Address).ThenInclude(a => a.Street)
            .Where(b => b.Id == beatId && (anyInspector || (b.IsActive && b.InspectorId != null)))
            .SingleOrDefaultAsync(cancellationToken);
        if (beat is null) return null;
        var stored = beat.ReceptionPoint?.Hours;
        var hours = OpeningHours.TryParse(stored, out var parsed) ? parsed : ReceptionSlots.OfficeHours;
        var place = beat.ReceptionPoint is { } point
            ? $"{localizer["Reception.Point", point.Number].Value}, {territory.AddressLine(point.Address)}"
            : localizer["Reception.DistrictOffice"].Value;
        return new BeatReception(beat.Id, beat.InspectorId ?? 0, beat.Inspector is { } officer ? territory.OfficerName(officer) : string.Empty,
            beat.ReceptionPointId, place, territory.Hours(stored ?? "Mo-Fr 09:00-18:00"), hours);
    }

    /// <summary>The slots of the beat's reception hours, less those during the inspector's own announced meetings (a reception on the road, say).</summary>
    private async Task<IReadOnlyList<DateTime>> OfferedAsync(BeatReception beat, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var slots = ReceptionSlots.Generate(beat.Hours, await calendars.GetAsync(cancellationToken), KazakhstanTime.ToLocal(now).DateTime, ReceptionSlots.DefaultDaysAhead, ReceptionSlots.DefaultLength);
        var until = now.AddDays(ReceptionSlots.DefaultDaysAhead + 1);
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.OfficerId == beat.OfficerId && m.Status == MeetingStatus.Scheduled && m.StartsAtUtc < until && m.StartsAtUtc > now.AddMinutes(-MeetingSchedule.MaxDuration))
            .Select(m => new { m.StartsAtUtc, m.DurationMinutes }).ToListAsync(cancellationToken);
        return ReceptionSlots.Outside(slots, ReceptionSlots.DefaultLength,
            meetings.Select(m => (KazakhstanTime.ToLocal(m.StartsAtUtc).DateTime, KazakhstanTime.ToLocal(m.StartsAtUtc.AddMinutes(m.DurationMinutes)).DateTime)));
    }

    private async Task<HashSet<DateTime>> TakenAsync(int officerId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var taken = await db.ReceptionBookings.AsNoTracking().Where(b => b.OfficerId == officerId && b.Status == BookingStatus.Booked && b.StartsAtUtc >= now)
            .Select(b => b.StartsAtUtc).ToListAsync(cancellationToken);
        return taken.Select(t => KazakhstanTime.ToLocal(t).DateTime).ToHashSet();
    }

    private async Task<IReadOnlyList<BookingView>> ViewsAsync(IQueryable<ReceptionBooking> bookings, CancellationToken cancellationToken)
    {
        var rows = await (from b in bookings.AsNoTracking()
                          join o in db.Officers on b.OfficerId equals o.Id
                          orderby b.StartsAtUtc
                          select new { b, Officer = o }).ToListAsync(cancellationToken);
        var result = new List<BookingView>();
        // A day's list is mostly one beat: each beat's place is read once.
        var places = new Dictionary<int, BeatReception?>();
        foreach (var r in rows)
        {
            if (!places.TryGetValue(r.b.BeatId, out var beat)) places[r.b.BeatId] = beat = await BeatAsync(r.b.BeatId, cancellationToken, anyInspector: true);
            result.Add(new BookingView(r.b.Id, r.b.BeatId, territory.OfficerName(r.Officer), beat?.Place ?? "", r.b.StartsAtUtc, r.b.DurationMinutes, r.b.Status.ToString(), r.b.Name, r.b.Phone, r.b.Email, r.b.Topic));
        }
        return result;
    }
}

using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Safety;
using Uchastok.Rules.Territory;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;
using Uchastok.Web.Territory;

namespace Uchastok.Web.Safety;

/// <summary>What a resident sends: the form's fields and the API's body alike, as typed.</summary>
public sealed record SafetyReportInput(
    string? Category, double? Lat, double? Lon, string? AddressText, int? DistrictId, string? Text,
    byte[]? Photo = null, bool NotHappeningNow = false, bool Sign = false);

public enum SafetyReportOutcome { Filed, Invalid, AskEmergency }

/// <summary>What the resident is told after sending: the reference to keep, and whether the place was found.</summary>
public sealed record SafetyReportReceipt(string Reference, bool PlaceLocated, string? DistrictName, string? BeatCode, bool Signed);

public sealed record SafetyReportResult(SafetyReportOutcome Outcome, SafetyReportReceipt? Receipt, FieldErrors Errors, CleanPhoto? Photo = null);

/// <summary>
/// Files a resident's quick report (issue 19): checks it, places it on a beat, asks "is this happening now?"
/// when the text reads like danger, and stores the incident, its "received" step and its photo in one save.
/// An anonymous report keeps nothing of the sender; a signed-in resident's is signed only when he asks.
/// </summary>
public sealed class SubmitSafetyReportCommand(
    UchastokDbContext db, TerritorySnapshotCache territory, AddressSearch addresses, TerritoryText territoryText,
    IStringLocalizer<SharedResource> localizer, TimeProvider clock, SafetyConsoleSignal consoleSignal, ILogger<SubmitSafetyReportCommand> logger)
{

    public async Task<SafetyReportResult> ExecuteAsync(SafetyReportInput input, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var category = SafetyCategories.Parse(input.Category);
        if (category is null) errors.Add("category", localizer["Safety.CategoryUnknown"]);
        var text = InputText.Printable(input.Text)?.Trim();
        if (string.IsNullOrEmpty(text)) errors.Add("text", localizer["Safety.TextRequired"]);
        else if (text.Length > SafetyCategories.MaxTextLength) errors.Add("text", localizer["Safety.TextTooLong", SafetyCategories.MaxTextLength]);
        var addressText = InputText.Printable(input.AddressText)?.Trim() is { Length: > 0 } typed ? typed : null;
        if (addressText is { Length: > SafetyCategories.MaxAddressLength }) errors.Add("addressText", localizer["Safety.AddressTooLong", SafetyCategories.MaxAddressLength]);

        CleanPhoto? photo = null;
        if (input.Photo is { } bytes)
        {
            switch (SafetyPhoto.Check(bytes))
            {
                case SafetyPhotoProblem.TooLarge: errors.Add("photo", localizer["Safety.PhotoTooLarge", SafetyPhoto.MaxBytes / (1024 * 1024)]); break;
                case SafetyPhotoProblem.Empty: break; // an empty file input is no photo
                default:
                    photo = SafetyPhoto.Clean(bytes);
                    if (photo is null) errors.Add("photo", localizer["Safety.PhotoNotImage"]);
                    break;
            }
        }

        var place = errors.ContainsKey("addressText") ? null : await PlaceAsync(input, addressText, errors, cancellationToken);
        if (errors.Count > 0 || place is null) return new(SafetyReportOutcome.Invalid, null, errors);

        // Asked once, before anything is stored; "no, send it" comes back with NotHappeningNow. The cleaned photo
        // goes back with the question, so the form can carry it on without the metadata it came with.
        if (!input.NotHappeningNow && DangerWords.Default.Matches(text)) return new(SafetyReportOutcome.AskEmergency, null, errors, photo);

        var signed = input.Sign && user.IsInRole(Roles.Resident) ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        var now = clock.GetUtcNow().UtcDateTime;
        var incident = new SafetyIncident
        {
            Reference = NewReference(), Kind = SafetyIncidentKind.Report, Category = category!.Value, Text = text!,
            Latitude = place.Latitude, Longitude = place.Longitude, AddressText = place.AddressLine, PlaceLocated = place.Located,
            BeatId = place.BeatId, DistrictId = place.DistrictId, CreatedAtUtc = now, Status = SafetyIncidentStatus.Open, AccountId = signed,
        };
        // The incident, its first step and its photo stand or fall together: a console must never see half a report.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.SafetyIncidents.Add(incident);
        await db.SaveChangesAsync(cancellationToken);
        db.SafetyIncidentSteps.Add(new SafetyIncidentStep { IncidentId = incident.Id, Step = SafetySteps.Received, AtUtc = now });
        if (photo is not null)
            db.SafetyIncidentPhotos.Add(new SafetyIncidentPhoto { IncidentId = incident.Id, ContentType = photo.ContentType, Content = photo.Content, SizeBytes = photo.Content.Length });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        // The consoles connected to this node hear of it now, not at the feed's next look.
        consoleSignal.Notify();
        // The id and the district only: a log line is no place for the text, and the sender is not known.
        logger.LogInformation("Safety report {Id} for district {District}", incident.Id, incident.DistrictId);
        return new(SafetyReportOutcome.Filed, new SafetyReportReceipt(incident.Reference, place.Located, place.DistrictName, place.BeatCode, signed is not null), errors);
    }

    private sealed record Place(double? Latitude, double? Longitude, string? AddressLine, bool Located, int? BeatId, int? DistrictId, string? DistrictName, string? BeatCode);

    /// <summary>
    /// The point decides when there is one; then a typed address the gazetteer knows; a typed address it does not know
    /// is kept as typed, in the district the resident picked or in none (the receipt says so, and the report waits for
    /// the duty officer rather than being refused).
    /// </summary>
    private async Task<Place?> PlaceAsync(SafetyReportInput input, string? addressText, FieldErrors errors, CancellationToken cancellationToken)
    {
        var snapshot = await territory.GetAsync(cancellationToken);
        Place? OnBeat(double lat, double lon, string? line)
        {
            if (snapshot.Locator.Locate(lon, lat) is not { } beatId || snapshot.Beat(beatId) is not { } beat) return null;
            return new Place(lat, lon, line, true, beat.Id, beat.DistrictId, territoryText.DistrictName(beat.District), beat.Code);
        }

        if (input.Lat is not null || input.Lon is not null)
        {
            if (input.Lat is not { } lat || input.Lon is not { } lon || !Coordinates.AreValid(lat, lon))
            {
                errors.Add("lat", localizer["Safety.PointInvalid"]);
                return null;
            }
            var line = addressText ?? (await addresses.NearestAsync(lat, lon, cancellationToken))?.Line;
            var placed = OnBeat(lat, lon, line);
            if (placed is null) errors.Add("lat", localizer["Safety.PointOutsideCity"]);
            return placed;
        }

        if (addressText is not null)
        {
            var hits = await addresses.SearchAsync(addressText, 1, cancellationToken);
            if (hits.Count > 0 && hits[0] is { ExactHouse: true } hit && OnBeat(hit.Latitude, hit.Longitude, hit.Line) is { } found) return found;
            if (input.DistrictId is not { } districtId) return new Place(null, null, addressText, false, null, null, null, null);
            var district = await db.Districts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == districtId, cancellationToken);
            if (district is null)
            {
                errors.Add("districtId", localizer["Safety.DistrictUnknown"]);
                return null;
            }
            return new Place(null, null, addressText, false, null, district.Id, territoryText.DistrictName(district), null);
        }

        errors.Add("place", localizer["Safety.PlaceRequired"]);
        return null;
    }

    /// <summary>Letters and digits that cannot be mistaken for one another (no I, L, O, U): what a reference is made of and checked against.</summary>
    private const string ReferenceAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>
    /// Eight characters of <see cref="ReferenceAlphabet"/>, grouped for reading aloud, after a prefix: <c>SR</c> for a
    /// resident's report, <c>SA</c> for a device's alarm.
    /// </summary>
    internal static string NewReference(string prefix = "SR")
    {
        Span<char> code = stackalloc char[8];
        for (var i = 0; i < code.Length; i++) code[i] = ReferenceAlphabet[RandomNumberGenerator.GetInt32(ReferenceAlphabet.Length)];
        return $"{prefix}-{code[..4]}-{code[4..]}";
    }

    /// <summary>Whether a text is a reference this command could have made (what the confirmation page agrees to show).</summary>
    public static bool IsReference(string? text) =>
        text is { Length: 12 } && text.StartsWith("SR-", StringComparison.Ordinal) && text[7] == '-'
        && text.Remove(7, 1)[3..].All(c => ReferenceAlphabet.Contains(c));
}

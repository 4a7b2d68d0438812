using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Appeals;
using Uchastok.Rules.Integrations;
using Uchastok.Web.Appeals;
using Uchastok.Web.Calendar;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Territory;
using Uchastok.Web.Shared.Security;
using Uchastok.Rules.Territory;

namespace Uchastok.Web.Integrations;

/// <summary>What filing through Open311 came to: the answer to send, and whether an appeal was filed.</summary>
public sealed record Open311Filing(bool Filed, int StatusCode, Open311Node? Body, IReadOnlyList<string> Errors, string? Number);

/// <summary>
/// Open311 service requests are appeals. A POST goes through <see cref="FileAppealCommand"/>, so
/// it is checked, routed, numbered, given its legal due date and notified exactly as on the site.
/// The GETs are public and show only what <see cref="PublicDisclosure"/> allows: never a name,
/// contact or IIN, never an exact place, and nothing at all of a complaint about a police officer.
/// </summary>
public sealed class Open311Requests(
    UchastokDbContext db,
    FileAppealCommand file,
    AppealFeedbackCommands feedback,
    Open311Catalog catalog,
    AppealText appealText,
    TerritoryText territoryText,
    WorkingCalendarProvider calendars,
    IStringLocalizer<SharedResource> localizer)
{

    /// <summary>The form fields of the appeal command, as the Open311 arguments a client sent them in.</summary>
    private static readonly Dictionary<string, string> ArgumentByField = new(StringComparer.Ordinal)
    {
        ["kind"] = $"attribute[{Open311Attributes.AppealKind}]",
        ["text"] = "description",
        ["lat"] = "lat/long",
        ["addressId"] = "address_id",
        ["addressText"] = "address_string",
        ["districtId"] = "lat/long",
        ["name"] = "first_name/last_name",
        ["email"] = "email",
        ["phone"] = "phone",
        ["iin"] = $"attribute[{Open311Attributes.Iin}]",
        ["consent"] = $"attribute[{Open311Attributes.PersonalDataConsent}]",
        ["idempotencyKey"] = "Idempotency-Key",
    };

    /// <summary>Files a POSTed service request: read and check the Open311 arguments, map them to the appeal input, file it through <see cref="FileAppealCommand"/>, and answer.</summary>
    public async Task<Open311Filing> FileAsync(IFormCollection form, ActiveApiKey key, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var (request, refusal) = await ReadAsync(form, cancellationToken);
        if (request is null) return refusal!;
        var input = ToAppealInput(request, form);
        // A partner's call files as nobody's account: the applicant is who the form names.
        var result = await file.ExecuteAsync(input, [], new ClaimsPrincipal(new ClaimsIdentity()), idempotencyKey, new FilingSource(AppealChannel.Open311, key.Id), cancellationToken);
        if (!result.Succeeded) return RefusedByFiling(result, input);
        var filed = result.Filed!;
        var mediaUrl = form["media_url"].ToString();
        if (!filed.Replayed && Uri.TryCreate(mediaUrl, UriKind.Absolute, out var media) && media.Scheme is "http" or "https")
            await NoteMediaAsync(filed.Appeal, media, cancellationToken);
        return Accepted(filed);
    }

    /// <summary>The Open311 arguments of a request, read and checked: the service, its attributes and the place.</summary>
    private sealed record ServiceRequest(AppealCategory Category, IReadOnlyDictionary<string, List<string>> Attributes, double? Lat, double? Lon, int? AddressId, string AddressString);

    /// <summary>Reads and checks the arguments; a refusal names every argument at fault (or the first that makes the rest moot).</summary>
    private async Task<(ServiceRequest? Request, Open311Filing? Refusal)> ReadAsync(IFormCollection form, CancellationToken cancellationToken)
    {
        var errors = new List<string>();
        void Refuse(string argument, string message) => errors.Add($"{argument}: {message}");

        var serviceCode = form["service_code"].ToString();
        if (string.IsNullOrWhiteSpace(serviceCode))
            return (null, Refused(StatusCodes.Status400BadRequest, $"service_code: {localizer["Open311.ServiceCodeRequired"]}"));
        var category = await catalog.FindAsync(serviceCode, cancellationToken);
        if (category is null)
            return (null, Refused(StatusCodes.Status404NotFound, $"service_code: {localizer["Open311.ServiceNotFound", serviceCode.Trim()]}"));

        var attributes = Open311Attributes.FromForm(form.Select(f => new KeyValuePair<string, IEnumerable<string?>>(f.Key, f.Value)));
        foreach (var (code, problem, value) in Open311Attributes.Check(attributes))
            Refuse($"attribute[{code}]", localizer[$"Open311.Attribute{problem}", value ?? string.Empty]);
        if (Open311Attributes.IsYes(attributes, Open311Attributes.DangerNow))
            return (null, Refused(StatusCodes.Status400BadRequest, $"attribute[{Open311Attributes.DangerNow}]: {localizer["Open311.Emergency"]}"));

        double? lat = null, lon = null;
        var placeRefused = false;
        var (latText, longText) = (form["lat"].ToString(), form["long"].ToString());
        if (!string.IsNullOrWhiteSpace(latText) || !string.IsNullOrWhiteSpace(longText))
        {
            if (!Coordinates.TryParse(latText, longText, out var la, out var lo))
            {
                Refuse("lat/long", localizer["Locate.BadCoordinates"]);
                placeRefused = true;
            }
            else (lat, lon) = (la, lo);
        }
        int? addressId = null;
        var addressIdText = form["address_id"].ToString();
        if (!string.IsNullOrWhiteSpace(addressIdText))
        {
            if (int.TryParse(addressIdText, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) addressId = id;
            else
            {
                Refuse("address_id", localizer["Open311.AddressNotFound"]);
                placeRefused = true;
            }
        }
        var addressString = form["address_string"].ToString();
        var placeGiven = lat is not null || addressId is not null || !string.IsNullOrWhiteSpace(addressString);
        if (!placeGiven && !placeRefused) Refuse("lat/long", localizer["Open311.LocationRequired"]);
        if (errors.Count > 0) return (null, Refused(StatusCodes.Status400BadRequest, errors));
        return (new ServiceRequest(category, attributes, lat, lon, addressId, addressString), null);
    }

    /// <summary>The appeal a request files: the first place given wins (a point, then a gazetteer address, then the address text).</summary>
    private static AppealInput ToAppealInput(ServiceRequest request, IFormCollection form)
    {
        var name = $"{form["first_name"]} {form["last_name"]}".Trim();
        var attributes = request.Attributes;
        return new AppealInput
        {
            Kind = AppealText.ApiName(Open311Attributes.KindOf(attributes)),
            CategoryId = request.Category.Id,
            Text = form["description"].ToString(),
            Lat = request.Lat,
            Lon = request.Lon,
            AddressId = request.Lat is null ? request.AddressId : null,
            AddressText = request.Lat is null && request.AddressId is null ? request.AddressString : null,
            AboutPoliceOfficer = Open311Attributes.IsYes(attributes, Open311Attributes.AboutPoliceOfficer),
            Name = name.Length == 0 ? null : name,
            Email = form["email"].ToString(),
            Phone = form["phone"].ToString(),
            Iin = Open311Attributes.Answer(attributes, Open311Attributes.Iin),
            Consent = Open311Attributes.IsYes(attributes, Open311Attributes.PersonalDataConsent),
            Publish = Open311Attributes.IsYes(attributes, Open311Attributes.Publish),
        };
    }

    /// <summary>The appeal command's refusal in Open311's words: each field named by the argument the client sent.</summary>
    private Open311Filing RefusedByFiling(FileAppealResult result, AppealInput input)
    {
        if (result.TooMany)
            return Refused(StatusCodes.Status429TooManyRequests, $"{(string.IsNullOrWhiteSpace(input.Email) ? "phone" : "email")}: {localizer["Appeal.TooManyForContact"]}");
        var errors = new List<string>();
        foreach (var (field, messages) in result.Errors)
        {
            var argument = ArgumentByField.GetValueOrDefault(field, field);
            foreach (var message in messages)
                errors.Add($"{argument}: {(field == "addressText" || field == "addressId" ? localizer["Open311.AddressNotFound"] : message)}");
        }
        return Refused(StatusCodes.Status400BadRequest, errors);
    }

    /// <summary>201 with the request's number and a notice of who will answer it and by when.</summary>
    private Open311Filing Accepted(FiledAppeal filed)
    {
        var appeal = filed.Appeal;
        // A complaint about an officer goes to his head (internal security for a head), never to the beat's inspector: say so.
        var notice = appeal.Queue == AppealQueue.InternalSecurity
            ? localizer["Open311.NoticeInternalSecurity", appeal.Number, AppealText.Date(appeal.DueDate)]
            : appeal.AboutPoliceOfficer
            ? localizer["Open311.NoticeHead", appeal.Number, AppealText.Date(appeal.DueDate), filed.District?.Name ?? string.Empty]
            : filed.Assignee is not null
            ? localizer["Open311.NoticeAssigned", appeal.Number, AppealText.Date(appeal.DueDate), filed.Beat?.Name ?? filed.District?.Name ?? string.Empty]
            : localizer["Open311.NoticeQueued", appeal.Number, AppealText.Date(appeal.DueDate), filed.District?.Name ?? string.Empty];
        var body = Open311Node.List("service_requests", [Open311Node.Object("request",
            Open311Node.Value("service_request_id", appeal.Number),
            // No account_id: a partner's filing is linked to no account here, and the field "may not be returned".
            Open311Node.Value("service_notice", notice.Value))]);
        return new Open311Filing(true, StatusCodes.Status201Created, body, [], appeal.Number);
    }

    /// <summary>
    /// A link to a photo is kept for the staff as an internal note; it is not fetched, since the
    /// server must not be made to call out to addresses a caller chooses.
    /// </summary>
    private Task NoteMediaAsync(Appeal appeal, Uri media, CancellationToken cancellationToken) =>
        feedback.AddSystemNoteAsync(appeal, localizer["Open311.MediaNote", media.AbsoluteUri.Length > 900 ? media.AbsoluteUri[..900] : media.AbsoluteUri],
            appeal.ReceivedAtUtc, cancellationToken);

    private static Open311Filing Refused(int statusCode, params IReadOnlyList<string> errors) => new(false, statusCode, null, errors, null);

    /// <summary>GET requests: the public view of the appeals the query selects, newest first, at most 1,000.</summary>
    public async Task<(Open311Node? Body, IReadOnlyList<string> Errors)> QueryAsync(Open311RequestQuery query, bool extensions, CancellationToken cancellationToken)
    {
        var appeals = Public(db.Appeals.AsNoTracking());
        if (query.ServiceRequestIds.Count > 0)
        {
            var numbers = query.ServiceRequestIds.Select(id => AppealNumber.TryNormalize(id, out var n) ? n : null).OfType<string>().ToList();
            appeals = appeals.Where(a => numbers.Contains(a.Number));
        }
        else
        {
            var (from, to) = (query.Start.UtcDateTime, query.End.UtcDateTime);
            appeals = appeals.Where(a => a.ReceivedAtUtc >= from && a.ReceivedAtUtc <= to);
            if (query.ServiceCodes.Count > 0)
            {
                var active = await catalog.ActiveAsync(cancellationToken);
                var unknown = query.ServiceCodes.Where(code => !active.Any(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase))).ToList();
                if (unknown.Count > 0) return (null, unknown.Select(code => $"service_code: {localizer["Open311.ServiceNotFound", code]}").ToList());
                var ids = active.Where(c => query.ServiceCodes.Contains(c.Code, StringComparer.OrdinalIgnoreCase)).Select(c => c.Id).ToList();
                appeals = appeals.Where(a => ids.Contains(a.CategoryId));
            }
            if (query.Statuses.Count == 1)
            {
                var states = Open311Status.States(query.Statuses[0]).ToList();
                appeals = appeals.Where(a => states.Contains(a.State));
            }
        }
        var found = await WithPlace(appeals).OrderByDescending(a => a.ReceivedAtUtc).ThenByDescending(a => a.Id)
            .Take(Open311RequestQuery.MaxResults).ToListAsync(cancellationToken);
        return (Open311Node.List("service_requests", await RequestsAsync(found, extensions, cancellationToken)), []);
    }

    /// <summary>GET requests/{id}: one appeal's public view, or null when there is none to show.</summary>
    public async Task<Open311Node?> ByNumberAsync(string serviceRequestId, bool extensions, CancellationToken cancellationToken)
    {
        if (!AppealNumber.TryNormalize(serviceRequestId, out var number)) return null;
        var appeal = await WithPlace(Public(db.Appeals.AsNoTracking()).Where(a => a.Number == number)).SingleOrDefaultAsync(cancellationToken);
        return appeal is null ? null : Open311Node.List("service_requests", await RequestsAsync([appeal], extensions, cancellationToken));
    }

    /// <summary>GET tokens/{token}: the private tracking token the applicant was sent, resolved to the appeal's number.</summary>
    public async Task<Open311Node?> ByTokenAsync(string token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return null;
        var hash = Secrets.Hash(token);
        var number = await db.Appeals.AsNoTracking().Where(a => a.TrackingTokenHash == hash).Select(a => a.Number).SingleOrDefaultAsync(cancellationToken);
        return number is null ? null : Open311Node.List("service_requests", [Open311Node.Object("request",
            Open311Node.Value("service_request_id", number), Open311Node.Value("token", token))]);
    }

    /// <summary>
    /// What the public may list, filtered in the database: the facts that make <see cref="PublicDisclosure.Decide"/>
    /// leave an appeal out (a complaint about a police officer, in any queue; a sensitive category); each answer is checked by it again.
    /// </summary>
    private static IQueryable<Appeal> Public(IQueryable<Appeal> appeals) =>
        appeals.Where(a => !a.AboutPoliceOfficer && a.ConcernedOfficerId == null && a.Queue != AppealQueue.InternalSecurity && !a.Category.IsSensitive);

    private static IQueryable<Appeal> WithPlace(IQueryable<Appeal> appeals) =>
        appeals.Include(a => a.Category).Include(a => a.Beat).Include(a => a.District);

    private async Task<List<Open311Node>> RequestsAsync(IReadOnlyList<Appeal> appeals, bool extensions, CancellationToken cancellationToken)
    {
        var ids = appeals.Select(a => a.Id).ToList();
        var updated = await db.AppealEvents.AsNoTracking().Where(e => ids.Contains(e.AppealId) && e.IsPublic)
            .GroupBy(e => e.AppealId).Select(g => new { g.Key, Last = g.Max(e => e.AtUtc) })
            .ToDictionaryAsync(g => g.Key, g => g.Last, cancellationToken);
        var today = calendars.Today();
        return appeals.Select(a => Request(a, updated.GetValueOrDefault(a.Id, a.ReceivedAtUtc), extensions, today)).OfType<Open311Node>().ToList();
    }

    /// <summary>An appeal's public view, or null when it is not to be listed.</summary>
    private Open311Node? Request(Appeal appeal, DateTime updatedAtUtc, bool extensions, DateOnly today)
    {
        var disclosure = PublicDisclosure.Decide(new DisclosureFacts(
            appeal.AboutPoliceOfficer || appeal.ConcernedOfficerId != null || appeal.Queue == AppealQueue.InternalSecurity,
            appeal.Category.IsSensitive, appeal.PublishConsent,
            appeal.Latitude, appeal.Longitude, appeal.Beat?.CentreLatitude, appeal.Beat?.CentreLongitude));
        if (!disclosure.Listed) return null;
        var status = Open311Status.For(appeal.State);
        var district = appeal.District is { } d ? territoryText.DistrictName(d) : null;
        var place = (appeal.Beat, district) switch
        {
            ({ } beat, { } name) => localizer["Open311.AddressBeat", territoryText.BeatName(beat), name].Value,
            (null, { } name) => localizer["Open311.AddressDistrict", name].Value,
            _ => null,
        };
        var notes = appeal.State == AppealState.Forwarded && !string.IsNullOrWhiteSpace(appeal.ForwardedTo)
            ? localizer["Open311.StatusForwarded", appeal.ForwardedTo].Value
            : appealText.State(appeal.State);
        var fields = new List<Open311Node>
        {
            Open311Node.Value("service_request_id", appeal.Number),
            Open311Node.Value("status", status),
            Open311Node.Value("status_notes", notes),
            Open311Node.Value("service_name", appealText.Category(appeal.Category)),
            Open311Node.Value("service_code", appeal.Category.Code),
            Open311Node.Value("description", disclosure.ShowText ? PublicDisclosure.Redact(appeal.Text, [appeal.ApplicantName]) : null),
            Open311Node.Value("agency_responsible", district is null ? localizer["Open311.AgencyCity"].Value : localizer["Open311.Agency", district].Value),
            Open311Node.Value("service_notice", null),
            // To the day: with the beat, a time to the second could be matched with what neighbours saw.
            Open311Node.Value("requested_datetime", W3cDateTime.Day(appeal.ReceivedAtUtc)),
            Open311Node.Value("updated_datetime", W3cDateTime.Day(updatedAtUtc)),
            Open311Node.Value("expected_datetime", status == Open311Status.Open ? W3cDateTime.EndOfDay(appeal.DueDate) : null),
            Open311Node.Value("address", place),
            Open311Node.Value("address_id", null),
            Open311Node.Value("zipcode", null),
            Open311Node.Value("lat", disclosure.Latitude),
            Open311Node.Value("long", disclosure.Longitude),
            Open311Node.Value("media_url", null),
        };
        if (extensions)
        {
            // mySociety-style extended attributes: the detailed state and the legal due date, for clients that know them.
            fields.Add(Open311Node.Object("extended_attributes",
                Open311Node.Value("state", AppealText.ApiName(appeal.State)),
                Open311Node.Value("state_name", appealText.State(appeal.State)),
                Open311Node.Value("kind", AppealText.ApiName(appeal.Kind)),
                Open311Node.Value("due_date", appeal.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                Open311Node.Value("overdue", AppealLifecycle.IsOpen(appeal.State) && AppealDeadlinePolicy.IsOverdue(appeal.DueDate, today)),
                Open311Node.Value("decided_date", appeal.DecidedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                Open311Node.Value("extensions", appeal.Extensions),
                Open311Node.Value("contested", appeal.Contested),
                Open311Node.Value("forwarded_to", appeal.State == AppealState.Forwarded ? appeal.ForwardedTo : null),
                Open311Node.Value("beat_code", appeal.Beat?.Code),
                Open311Node.Value("district", district)));
        }
        return new Open311Object("request", fields);
    }
}

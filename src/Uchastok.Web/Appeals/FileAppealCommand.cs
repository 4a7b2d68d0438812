using System.Data.Common;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Appeals;
using Uchastok.Rules.Identity;
using Uchastok.Web.Calendar;
using Uchastok.Web.Notifications;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Territory;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;
using Uchastok.Web.Accounts;

namespace Uchastok.Web.Appeals;

/// <summary>The appeal as filed, with the tracking token shown once to its applicant, and where it went.</summary>
public sealed record FiledAppeal(Appeal Appeal, string TrackingToken, bool Replayed, FiledBeat? Beat, PlaceRef? District, FiledAssignee? Assignee);

public sealed record FiledBeat(int Id, string Code, string Name);

public sealed record FiledAssignee(string Name, string Rank);

/// <summary>Where a filing comes from: the channel, and the partner's key for Open311.</summary>
public sealed record FilingSource(AppealChannel Channel, int? ApiKeyId = null)
{
    public static readonly FilingSource Site = new(AppealChannel.Site);
    public static readonly FilingSource Api = new(AppealChannel.Api);

    /// <summary>
    /// The police's own filing: the duty console turning an incident into an appeal (Safety). It is not an applicant
    /// naming a contact, so the contact's daily count (<see cref="ApplicantContactGate"/>) is not taken — a busy duty
    /// unit must not be refused, and no officer's mailbox stands in as a contact — and with no applicant contact
    /// nobody is sent the applicant's messages.
    /// </summary>
    public bool DutyUnit { get; private init; }

    /// <summary>For <see cref="DutyUnit"/>: the resident who signed the incident; the appeal is his (his list, his contacts).</summary>
    public string? OnBehalfOfUserId { get; private init; }

    internal static FilingSource ForDutyUnit(string? residentUserId) => new(AppealChannel.Site) { DutyUnit = true, OnBehalfOfUserId = residentUserId };

    /// <summary>Whose Idempotency-Keys these are: a partner's key, else the duty unit (whoever closes), else the account, else the anonymous public.</summary>
    public string Sender(string? userId) => ApiKeyId is { } key ? $"api-key:{key}" : DutyUnit ? "duty-unit" : userId ?? "anonymous";
}

/// <param name="TooMany">Refused because its contact was named by too many filings today (<see cref="ApplicantContactGate"/>): nothing was stored.</param>
public sealed record FileAppealResult(FiledAppeal? Filed, FieldErrors Errors, bool TooMany = false)
{
    public bool Succeeded => Filed is not null;
}

/// <summary>
/// Files a formal appeal: checks it, routes it (<see cref="AppealRouting"/>), numbers it, sets its
/// due date (<see cref="AppealDeadlinePolicy"/>), and queues the applicant's and the assignee's
/// messages, all in one transaction. The same Idempotency-Key with the same request gives back
/// the appeal already filed.
/// </summary>
public sealed class FileAppealCommand(
    UchastokDbContext db,
    AppealPlaces places,
    AppealCatalog catalog,
    WorkingCalendarProvider calendars,
    AppealNotifier notifier,
    OutboxSignal outboxSignal,
    IDataProtectionProvider protection,
    IStringLocalizer<SharedResource> localizer,
    IConfiguration configuration,
    AppealText appealText,
    ApplicantContactGate contacts,
    TimeProvider clock,
    ILogger<FileAppealCommand> logger)
{
    public const int MaxIdempotencyKeyLength = 100;

    public async Task<FileAppealResult> ExecuteAsync(
        AppealInput input, IReadOnlyList<AttachmentUpload> files, ClaimsPrincipal user, string? idempotencyKey, FilingSource source, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var access = AppealAccess.For(user);
        var request = await CheckAsync(input, files, access, idempotencyKey, source, errors, cancellationToken);
        if (request is null) return new(null, errors);
        var filing = await PrepareAsync(request, input, files, access, source, cancellationToken);
        return await StoreAsync(filing, errors, cancellationToken);
    }

    /// <summary>What a valid request asks for, read and checked; null (with the errors filled in) when it is not valid.</summary>
    private sealed record CheckedRequest(
        AppealKind Kind, AppealCategory Category, string Text, ResolvedPlace Place, ConcernedOfficer? Concerned, ApplicationUser? Account,
        string Name, string? Email, string? Phone, string? Iin, List<AppealAttachment> Attachments, string? Key);

    /// <summary>
    /// A filing ready to store: the appeal with its history entries and everything its messages and
    /// the answer need, all read before the write transaction so that it holds only writes.
    /// </summary>
    private sealed record PreparedFiling(
        Appeal Appeal, string Token, string Sender, string? Key, string RequestHash, string? Contact, ResolvedPlace Place, RoutingDecision Route,
        Officer? Assignee, IReadOnlyList<StaffAccount> Staff, bool DutyUnit);

    /// <summary>Step 1: checks the request; reads only from memory (catalogue, territory snapshot) except for a signed-in resident's account, an address id or a named officer.</summary>
    private async Task<CheckedRequest?> CheckAsync(
        AppealInput input, IReadOnlyList<AttachmentUpload> files, AppealAccess access, string? idempotencyKey, FilingSource source, FieldErrors errors, CancellationToken cancellationToken)
    {
        var accountId = source.DutyUnit ? source.OnBehalfOfUserId : access.IsResident ? access.UserId : null;
        var account = accountId is not null ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == accountId, cancellationToken) : null;

        if (!AppealText.TryParseApiName<AppealKind>(input.Kind, out var kind)) errors.Add("kind", localizer["Appeal.KindRequired"]);
        var categories = await catalog.CategoriesAsync(cancellationToken);
        var category = categories.FirstOrDefault(c => c.Id == input.CategoryId && c.IsActive);
        if (category is null) errors.Add("categoryId", localizer["Appeal.CategoryRequired"]);
        var text = Shared.Web.InputText.Printable(input.Text)?.Trim();
        if (string.IsNullOrEmpty(text)) errors.Add("text", localizer["Appeal.TextRequired"]);
        else if (text.Length > AppealInput.MaxTextLength) errors.Add("text", localizer["Appeal.TextTooLong", AppealInput.MaxTextLength]);

        var place = await places.ResolveAsync(input.Lat, input.Lon, input.AddressId, input.AddressText, input.DistrictId, errors, cancellationToken);
        var concerned = await ConcernedOfficerAsync(input, kind, place, errors, cancellationToken);

        var name = ContactValidation.Name(string.IsNullOrWhiteSpace(input.Name) ? account?.DisplayName : input.Name, "name", localizer, errors);
        var noContactTyped = string.IsNullOrWhiteSpace(input.Email) && string.IsNullOrWhiteSpace(input.Phone);
        var (emailText, phoneText) = (noContactTyped ? account?.Email : input.Email, noContactTyped ? account?.PhoneNumber : input.Phone);
        // The duty unit files an anonymous resident's report with no contact at all: nobody is there to write to.
        var (email, phone) = source.DutyUnit && string.IsNullOrWhiteSpace(emailText) && string.IsNullOrWhiteSpace(phoneText)
            ? (null, null)
            : ContactValidation.Contacts(emailText, phoneText, localizer, errors);
        var iin = ContactValidation.OptionalIin(input.Iin, localizer, errors);
        if (!input.Consent) errors.Add("consent", localizer["Appeal.ConsentRequired"]);

        var attachments = CheckAttachments(files, errors);
        var key = idempotencyKey?.Trim();
        if (key is { Length: > MaxIdempotencyKeyLength }) errors.Add("idempotencyKey", localizer["Appeal.IdempotencyKeyTooLong", MaxIdempotencyKeyLength]);
        if (errors.Count > 0) return null;
        return new CheckedRequest(kind, category!, text!, place!, concerned, account, name!, email, phone, iin, attachments, string.IsNullOrEmpty(key) ? null : key);
    }

    /// <summary>Step 2: routes the appeal, sets its due date and builds it with its history entries; reads only from memory (catalogue, calendar, staff accounts).</summary>
    private async Task<PreparedFiling> PrepareAsync(
        CheckedRequest request, AppealInput input, IReadOnlyList<AttachmentUpload> files, AppealAccess access, FilingSource source, CancellationToken cancellationToken)
    {
        var (kind, place, concerned, account) = (request.Kind, request.Place, request.Concerned, request.Account);
        var now = clock.GetUtcNow().UtcDateTime;
        var receivedOn = KazakhstanTime.LocalDate(now);
        var policy = await catalog.PolicyAsync(cancellationToken);
        var calendar = await calendars.GetAsync(cancellationToken);
        var route = AppealRouting.Route(new RoutingInput(place.Beat, place.DistrictId, input.AboutPoliceOfficer || concerned is not null, concerned, place.HeadOfficerByDistrict));
        var token = Secrets.New();

        var appeal = new Appeal
        {
            Number = string.Empty,
            Kind = kind,
            CategoryId = request.Category.Id,
            Text = request.Text,
            Latitude = place.Latitude,
            Longitude = place.Longitude,
            AddressText = place.AddressLine,
            BeatId = place.Beat?.BeatId,
            DistrictId = route.DistrictId,
            Queue = route.Queue,
            AssigneeOfficerId = route.AssigneeOfficerId,
            ConcernedOfficerId = concerned?.OfficerId,
            AboutPoliceOfficer = input.AboutPoliceOfficer || concerned is not null,
            ApplicantUserId = account?.Id,
            ApplicantName = request.Name,
            ApplicantEmail = request.Email,
            ApplicantPhone = request.Phone,
            ApplicantProtectedIin = request.Iin is null ? null : protection.CreateProtector(AccountCommands.IinProtectionPurpose).Protect(request.Iin),
            ApplicantMaskedIin = request.Iin is null ? null : Iin.Mask(request.Iin),
            Language = LocalizationSetup.CurrentLanguage,
            TrackingTokenHash = Secrets.Hash(token),
            ProtectedTrackingToken = notifier.ProtectToken(token),
            State = AppealState.Registered,
            ReceivedAtUtc = now,
            ReceivedOn = receivedOn,
            DueDate = policy.DueDate(kind, receivedOn, calendar),
            Attachments = request.Attachments,
            Channel = source.Channel,
            ApiKeyId = source.ApiKeyId,
            PublishConsent = input.Publish,
        };
        appeal.Events.Add(new AppealEvent
        {
            AtUtc = now, Kind = AppealEventKind.Filed, ToState = AppealState.Registered, ActorUserId = account?.Id, DueDate = appeal.DueDate, IsPublic = true,
        });
        if (route.AssigneeOfficerId is { } assignee)
        {
            appeal.State = AppealState.Assigned;
            appeal.Events.Add(new AppealEvent
            {
                AtUtc = now, Kind = AppealEventKind.Transition, Action = AppealAction.Assign, FromState = AppealState.Registered,
                ToState = AppealState.Assigned, AssigneeOfficerId = assignee, DueDate = appeal.DueDate, IsPublic = true,
            });
        }

        // Everything the messages and the answer need is in memory already (the territory snapshot, the
        // staff accounts), so the write transaction holds only the number, the contact's count and the inserts.
        var assigneeOfficer = route.AssigneeOfficerId is { } assigneeId ? place.Officer(assigneeId) : null;
        var staff = route.AssigneeOfficerId is { } staffOfficer ? await notifier.StaffAccountsAsync([staffOfficer], cancellationToken) : [];
        // The duty unit's filing counts against no contact (see FilingSource.DutyUnit).
        return new PreparedFiling(appeal, token, source.Sender(access.UserId), request.Key, RequestHash(input, files), source.DutyUnit ? null : request.Email ?? request.Phone,
            place, route, assigneeOfficer, staff, source.DutyUnit);
    }

    /// <summary>
    /// Step 3: one transaction holds the number, the count against the applicant's contact, the appeal
    /// with its history entries, the idempotency key and the queued messages (ADR 0005). A key used
    /// before is answered with the appeal it filed; a contact that had its day's filings, with nothing stored.
    /// </summary>
    private async Task<FileAppealResult> StoreAsync(PreparedFiling filing, FieldErrors errors, CancellationToken cancellationToken)
    {
        var appeal = filing.Appeal;
        var year = appeal.ReceivedOn.Year;
        var sequence = db.Database.IsNpgsql() ? await NextFromPostgresSequenceAsync(year, cancellationToken) : (long?)null;

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            appeal.Number = AppealNumber.Format(CityCode, year, sequence ?? await NextFromCounterRowAsync(year, cancellationToken));
            // Counted inside the transaction: a filing that fails or is a retry counts nothing, and the
            // registration message's allowance comes from the same statement, without more round trips.
            // The duty unit's filing for a signed resident claims his message as any later message does (in the notifier;
            // his account's confirmed contact always may); with no contact the notifier sends nothing.
            MessageAllowance? allowance = filing.DutyUnit ? null : MessageAllowance.Withheld;
            if (filing.Contact is { } contact)
            {
                var counted = await contacts.CountFilingAsync(contact, appeal.ApplicantUserId, cancellationToken);
                if (counted is null)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    // A retry of a filing stored earlier today is answered with it, as it was before the limit was reached.
                    if (filing.Key is { } retried && await ReplayAsync(filing.Sender, retried, filing.RequestHash, errors, cancellationToken) is { } earlier)
                        return new(earlier, errors);
                    if (errors.Count > 0) return new(null, errors);
                    logger.LogWarning("Filing refused: its contact was named by {Limit} filings in a day", contacts.FilingsPerContactPerDay);
                    return new(null, errors, TooMany: true);
                }
                allowance = counted;
            }
            db.Appeals.Add(appeal);
            if (filing.Key is { } key)
                db.AppealIdempotencyKeys.Add(new AppealIdempotencyKey { Sender = filing.Sender, Key = key, RequestHash = filing.RequestHash, Appeal = appeal, CreatedAtUtc = appeal.ReceivedAtUtc });
            await notifier.ApplicantAsync(appeal, DefaultTemplates.Registered, filing.Token, assignee: filing.Assignee, allowance: allowance, cancellationToken: cancellationToken);
            if (filing.Staff.Count > 0) await notifier.OfficersAsync(appeal, filing.Staff, DefaultTemplates.StaffAssigned, $"v{appeal.Version}", filing.Assignee, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException exception) when (filing.Key is not null && UniqueViolation.Is(exception))
            {
                // The key was used before (a retry, or a double click racing the first): answer with that appeal.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                var earlier = await ReplayAsync(filing.Sender, filing.Key, filing.RequestHash, errors, cancellationToken);
                if (earlier is null && errors.Count == 0) throw;
                return new(earlier, errors);
            }
        }
        outboxSignal.Notify();

        var (place, route) = (filing.Place, filing.Route);
        logger.LogInformation("Appeal {Number} filed: {Kind}, queue {Queue}, district {District}", appeal.Number, appeal.Kind, route.Queue, route.DistrictId);
        return new(new FiledAppeal(appeal, filing.Token, Replayed: false,
            place.Beat is { } beat ? new FiledBeat(beat.BeatId, place.BeatCode!, place.BeatName!) : null,
            place.DistrictId is { } districtId ? new PlaceRef(districtId, place.DistrictName!) : null,
            filing.Assignee is { } officer ? new FiledAssignee(appealText.OfficerName(officer), appealText.Rank(officer)) : null), errors);
    }

    private string CityCode => configuration["Appeals:CityCode"] is { Length: 3 } code ? code : "ALM";

    private async Task<ConcernedOfficer?> ConcernedOfficerAsync(AppealInput input, AppealKind kind, ResolvedPlace? place, FieldErrors errors, CancellationToken cancellationToken)
    {
        var aboutOfficer = input.AboutPoliceOfficer || input.ConcernedOfficerId is not null || input.ConcernsBeatInspector;
        if (!aboutOfficer) return null;
        if (kind != AppealKind.Complaint) errors.Add("kind", localizer["Appeal.OfficerComplaintMustBeComplaint"]);
        int? officerId = input.ConcernedOfficerId;
        if (officerId is null && input.ConcernsBeatInspector)
        {
            officerId = place?.Beat?.InspectorOfficerId;
            if (officerId is null) errors.Add("concernsBeatInspector", localizer["Appeal.NoInspectorAtPlace"]);
        }
        if (officerId is null) return null;
        var officer = await db.Officers.AsNoTracking().SingleOrDefaultAsync(o => o.Id == officerId, cancellationToken);
        if (officer is null)
        {
            errors.Add("concernedOfficerId", localizer["Appeal.OfficerNotFound"]);
            return null;
        }
        return new ConcernedOfficer(officer.Id, officer.DistrictId, officer.Position == OfficerPosition.HeadOfDistrictService);
    }

    private List<AppealAttachment> CheckAttachments(IReadOnlyList<AttachmentUpload> files, FieldErrors errors)
    {
        if (files.Count > AttachmentRules.MaxFiles)
        {
            errors.Add("attachments", localizer["Attachment.TooMany", AttachmentRules.MaxFiles]);
            return [];
        }
        var accepted = new List<AppealAttachment>();
        foreach (var file in files)
        {
            var problem = AttachmentRules.Check(file.FileName, file.Content);
            if (problem != AttachmentProblem.None)
            {
                errors.Add("attachments", localizer[$"Attachment.{problem}", Path.GetFileName(file.FileName), AttachmentRules.MaxBytes / (1024 * 1024)]);
                continue;
            }
            var type = AttachmentRules.Sniff(file.Content)!.Value;
            var safeName = SafeFileName(file.FileName, type);
            accepted.Add(new AppealAttachment { FileName = safeName, ContentType = AttachmentRules.ContentType(type), Length = file.Content.Length, Content = file.Content });
        }
        return accepted;
    }

    /// <summary>Keeps letters, digits, dots, dashes and underscores of the base name, at most 100 characters, with the true extension.</summary>
    private static string SafeFileName(string fileName, AttachmentType type)
    {
        var stem = Path.GetFileNameWithoutExtension(Path.GetFileName(fileName.Replace('\\', '/')));
        var clean = new string(stem.Where(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.').Take(100).ToArray());
        return (clean.Length == 0 ? "file" : clean) + AttachmentRules.Extension(type);
    }

    /// <summary>The appeal an earlier request with this key filed, if the request was the same; an error if it was not.</summary>
    private async Task<FiledAppeal?> ReplayAsync(string sender, string key, string requestHash, FieldErrors errors, CancellationToken cancellationToken)
    {
        var earlier = await db.AppealIdempotencyKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Sender == sender && k.Key == key, cancellationToken);
        if (earlier is null) return null;
        if (earlier.RequestHash != requestHash)
        {
            errors.Add("idempotencyKey", localizer["Appeal.IdempotencyKeyReused"]);
            return null;
        }
        var appeal = await db.Appeals.AsNoTracking().Include(a => a.AssigneeOfficer).Include(a => a.Beat).Include(a => a.District).SingleAsync(a => a.Id == earlier.AppealId, cancellationToken);
        var token = protection.CreateProtector(AppealNotifier.TrackingTokenPurpose).Unprotect(appeal.ProtectedTrackingToken);
        return new FiledAppeal(appeal, token, Replayed: true,
            appeal.Beat is { } beat ? new FiledBeat(beat.Id, beat.Code, appealText.Beat(beat)) : null,
            appeal.District is { } district ? new PlaceRef(district.Id, appealText.District(district)) : null,
            appeal.AssigneeOfficer is { } officer ? new FiledAssignee(appealText.OfficerName(officer), appealText.Rank(officer)) : null);
    }

    /// <summary>A fingerprint of what was asked, so a reused key with a different request is refused rather than answered with someone else's appeal.</summary>
    private static string RequestHash(AppealInput input, IReadOnlyList<AttachmentUpload> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(JsonSerializer.SerializeToUtf8Bytes(input));
        foreach (var file in files) hash.AppendData(SHA256.HashData(file.Content));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string? Database, int Year), bool> PostgresSequencesMade = new();

    /// <summary>
    /// On PostgreSQL, the next number of the year from a sequence of that year: taking it never
    /// waits for another filing's commit, so filings run side by side. A filing that fails after
    /// taking its number leaves a gap; numbers stay unique and increasing.
    /// </summary>
    private async Task<long> NextFromPostgresSequenceAsync(int year, CancellationToken cancellationToken)
    {
        var name = await PostgresSequenceAsync(year, cancellationToken);
        return await db.Database.SqlQuery<long>($"SELECT nextval({name}::regclass) AS \"Value\"").SingleAsync(cancellationToken);
    }

    /// <summary>The name of the year's PostgreSQL sequence, made the first time this process needs it.</summary>
    private async Task<string> PostgresSequenceAsync(int year, CancellationToken cancellationToken)
    {
        var name = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"appeals_number_{year:0000}");
        var made = (db.Database.GetConnectionString(), year);
        if (!PostgresSequencesMade.ContainsKey(made))
        {
            try
            {
                // The name is built from an integer year above, never from input; DDL takes no parameters.
#pragma warning disable EF1003
                await db.Database.ExecuteSqlRawAsync("CREATE SEQUENCE IF NOT EXISTS " + name, cancellationToken);
#pragma warning restore EF1003
            }
            catch (Npgsql.PostgresException exception) when (exception.SqlState is Npgsql.PostgresErrorCodes.UniqueViolation or Npgsql.PostgresErrorCodes.DuplicateTable)
            {
                // Another filing (on this node or another) made it at the same moment: IF NOT EXISTS does
                // not guard against a concurrent CREATE, which then fails on the catalogue's unique index.
            }
            PostgresSequencesMade[made] = true;
        }
        return name;
    }

    /// <summary>
    /// The next <paramref name="count"/> numbers of a year, in increasing order, for appeals written
    /// without being filed here (the demo history, at first start): filings afterwards follow on
    /// from them. On SQLite they are taken inside the caller's transaction, as filing takes one.
    /// </summary>
    public async Task<IReadOnlyList<string>> TakeNumbersAsync(int year, int count, CancellationToken cancellationToken = default)
    {
        if (count <= 0) return [];
        List<long> numbers;
        if (db.Database.IsNpgsql())
        {
            var name = await PostgresSequenceAsync(year, cancellationToken);
            numbers = await db.Database.SqlQuery<long>($"SELECT nextval({name}::regclass) AS \"Value\" FROM generate_series(1, {count})").ToListAsync(cancellationToken);
        }
        else
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await using var take = Command(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(), """
                    INSERT INTO appeals_sequences ("Year", "LastNumber") VALUES (@year, @count)
                    ON CONFLICT ("Year") DO UPDATE SET "LastNumber" = "LastNumber" + @count
                    RETURNING "LastNumber"
                    """, year);
                var parameter = take.CreateParameter();
                parameter.ParameterName = "@count";
                parameter.Value = count;
                take.Parameters.Add(parameter);
                var last = Convert.ToInt64(await take.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
                numbers = Enumerable.Range(0, count).Select(i => last - count + 1 + i).ToList();
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        return numbers.Order().Select(n => AppealNumber.Format(CityCode, year, n)).ToList();
    }

    /// <summary>
    /// On SQLite, the next number of the year from a counter row updated inside the filing's
    /// transaction: SQLite admits one writer at a time anyway, and the number is gapless.
    /// </summary>
    private async Task<long> NextFromCounterRowAsync(int year, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await using var next = Command(connection, db.Database.CurrentTransaction?.GetDbTransaction(), """
            INSERT INTO appeals_sequences ("Year", "LastNumber") VALUES (@year, 1)
            ON CONFLICT ("Year") DO UPDATE SET "LastNumber" = "LastNumber" + 1
            RETURNING "LastNumber"
            """, year);
        return Convert.ToInt64(await next.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, int year)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@year";
        parameter.Value = year;
        command.Parameters.Add(parameter);
        return command;
    }
}

using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Accounts;

/// <summary>
/// The log of who read whose personal data (<c>accounts_personal_data_access</c>, Law No. 94-V). Accounts owns
/// the table; a module that shows personal data records the read here instead of writing the row itself.
/// </summary>
public sealed class PersonalDataLog(UchastokDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Writes one row, now. It saves the request's unit of work (the scoped DbContext), so whatever else the
    /// caller has pending is saved with it, as when callers added the row themselves.
    /// </summary>
    public async Task RecordAsync(string readerUserId, string? subjectUserId, string purpose, CancellationToken cancellationToken = default)
    {
        db.PersonalDataAccesses.Add(new PersonalDataAccess
        {
            ReaderUserId = readerUserId, SubjectUserId = subjectUserId, Purpose = purpose, AtUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Writes one row for a read of a record about a person without an account (see <see cref="PersonalRecord"/>), now, as <see cref="RecordAsync"/> does.</summary>
    public async Task RecordReadAsync(string readerUserId, PersonalRecord record, string purpose, CancellationToken cancellationToken = default)
    {
        db.PersonalDataAccesses.Add(new PersonalDataAccess
        {
            ReaderUserId = readerUserId, RecordKind = record.Kind, RecordId = record.Id, Purpose = purpose, AtUtc = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Writes one row per record shown on one screen (a list whose every line carries personal data), with the
    /// subject's account where the record names one, in one save.
    /// </summary>
    public async Task RecordReadsAsync(string readerUserId, IEnumerable<(PersonalRecord Record, string? SubjectUserId)> reads, string purpose, CancellationToken cancellationToken = default)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        foreach (var (record, subject) in reads)
            db.PersonalDataAccesses.Add(new PersonalDataAccess
            {
                ReaderUserId = readerUserId, SubjectUserId = subject, RecordKind = record.Kind, RecordId = record.Id, Purpose = purpose, AtUtc = at,
            });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Who read a record, when and why, newest first: the file's own access history, shown to its supervisor.</summary>
    public async Task<IReadOnlyList<RecordRead>> HistoryAsync(PersonalRecord record, int take = 200, CancellationToken cancellationToken = default) =>
        await db.PersonalDataAccesses.AsNoTracking()
            .Where(a => a.RecordKind == record.Kind && a.RecordId == record.Id)
            .OrderByDescending(a => a.AtUtc).ThenByDescending(a => a.Id).Take(take)
            .Join(db.Users, a => a.ReaderUserId, u => u.Id, (a, u) => new RecordRead(a.ReaderUserId, u.DisplayName, a.Purpose, a.AtUtc))
            .ToListAsync(cancellationToken);
}

/// <summary>A record about a person who may have no account: its kind (say "prevention-file") and its id.</summary>
public sealed record PersonalRecord(string Kind, string Id);

/// <summary>One read of a record: by whom, why, when.</summary>
public sealed record RecordRead(string ReaderUserId, string ReaderName, string Purpose, DateTime AtUtc);

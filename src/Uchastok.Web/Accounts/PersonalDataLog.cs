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
}

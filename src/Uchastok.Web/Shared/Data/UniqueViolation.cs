using Microsoft.Data.Sqlite;
using Npgsql;

namespace Uchastok.Web.Shared.Data;

/// <summary>
/// Recognises the one database failure a command expects when two requests race for the same
/// row: a unique (or primary key) violation. Anything else (a foreign key, a NOT NULL, a lost
/// connection, a full disk) is a real fault and must reach the exception handler, so a
/// <c>catch (DbUpdateException)</c> is always written <c>when (UniqueViolation.Is(exception))</c>.
/// </summary>
public static class UniqueViolation
{
    // https://www.sqlite.org/rescode.html: SQLITE_CONSTRAINT (19) and its extended codes.
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    /// <summary>Whether the exception (or one it wraps) is SQLite's or PostgreSQL's unique violation.</summary>
    public static bool Is(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case SqliteException sqlite when sqlite.SqliteErrorCode == SqliteConstraint
                    && sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey:
                    return true;
                case PostgresException postgres when postgres.SqlState == PostgresErrorCodes.UniqueViolation:
                    return true;
            }
        }
        return false;
    }
}

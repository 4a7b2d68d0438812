using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;

namespace Uchastok.Web.Appeals;

/// <summary>
/// Keeps the counters behind appeal numbers (CCC-YYYY-NNNNNN) and tip references above every number
/// already issued (<see cref="INumberingGuard"/>). Appeal numbers come from the yearly counter row
/// <c>appeals_sequences</c> on SQLite and from the yearly sequence <c>appeals_number_YYYY</c> on
/// PostgreSQL (see <see cref="FileAppealCommand"/>); tip references are the tips' identity column.
/// A gap (after a restore) moves the counters of the backup's last year and of the current year, even
/// if the restored data has no appeal of this year yet: numbers of these years may have been issued
/// after the backup was taken. Earlier years were closed before the backup.
/// </summary>
public sealed class AppealNumbering(TimeProvider clock) : INumberingGuard
{
    private const string TipsCounter = "appeals_tips";

    public async Task<IReadOnlyList<RaisedCounter>> RaiseAsync(UchastokDbContext db, long gap, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(gap);
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var raised = new List<RaisedCounter>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            var tx = transaction.GetDbTransaction();

            // The numbers in the data, highest of each year. Every number has the fixed form CCC-YYYY-N…,
            // so the year and the sequence sit at the same places on both databases.
            var issued = new Dictionary<int, long>();
            await using (var read = Command(connection, tx, """
                SELECT CAST(substr("Number", 5, 4) AS INTEGER), MAX(CAST(substr("Number", 10) AS BIGINT))
                FROM appeals GROUP BY CAST(substr("Number", 5, 4) AS INTEGER)
                """))
            await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
                while (await reader.ReadAsync(cancellationToken)) issued[Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture)] = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);

            var postgres = db.Database.IsNpgsql();
            var counters = postgres ? await PostgresCountersAsync(connection, tx, cancellationToken) : await SqliteCountersAsync(connection, tx, cancellationToken);
            var years = issued.Keys.Concat(counters.Keys).ToHashSet();
            // Numbers issued after the backup belong to its last year or a later one: earlier years are closed.
            var open = years.Count > 0 ? years.Max() : int.MaxValue;
            if (gap > 0) years.Add(KazakhstanTime.LocalDate(clock.GetUtcNow().UtcDateTime).Year);

            foreach (var year in years.Where(y => y is >= 1 and <= 9999).Order())
            {
                var before = counters.GetValueOrDefault(year);
                var target = Math.Max(before, issued.GetValueOrDefault(year)) + (year >= open ? gap : 0);
                if (target <= before) continue;
                if (postgres)
                {
                    var name = PostgresSequenceName(year);
                    // The name is built from an integer year, never from input; DDL takes no parameters.
                    await Execute(connection, tx, $"CREATE SEQUENCE IF NOT EXISTS {name}", cancellationToken);
                    // GREATEST: a node filing meanwhile may have moved the sequence on; never set it back.
                    await Execute(connection, tx, $"""
                        SELECT setval('{name}', GREATEST({target}, (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM {name})), true)
                        """, cancellationToken);
                }
                else
                {
                    await Execute(connection, tx, $"""
                        INSERT INTO appeals_sequences ("Year", "LastNumber") VALUES ({year}, {target})
                        ON CONFLICT ("Year") DO UPDATE SET "LastNumber" = max("LastNumber", excluded."LastNumber")
                        """, cancellationToken);
                }
                raised.Add(new RaisedCounter(string.Create(CultureInfo.InvariantCulture, $"appeal numbers {year}"), before, target));
            }

            // Tip references: both databases already keep an identity above the highest id in the data,
            // so only a restore (a gap) has anything to do: the ids handed out after the backup.
            if (gap > 0) raised.Add(postgres ? await RaisePostgresTipsAsync(connection, tx, gap, cancellationToken) : await RaiseSqliteTipsAsync(connection, tx, gap, cancellationToken));

            await transaction.CommitAsync(cancellationToken);
            return raised;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The name of a year's PostgreSQL sequence of appeal numbers, as <see cref="FileAppealCommand"/> makes it.</summary>
    internal static string PostgresSequenceName(int year) => string.Create(CultureInfo.InvariantCulture, $"appeals_number_{year:0000}");

    private static async Task<Dictionary<int, long>> SqliteCountersAsync(DbConnection connection, DbTransaction tx, CancellationToken cancellationToken)
    {
        var counters = new Dictionary<int, long>();
        await using var read = Command(connection, tx, """SELECT "Year", "LastNumber" FROM appeals_sequences""");
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) counters[reader.GetInt32(0)] = reader.GetInt64(1);
        return counters;
    }

    /// <summary>The last number each year's sequence has given (0 when none yet).</summary>
    private static async Task<Dictionary<int, long>> PostgresCountersAsync(DbConnection connection, DbTransaction tx, CancellationToken cancellationToken)
    {
        var counters = new Dictionary<int, long>();
        await using var read = Command(connection, tx, """
            SELECT sequencename, COALESCE(last_value, 0) FROM pg_sequences
            WHERE schemaname = current_schema() AND sequencename ~ '^appeals_number_[0-9]{4}$'
            """);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            counters[int.Parse(reader.GetString(0)["appeals_number_".Length..], CultureInfo.InvariantCulture)] = reader.GetInt64(1);
        return counters;
    }

    private static async Task<RaisedCounter> RaiseSqliteTipsAsync(DbConnection connection, DbTransaction tx, long gap, CancellationToken cancellationToken)
    {
        var before = await ScalarAsync(connection, tx, $"SELECT seq FROM sqlite_sequence WHERE name = '{TipsCounter}'", cancellationToken) ?? 0;
        var highest = await ScalarAsync(connection, tx, """SELECT MAX("Id") FROM appeals_tips""", cancellationToken) ?? 0;
        var after = Math.Max(before, highest) + gap;
        // sqlite_sequence is where SQLite keeps AUTOINCREMENT's high-water mark; the documentation allows changing it.
        await Execute(connection, tx, $"DELETE FROM sqlite_sequence WHERE name = '{TipsCounter}'", cancellationToken);
        await Execute(connection, tx, $"INSERT INTO sqlite_sequence (name, seq) VALUES ('{TipsCounter}', {after})", cancellationToken);
        return new RaisedCounter("tip references", before, after);
    }

    private static async Task<RaisedCounter> RaisePostgresTipsAsync(DbConnection connection, DbTransaction tx, long gap, CancellationToken cancellationToken)
    {
        const string sequence = "pg_get_serial_sequence('appeals_tips', 'Id')";
        var before = await ScalarAsync(connection, tx, $"""
            SELECT COALESCE(last_value, 0) FROM pg_sequences WHERE format('%I.%I', schemaname, sequencename)::regclass = {sequence}::regclass
            """, cancellationToken) ?? 0;
        var highest = await ScalarAsync(connection, tx, """SELECT MAX("Id") FROM appeals_tips""", cancellationToken) ?? 0;
        var after = Math.Max(before, highest) + gap;
        await Execute(connection, tx, $"SELECT setval({sequence}, {after}, true)", cancellationToken);
        return new RaisedCounter("tip references", before, after);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction tx, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        return command;
    }

    private static async Task Execute(DbConnection connection, DbTransaction tx, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, tx, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<long?> ScalarAsync(DbConnection connection, DbTransaction tx, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, tx, sql);
        return await command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : null;
    }
}

using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Demo;

/// <summary>
/// Writes many new rows of one entity type in the context's current transaction, a few hundred
/// rows to a statement. SaveChanges makes one statement per row and reads back every key, which
/// for the tens of thousands of history rows took most of the seeding's time. The table, the
/// columns and each value's form come from the EF model, through the same type mappings
/// SaveChanges uses, so the rows are the ones it would write, on either database.
/// <para>
/// The values are written into the statement as SQL literals, by each provider's type mapping (as
/// EF writes the constants of a query), not bound as parameters: binding costs Microsoft.Data.Sqlite
/// a native call per value, and with a quarter of a million values that was most of the time left.
/// This is safe here only because every value is made by the seeder from its own lists; nothing
/// that comes from a request may ever be written this way.
/// </para>
/// Keys the database generates are left to it and not read back; a caller whose rows others
/// refer to reads the keys back by a unique column.
/// </summary>
internal static class RowWriter
{
    private const int RowsPerStatement = 200;

    public static async Task InsertAsync<T>(UchastokDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0) return;
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd)).ToList();
        if (columns.Find(p => p.IsShadowProperty()) is { } shadow)
            throw new InvalidOperationException($"{typeof(T).Name}.{shadow.Name} lives only in the model; its rows must go through SaveChanges.");
        var mappings = columns.Select(p => p.GetRelationalTypeMapping()).ToList();
        var getters = columns.Select(p => p.GetGetter()).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var prefix = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) VALUES ";

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            for (var start = 0; start < rows.Count; start += RowsPerStatement)
            {
                var statement = new StringBuilder(prefix);
                for (var r = start; r < Math.Min(rows.Count, start + RowsPerStatement); r++)
                {
                    statement.Append(r == start ? "(" : ", (");
                    for (var c = 0; c < columns.Count; c++)
                    {
                        var value = getters[c].GetClrValueUsingContainingEntity(rows[r]);
                        if (value is not null && mappings[c].Converter is { } converter) value = converter.ConvertToProvider(value);
                        if (c > 0) statement.Append(", ");
                        statement.Append(value is null ? "NULL" : mappings[c].GenerateProviderValueSqlLiteral(value));
                    }
                    statement.Append(')');
                }
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                command.CommandText = statement.ToString();
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

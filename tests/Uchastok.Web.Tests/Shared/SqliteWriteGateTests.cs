using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Shared;

/// <summary>The SQLite write gate queues write transactions and is always given back, even by a transaction nobody finished.</summary>
public sealed class SqliteWriteGateTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task Gate_TransactionAbandonedWithoutCommitOrRollback_IsGivenBackWhenItsConnectionCloses()
    {
        var gate = factory.Services.GetService<SqliteWriteGate>();
        if (UchastokAppFactory.Provider == "postgres")
        {
            Assert.Null(gate); // PostgreSQL runs writers side by side; no gate is registered.
            return;
        }
        Assert.NotNull(gate);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
            var transaction = await db.Database.BeginTransactionAsync();
            await db.Database.ExecuteSqlRawAsync("UPDATE territory_revision SET \"Number\" = \"Number\"");
            Assert.False(gate.IsFree);
            // An exception in real code would leave the transaction like this: neither committed nor rolled back.
            await transaction.DisposeAsync();
        }

        Assert.True(gate.IsFree);
        await using var next = factory.Services.CreateAsyncScope();
        var other = next.ServiceProvider.GetRequiredService<UchastokDbContext>();
        await using var second = await other.Database.BeginTransactionAsync();
        await second.CommitAsync();
        Assert.True(gate.IsFree);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Rules.Calendar;
using Uchastok.Web.Calendar;
using Uchastok.Web.Integrations;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Shared;

/// <summary>
/// <see cref="UniqueViolation"/> on the configured provider (run with UCHASTOK_TEST_DB=sqlite and =postgres):
/// the races the commands expect are recognised; every other failure of a save is not, so it is never swallowed.
/// </summary>
public sealed class UniqueViolationTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task Is_SecondRowWithTheSameUniqueIndexValue_True()
    {
        var hash = Guid.NewGuid().ToString("N");
        await SaveAsync(db => db.ApiKeys.Add(Key(hash)));

        var exception = await FailedSaveAsync(db => db.ApiKeys.Add(Key(hash)));

        Assert.True(UniqueViolation.Is(exception));
    }

    [Fact]
    public async Task Is_SecondRowWithTheSamePrimaryKey_True()
    {
        var date = new DateOnly(2190, 1, 1).AddDays(Random.Shared.Next(10_000));
        await SaveAsync(db => db.CalendarDays.Add(Day(date, "first")));

        var exception = await FailedSaveAsync(db => db.CalendarDays.Add(Day(date, "second")));

        Assert.True(UniqueViolation.Is(exception));
    }

    [Fact]
    public async Task Is_ForeignKeyViolation_False()
    {
        var exception = await FailedSaveAsync(db => db.ApiKeyUsage.Add(new ApiKeyUsage { ApiKeyId = int.MaxValue, Day = new DateOnly(2026, 1, 1), Requests = 1 }));

        Assert.False(UniqueViolation.Is(exception));
    }

    [Fact]
    public async Task Is_NotNullViolation_False()
    {
        var date = new DateOnly(2190, 1, 1).AddDays(Random.Shared.Next(10_000));

        var exception = await FailedSaveAsync(db => db.CalendarDays.Add(Day(date, null!)));

        Assert.False(UniqueViolation.Is(exception));
    }

    [Fact]
    public void Is_ExceptionNotFromTheDatabase_False()
    {
        Assert.False(UniqueViolation.Is(new DbUpdateException("no inner exception")));
        Assert.False(UniqueViolation.Is(new InvalidOperationException()));
        Assert.False(UniqueViolation.Is(null));
    }

    private static ApiKey Key(string hash) => new() { Name = "unique-violation test", Prefix = hash[..8], Hash = hash, PermitsPerWindow = 1 };

    private static CalendarDayRecord Day(DateOnly date, string name) =>
        new() { Date = date, Kind = CalendarDayKind.Holiday, NameKk = name, NameRu = name ?? "x", NameEn = name ?? "x" };

    private async Task SaveAsync(Action<UchastokDbContext> add)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        add(db);
        await db.SaveChangesAsync();
    }

    private async Task<DbUpdateException> FailedSaveAsync(Action<UchastokDbContext> add)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        add(db);
        return await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }
}

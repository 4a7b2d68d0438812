using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Uchastok.Web.Accounts;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Accounts;

/// <summary>Every read of a record about a person without an account is logged with its purpose, and the record shows its own history, newest first.</summary>
public sealed class RecordReadLogTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task ReadsOfARecord_AreItsHistory_NewestFirst_WithTheReadersNames_AndNoOtherRecordsReads()
    {
        var record = new PersonalRecord("prevention-file", Guid.NewGuid().ToString("N"));
        var other = new PersonalRecord("prevention-file", Guid.NewGuid().ToString("N"));
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var inspector = (await users.FindByEmailAsync("inspector1@demo.kz"))!;
        var supervisor = (await users.FindByEmailAsync("supervisor.almaly@demo.kz"))!;
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero));
        var log = new PersonalDataLog(scope.ServiceProvider.GetRequiredService<Uchastok.Web.Shared.Data.UchastokDbContext>(), clock);

        await log.RecordReadAsync(inspector.Id, record, "visit planning");
        clock.Advance(TimeSpan.FromMinutes(5));
        await log.RecordReadAsync(supervisor.Id, record, "overdue review");
        await log.RecordReadAsync(inspector.Id, other, "visit planning");

        var history = await log.HistoryAsync(record);

        Assert.Equal(2, history.Count);
        Assert.Equal((supervisor.Id, supervisor.DisplayName, "overdue review"), (history[0].ReaderUserId, history[0].ReaderName, history[0].Purpose));
        Assert.Equal((inspector.Id, "visit planning"), (history[1].ReaderUserId, history[1].Purpose));
        Assert.True(history[0].AtUtc > history[1].AtUtc);
    }
}

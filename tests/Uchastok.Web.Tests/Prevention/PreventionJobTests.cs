using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Prevention;
using Uchastok.Web.Tests.Support;
using static Uchastok.Web.Tests.Prevention.PreventionTestData;

namespace Uchastok.Web.Tests.Prevention;

/// <summary>
/// The prevention job on a clock the test moves (Monday 2 November 2026 first): the inspector is reminded
/// on the last working day before actions fall due, once, with a count and no name; a removed file is
/// deleted with its plan and history on the day its category's retention period runs out, not a day
/// before, and the log of who read it stays.
/// </summary>
public sealed class PreventionJobTests
{
    public sealed class Reminders(ClockedAppFactory factory) : IClassFixture<ClockedAppFactory>
    {
        [Fact]
        public async Task TheDayBefore_TheInspectorIsToldHowManyActionsFallDue_OnceAndWithoutNames()
        {
            var category = await CategoryAsync(factory);
            const string name = "Напоминаев Сержан";
            var id = (await PutOnRecordAsync(factory, Entry(category, name, new DateOnly(1987, 5, 5), null, new DateOnly(2026, 10, 1)))).GetProperty("id").GetInt64();
            using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
            Assert.Equal(HttpStatusCode.NoContent, (await inspector.PostAsJsonAsync($"/api/v1/prevention/entries/{id}/actions", new { kind = "FamilyVisit", due = new DateOnly(2026, 11, 3) })).StatusCode);

            var job = factory.Services.GetRequiredService<PreventionJob>();
            await job.FirstPassDone;
            var first = await job.RunOnceAsync();
            var second = await job.RunOnceAsync();

            Assert.Equal(1, first.Reminded);
            Assert.Equal(0, second.Reminded);
            var message = await WithDbAsync(factory, db => db.Outbox.AsNoTracking().SingleAsync(m => m.TemplateKey == "staff.prevention-due" && m.Recipient == "inspector1@demo.kz"));
            Assert.StartsWith("prevention-due:2026-11-03:", message.DedupeKey);
            // The link opens the day the message is about.
            Assert.Contains("/prevention/day?date=2026-11-03", message.Body);
            Assert.DoesNotContain("Напоминаев", message.Body + message.Subject);
        }
    }

    public sealed class Purge(ClockedAppFactory factory) : IClassFixture<ClockedAppFactory>
    {
        [Fact]
        public async Task ARemovedFile_IsDeletedOnTheDayItsRetentionRunsOut_AndItsReadLogStays()
        {
            var category = await CategoryAsync(factory, retention: "Months", retentionCount: 1);
            var id = (await PutOnRecordAsync(factory, Entry(category, "Удалёнов Тест", new DateOnly(1970, 3, 3), null, new DateOnly(2026, 9, 1)))).GetProperty("id").GetInt64();
            using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
            Assert.Equal(HttpStatusCode.NoContent, (await inspector.PostAsJsonAsync($"/api/v1/prevention/entries/{id}/events",
                new { kind = "NewOffence", occurredOn = new DateOnly(2026, 10, 30), reason = "ст. 434 КоАП" })).StatusCode);
            Assert.Equal(HttpStatusCode.NoContent, (await inspector.PostAsJsonAsync($"/api/v1/prevention/entries/{id}/events",
                new { kind = "Removed", occurredOn = new DateOnly(2026, 11, 2), reason = "Судимость погашена" })).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await inspector.GetAsync($"/api/v1/prevention/entries/{id}")).StatusCode);
            var job = factory.Services.GetRequiredService<PreventionJob>();
            await job.FirstPassDone;
            var exists = () => WithDbAsync(factory, db => db.PreventionEntries.AnyAsync(e => e.Id == id));

            Assert.Equal(0, (await job.RunOnceAsync()).Purged);
            await factory.MoveToAsync(new DateOnly(2026, 12, 1));
            await job.RunOnceAsync();
            Assert.True(await exists());

            await factory.MoveToAsync(new DateOnly(2026, 12, 2));
            Assert.Equal(1, (await job.RunOnceAsync()).Purged);
            Assert.False(await exists());
            Assert.Equal(0, await WithDbAsync(factory, db => db.PreventionActions.CountAsync(a => a.EntryId == id)));
            Assert.Equal(0, await WithDbAsync(factory, db => db.PreventionEvents.CountAsync(e => e.EntryId == id)));
            Assert.True(await WithDbAsync(factory, db => db.PersonalDataAccesses.AnyAsync(a => a.RecordKind == PreventionRegister.RecordKind && a.RecordId == id.ToString())));
            // A month on, the morning's token has long expired: sign in again.
            using var again = await factory.SignedInAsync("inspector1@demo.kz");
            Assert.Equal(HttpStatusCode.NotFound, (await again.GetAsync($"/api/v1/prevention/entries/{id}")).StatusCode);
        }
    }
}

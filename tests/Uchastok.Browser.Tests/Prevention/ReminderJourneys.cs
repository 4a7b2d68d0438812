using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Calendar;
using Uchastok.Web.Prevention;
using Uchastok.Web.Tests.Support;
using static Uchastok.Web.Tests.Prevention.PreventionTestData;

namespace Uchastok.Browser.Tests.Prevention;

/// <summary>
/// The day-before reminder as an inspector meets it, in English on a phone: the e-mail the reminder job
/// sends him, its link followed from the development sink, the sign-in it leads to, the list of the day the
/// e-mail is about (not today's, where the visit is not yet), the visit recorded from there, and back to today.
/// </summary>
public sealed class ReminderJourneys(WorkingDayBrowserFixture fixture) : IClassFixture<WorkingDayBrowserFixture>
{
    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task Inspector_FollowsTheReminderLink_SeesTheDayItIsAbout_AndRecordsTheVisitFromIt()
    {
        var today = Host.Services.GetRequiredService<WorkingCalendarProvider>().Today();
        var calendar = await Host.Services.GetRequiredService<WorkingCalendarProvider>().GetAsync();
        var due = calendar.AddWorkingDays(today, 1);
        var category = await CategoryAsync(Host);
        var name = "Reminded " + Guid.NewGuid().ToString("N")[..6];
        var id = (await PutOnRecordAsync(Host, Entry(category, name, new DateOnly(1984, 2, 9), null, today))).GetProperty("id").GetInt64();
        using (var api = await Host.SignedInAsync("inspector1@demo.kz"))
            Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsJsonAsync($"/api/v1/prevention/entries/{id}/actions", new { kind = "FamilyVisit", due })).StatusCode);

        var job = Host.Services.GetRequiredService<PreventionJob>();
        await job.FirstPassDone;
        await job.RunOnceAsync();
        var dueText = due.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);
        var link = Assert.Single(await Host.LinksSentToAsync("inspector1@demo.kz", subjectContains: dueText), l => l.Contains("/prevention/day", StringComparison.Ordinal));
        Assert.EndsWith($"/prevention/day?date={due:yyyy-MM-dd}", link);

        // Tapped on the phone, signed out: the sign-in form first, then the day the e-mail named.
        var page = await Host.NewPhonePageAsync(language: "en");
        await page.GotoAsync(link);
        await page.WaitForURLAsync("**/account/login**");
        await page.FillAsync("#login", "inspector1@demo.kz");
        await page.FillAsync("#password", ApiClient.DemoPassword);
        await page.ClickAsync("form.form button[type=submit]");
        await page.WaitForURLAsync($"**/prevention/day?date={due:yyyy-MM-dd}");
        Assert.Contains(dueText, await page.InnerTextAsync("#day-ahead"));
        var stop = page.Locator("#day-stops li", new() { HasText = name }).Filter(new() { HasNotText = "Overdue" });
        Assert.Equal(1, await stop.CountAsync());
        Assert.Contains("Family visit", await stop.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        await PageChecks.AssertUsableAsync(page, "prevention-day-ahead-en");

        await stop.Locator("summary").ClickAsync();
        await stop.Locator("textarea").FillAsync("Visited a day early: the family was at home.");
        var actionId = await stop.GetAttributeAsync("data-action");
        await BrowserHost.SubmitAsync(page, $"#day-stops li[data-action='{actionId}'] button.record-done");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Contains($"date={due:yyyy-MM-dd}", page.Url);
        Assert.Equal(0, await page.Locator($"#day-stops li[data-action='{actionId}']").CountAsync());
        Assert.True(await page.Locator("#saved").IsVisibleAsync());

        await page.ClickAsync("#day-today");
        await page.WaitForURLAsync(url => url.EndsWith("/prevention/day", StringComparison.Ordinal));
        Assert.Equal(0, await page.Locator("#day-ahead").CountAsync());
        await PageChecks.AssertUsableAsync(page, "prevention-day-today-en");
        await page.Context.CloseAsync();
    }
}

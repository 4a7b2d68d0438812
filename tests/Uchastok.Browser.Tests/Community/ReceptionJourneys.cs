using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Uchastok.Browser.Tests.Community;

/// <summary>A resident finds the next meeting on the beat's page in Kazakh and books a reception; the inspector sees it on his day list.</summary>
public sealed class ReceptionJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task Resident_InKazakh_FindsTheNextMeeting_BooksAReception_AndTheInspectorSeesIt()
    {
        using var http = new HttpClient { BaseAddress = new Uri(Host.BaseUrl) };
        var located = JsonDocument.Parse(await http.GetStringAsync("/api/v1/beats/locate?lat=43.2510&lon=76.9210")).RootElement;
        var beatId = located.GetProperty("beat").GetProperty("id").GetInt32();

        // The inspector announces a meeting on his page.
        var inspector = await Host.SignInAsync("inspector1@demo.kz", "kk");
        await inspector.GotoAsync("/community");
        var starts = DateTime.UtcNow.AddHours(5).Date.AddDays(6).AddHours(18);
        await inspector.SelectOptionAsync("#s-beat", beatId.ToString(CultureInfo.InvariantCulture));
        await inspector.SelectOptionAsync("#s-kind", "QuarterlyReport");
        await inspector.FillAsync("#s-starts", starts.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await inspector.FillAsync("#s-place", "№ 12 мектеп, акт залы");
        await inspector.FillAsync("#s-agenda", "Тоқсандық есеп және тұрғындардың сұрақтары");
        await inspector.SelectOptionAsync("#s-language", "kk");
        await inspector.ClickAsync("#schedule-meeting button[type=submit]");
        await inspector.Locator("#recorded").WaitForAsync();

        // A resident, in Kazakh on a phone, opens the beat's page: the meeting is there, with a calendar file.
        var phone = await Host.NewPhonePageAsync();
        await phone.GotoAsync($"/culture/kk?returnUrl=%2Fbeats%2F{beatId}");
        var meeting = phone.Locator("#meetings li", new() { HasText = "Тоқсандық есеп және тұрғындардың сұрақтары" });
        Assert.Contains("Тұрғындар алдындағы тоқсандық есеп", await meeting.InnerTextAsync());
        Assert.Contains("№ 12 мектеп, акт залы", await meeting.InnerTextAsync());
        Assert.Equal(200, (await phone.APIRequest.GetAsync(await meeting.Locator("a[data-ics]").GetAttributeAsync("href") ?? "")).Status);
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, "beat-meetings-kk.png"), FullPage = true });

        // She books the day's last free reception slot (the first may stop being offered while she types).
        await phone.ClickAsync("#book-reception");
        var slot = phone.Locator("#slots input[name=startsAt]").Last;
        var value = await slot.GetAttributeAsync("value") ?? "";
        await slot.CheckAsync();
        await phone.FillAsync("#name", "Гүлнар Оспанова");
        await phone.FillAsync("#phone", "+7 701 555 44 33");
        await phone.FillAsync("#topic", "Көршілердің шуы");
        await phone.CheckAsync("input[name=consent]");
        await phone.ClickAsync("#book");
        await phone.Locator("#booked").WaitForAsync();
        Assert.Contains("Жазылды", await phone.InnerTextAsync("#booking"));
        await phone.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, "reception-booked-kk.png"), FullPage = true });

        // The inspector sees her on that day's list.
        await inspector.GotoAsync($"/community/receptions?date={value[..10]}");
        var row = inspector.Locator("#day-list tr", new() { HasText = "Гүлнар Оспанова" });
        Assert.Contains(value[11..16], await row.InnerTextAsync());
        Assert.Contains("Көршілердің шуы", await row.InnerTextAsync());
    }
}

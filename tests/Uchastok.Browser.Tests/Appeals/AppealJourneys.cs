using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Uchastok.Browser.Tests.Appeals;

/// <summary>The service loop in the browser: a resident writes, the inspector answers, the resident rates, the supervisor sees it.</summary>
public sealed class AppealJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Password = "Demo123!";
    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task Resident_InRussian_FilesWithAMapPin_InspectorAnswers_ResidentRates_SupervisorSeesOnTimeShareChange()
    {
        // The resident, in Russian, pins the place on the map and writes.
        var resident = await Host.NewPhonePageAsync();
        await resident.GotoAsync("/culture/ru?returnUrl=%2Fappeals%2Fnew");
        await resident.SelectOptionAsync("#kind", "application");
        await resident.SelectOptionAsync("#categoryId", new SelectOptionValue { Index = 2 });
        await resident.FillAsync("#text", "Во дворе каждую ночь громкая музыка после 23:00.");
        await resident.Locator("#appeal-map .leaflet-overlay-pane path").First.WaitForAsync();
        await resident.Locator("#appeal-map").ScrollIntoViewIfNeededAsync();
        var box = (await resident.Locator("#appeal-map").BoundingBoxAsync())!;
        await resident.Mouse.ClickAsync(box.X + box.Width / 2, box.Y + box.Height / 2);
        Assert.NotEmpty(await resident.InputValueAsync("#lat"));
        await resident.FillAsync("#name", "Мария Иванова");
        var email = $"maria-{Guid.NewGuid():N}@test.kz";
        await resident.FillAsync("#email", email);
        await resident.CheckAsync("input[name=consent]");
        await PageChecks.AssertUsableAsync(resident, "appeal-form-ru");
        await resident.ClickAsync("#submit-appeal");
        await resident.Locator("#filed").WaitForAsync();
        await PageChecks.AssertUsableAsync(resident, "appeal-filed-ru");
        var number = (await resident.InnerTextAsync("h1")).Split(' ')[0];
        Assert.Matches(@"^ALM-\d{4}-\d{6}$", number);
        Assert.Equal("Назначен исполнитель", await resident.InnerTextAsync("#appeal-state"));
        var trackingUrl = resident.Url;

        // The registration e-mail carries the code that confirms her address: its link fills the code in and she presses Confirm.
        var confirmLink = Assert.Single(await Host.LinksSentToAsync(email, "зарегистрировано"));
        Assert.Contains("?confirm=", confirmLink);
        await resident.GotoAsync(confirmLink);
        await resident.ClickAsync("#confirm-contact-button");
        await resident.Locator("#contact-message").WaitForAsync();
        Assert.Equal(0, await resident.Locator("#confirm-contact").CountAsync());

        // Staff accounts for the inspector the appeal went to and for his district's supervisor.
        var (officerId, districtId) = await RoutedToAsync(number);
        var inspectorEmail = await CreateStaffAsync("Inspector", districtId, officerId);
        var supervisorEmail = await CreateStaffAsync("Supervisor", districtId, null);

        var supervisor = await Host.SignInAsync(supervisorEmail, "ru");
        await supervisor.GotoAsync("/appeals/board");
        var row = supervisor.Locator($"#board tr[data-officer='{officerId}'] td.on-time");
        var before = await row.InnerTextAsync();
        Assert.Contains("(0 / 0)", before);

        // The inspector takes it into work and answers.
        var inspector = await Host.SignInAsync(inspectorEmail, "ru");
        await inspector.GotoAsync("/appeals/queue");
        await inspector.ClickAsync($"#appeal-list tr[data-number='{number}'] a");
        await PageChecks.AssertUsableAsync(inspector, "appeal-staff-ru");
        await inspector.ClickAsync("#start");
        await inspector.Locator("#answer-text").WaitForAsync();
        await inspector.FillAsync("#answer-text", "Провели беседу с соседями, музыка после 23:00 прекращена.");
        await inspector.ClickAsync("#send-answer");
        await inspector.Locator("#appeal-state[data-state=answered]").WaitForAsync();

        // The resident follows the link in the e-mail that brings the answer. No survey is open for
        // appeals, so the message offers none (a link to it would lead nowhere).
        var links = await Host.LinksSentToAsync(email, "дан ответ");
        Assert.Equal([trackingUrl.Split('?')[0]], links);
        await resident.GotoAsync(links[0]);
        Assert.Contains("Провели беседу с соседями", await resident.InnerTextAsync("#answer"));
        // No mark is chosen for her.
        Assert.Equal(0, await resident.Locator("#rate-form input[type=radio]:checked").CountAsync());
        await PageChecks.AssertUsableAsync(resident, "appeal-answered-ru");
        // Sending with a question left unmarked is refused, and says so.
        await resident.CheckAsync("#overall-5");
        await resident.ClickAsync("#rate");
        await resident.Locator("#appeal-message").WaitForAsync();
        Assert.Equal(0, await resident.Locator("#rating").CountAsync());
        foreach (var quality in new[] { "legality", "timeliness", "quality", "awareness" }) await resident.CheckAsync($"#{quality}-5");
        await resident.CheckAsync("#overall-5");
        await resident.CheckAsync("#politeness-4");
        await resident.FillAsync("#comment", "Спасибо, быстро.");
        await resident.ClickAsync("#rate");
        await resident.Locator("#rating").WaitForAsync();
        Assert.Contains("5 / 5", await resident.InnerTextAsync("#rating"));
        await PageChecks.AssertUsableAsync(resident, "appeal-answered-rated-ru");

        // The supervisor's board now counts one appeal decided on time.
        await supervisor.ReloadAsync();
        var after = await supervisor.Locator($"#board tr[data-officer='{officerId}'] td.on-time").InnerTextAsync();
        Assert.Contains("(1 / 1)", after);
        Assert.NotEqual(before, after);
        await supervisor.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, "appeal-board-ru.png"), FullPage = true });
    }


    private async Task<HttpClient> AdminAsync()
    {
        var client = new HttpClient { BaseAddress = new Uri(Host.BaseUrl) };
        var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "admin@demo.kz", password = Password });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<(int OfficerId, int DistrictId)> RoutedToAsync(string number)
    {
        using var admin = await AdminAsync();
        var appeal = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/appeals/{number}");
        return (appeal.GetProperty("assignee").GetProperty("id").GetInt32(), appeal.GetProperty("district").GetProperty("id").GetInt32());
    }

    private async Task<string> CreateStaffAsync(string role, int districtId, int? officerId)
    {
        using var admin = await AdminAsync();
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.kz";
        var response = await admin.PostAsJsonAsync("/api/v1/staff", new { displayName = "Journey " + role, email, password = Password, role, districtId, officerId });
        response.EnsureSuccessStatusCode();
        return email;
    }
}

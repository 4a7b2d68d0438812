using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Browser.Tests.Shared;

/// <summary>
/// Every page a resident or a member of staff opens, at phone size, in Kazakh, Russian and English
/// (the three side by side in one browser): none may be wider than the phone, log an error, fail a
/// request or carry a serious accessibility violation. The journeys of each capability press the
/// buttons; this sweep makes sure no page is left out of the checks.
/// </summary>
public sealed class PageSweepJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Languages = ["kk", "ru", "en"];
    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task ResidentPages_FitAPhone_AreAccessible_AndLogNoError_InEachLanguage()
    {
        using var http = new HttpClient { BaseAddress = new Uri(Host.BaseUrl) };
        var located = JsonDocument.Parse(await http.GetStringAsync("/api/v1/beats/locate?lat=43.2510&lon=76.9210")).RootElement;
        var beatId = located.GetProperty("beat").GetProperty("id").GetInt32();
        var (_, token, _) = await Host.FileAppealAsync(Host.Client());
        string[] paths =
        [
            "/", "/?q=" + Uri.EscapeDataString("Толе би"), "/?lat=43.2510&lon=76.9210", "/appeals/new", $"/beats/{beatId}", $"/beats/{beatId}/reception",
            $"/appeals/track/{token}", "/trust", "/reports", "/account/login", "/account/register", "/safety/report", "/safety/report/sent/SR-ABCD-EFGH",
        ];
        await SweepAsync(paths, language => Host.NewPhonePageAsync(language: language));
    }

    [Fact]
    public async Task StaffPages_FitAPhone_AreAccessible_AndLogNoError_InEachLanguage()
    {
        await Host.FileAppealAsync(Host.Client());
        var (beatId, districtId) = await Host.BeatAtAsync("43.2510", "76.9210");
        // A person on record a week ago: the file has a plan, and the day list a stop on its map.
        var category = await Uchastok.Web.Tests.Prevention.PreventionTestData.CategoryAsync(Host);
        var entry = (await Uchastok.Web.Tests.Prevention.PreventionTestData.PutOnRecordAsync(Host, Uchastok.Web.Tests.Prevention.PreventionTestData.Entry(
            category, "Обходов Тест", new DateOnly(1985, 5, 5), null, DateOnly.FromDateTime(DateTime.UtcNow.AddHours(5)).AddDays(-7)))).GetProperty("id").GetInt64();
        var dvCase = await DomesticViolenceCaseAsync(beatId);
        long protocol;
        using (var drafter = await Host.SignedInAsync("inspector1@demo.kz"))
            protocol = (await Uchastok.Web.Tests.Protocols.ProtocolTestData.SignedSearchAsync(drafter)).GetProperty("id").GetInt64();
        string[] inspector = ["/appeals/queue", "/community", "/community/receptions", "/community/mailings", $"/trust/free-text?beat={beatId}", "/account/profile",
            "/prevention", "/prevention/new", "/prevention/day", $"/prevention/entries/{entry}", "/prevention/juveniles",
            "/prevention/dv-cases", "/prevention/dv-cases/new", $"/prevention/dv-cases/{dvCase}", "/protocols", $"/protocols/{protocol}",
            "/protocols/workspace", "/workspace", "/safety/reports", "/analytics/patrols"];
        string[] supervisor = ["/prevention", $"/prevention/entries/{entry}", "/appeals/board", "/appeals/tips", "/territory", $"/territory/workload?district={districtId}", $"/territory/design?district={districtId}", "/trust/dashboard", "/evaluation", "/community/compliance", "/reports/manage", "/staff/sessions",
            "/protocols", "/protocols/stats", $"/protocols/{protocol}", "/safety/reports", "/safety/console", "/analytics/patrols"];
        string[] admin = ["/staff/sessions", "/admin/staff", "/admin/appeals", "/admin/calendar", "/admin/notifications", "/admin/api-keys", "/admin/safety/devices", "/admin/surveys", "/admin/prevention-categories", "/admin/dv-measure-types", "/admin/protocols/offences", "/protocols", $"/protocols/stats?district={districtId}", $"/territory/beats?district={districtId}", "/territory/import", "/territory/incidents"];
        await SweepAsync(inspector, language => Host.SignInAsync("inspector1@demo.kz", language, phone: true));
        await SweepAsync(supervisor, language => Host.SignInAsync("supervisor.almaly@demo.kz", language, phone: true));
        await SweepAsync(admin, language => Host.SignInAsync("admin@demo.kz", language, phone: true));
        await SweepAsync(["/prevention", "/prevention/juveniles", "/protocols"], language => Host.SignInAsync("juvenile.almaly@demo.kz", language, phone: true));
    }

    /// <summary>A domestic-violence case on inspector1's beat with a statement and the victim's contacts, so its page shows every block.</summary>
    private async Task<long> DomesticViolenceCaseAsync(int beatId)
    {
        using var inspector = await Host.SignedInAsync("inspector1@demo.kz");
        var opened = await inspector.PostAsJsonAsync("/api/v1/prevention/dv-cases", new
        {
            beatId, source = "Patrol", detectedOn = Uchastok.Web.Shared.Localization.KazakhstanTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            address = "ул. Толе би, 55, кв. 12", summary = "Патруль услышал крики из квартиры.",
        });
        var id = JsonDocument.Parse(await opened.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        await inspector.PostAsJsonAsync($"/api/v1/prevention/dv-cases/{id}/evidence", new { kind = "NeighbourStatement", personName = "Сосед", contact = "+77015550102", text = "Слышал крики." });
        await inspector.PutAsJsonAsync($"/api/v1/prevention/dv-cases/{id}/victim", new { name = "Жанар Ибраева", phone = "+77015550103", channel = "Sms" });
        return id;
    }

    [Fact]
    public async Task WidePages_FitALaptopScreen_AndAPhoneInLandscape()
    {
        var (_, districtId) = await Host.BeatAtAsync("43.2510", "76.9210");
        string[] paths = ["/trust", "/reports", "/appeals/board", $"/trust/dashboard?district={districtId}", "/evaluation", $"/territory/workload?district={districtId}", "/appeals/queue"];
        var problems = new ConcurrentBag<string>();
        await Task.WhenAll(new[] { (1366, 768), (844, 390) }.Select(async size =>
        {
            var page = await Host.SignInAsync("supervisor.almaly@demo.kz", "ru");
            await page.SetViewportSizeAsync(size.Item1, size.Item2);
            foreach (var path in paths)
            {
                await page.GotoAsync(path);
                foreach (var problem in await PageChecks.ProblemsAsync(page, $"wide{path.Split('?')[0].Replace('/', '-')}-{size.Item1}")) problems.Add(problem);
            }
            await page.Context.CloseAsync();
        }));
        Assert.True(problems.IsEmpty, string.Join("\n", problems.Order()));
    }

    [Fact]
    public async Task PageChecks_RefuseAPageWiderThanThePhone_AndAnImageWithoutAlternativeText()
    {
        // The checks every journey relies on must be able to fail.
        var page = await Host.NewPhonePageAsync();
        await page.GotoAsync("/account/login");
        await page.EvaluateAsync("() => { const d = document.createElement('div'); d.style.width = '600px'; d.textContent = 'wide'; document.querySelector('main').appendChild(d); }");
        await page.EvaluateAsync("() => { const i = document.createElement('img'); i.src = '/img/officer.svg'; document.querySelector('main').appendChild(i); }");
        var problems = await PageChecks.ProblemsAsync(page, "checks-self-test");
        Assert.Contains(problems, p => p.Contains("wider than the screen", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("image-alt", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    private static async Task SweepAsync(IReadOnlyList<string> paths, Func<string, Task<IPage>> open)
    {
        var problems = new ConcurrentBag<string>();
        await Task.WhenAll(Languages.Select(async language =>
        {
            var page = await open(language);
            foreach (var path in paths)
            {
                var response = await page.GotoAsync(path);
                if (response is null || response.Status >= 400) problems.Add($"{path} ({language}): HTTP {response?.Status}");
                var name = "sweep" + (path == "/" ? "-index" : path.Split('?')[0].Replace('/', '-')) + "-" + language;
                foreach (var problem in await PageChecks.ProblemsAsync(page, name)) problems.Add(problem);
            }
            await page.Context.CloseAsync();
        }));
        Assert.True(problems.IsEmpty, string.Join("\n", problems.Order()));
    }
}

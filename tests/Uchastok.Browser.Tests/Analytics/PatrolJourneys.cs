using Microsoft.Playwright;
using Uchastok.Web.Tests.PatrolPlanning;

namespace Uchastok.Browser.Tests.Analytics;

/// <summary>
/// Issue 20's patrol suggestions on a phone (390×844): the Almaly supervisor, in Russian, opens the patrols page from
/// the menu, opens inspector1's beat, makes next month's suggestion, accepts the first square and rejects the second
/// with a reason, and sees both saved after the page comes back; a month that is over shows its comparison and no
/// accept buttons; inspector1 sees his beat's risk zones on his
/// workspace. The demo city has no incidents, so the journey places its own on two beats (<see cref="PatrolTestData"/>).
/// </summary>
public sealed class PatrolJourneys(PatrolJourneys.NovemberFixture fixture) : IClassFixture<PatrolJourneys.NovemberFixture>
{
    /// <summary>
    /// The host's clock stands on Monday 2 November 2026, 10:00 in Almaty (as the HTTP tests'), so "next month" is
    /// December and October is over whatever day the suite runs: the placed incidents are September's and October's.
    /// </summary>
    public sealed class NovemberFixture() : BrowserFixture(new BrowserHost { Clock = new(new DateTimeOffset(2026, 11, 2, 5, 0, 0, TimeSpan.Zero)) });

    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task Supervisor_InRussian_AcceptsOneSquareAndRejectsAnotherWithAReason_InspectorSeesHisRiskZones()
    {
        var beats = await PatrolTestData.SeedAsync(Host);

        var page = await Host.SignInAsync("supervisor.almaly@demo.kz", "ru", phone: true);
        await page.ClickAsync(".menu-button");
        await page.ClickAsync("#nav-patrols");
        await page.WaitForURLAsync("**/analytics/patrols");
        await PageChecks.AssertUsableAsync(page, "patrols-district-ru");
        await page.ClickAsync($"#patrol-beats li[data-beat='{beats.Planned}'] a");
        await page.Locator("#patrols-beat").WaitForAsync();
        await BrowserHost.SubmitAsync(page, "#patrols-generate");
        var cells = page.Locator("#patrol-cells li.patrol-cell");
        await cells.First.WaitForAsync();
        Assert.Equal(2, await cells.CountAsync());
        Assert.Contains("Самые частые часы: 18–21", await cells.Nth(0).InnerTextAsync());

        await BrowserHost.SubmitAsync(page, "#patrol-cells li.patrol-cell:nth-child(1) .patrol-accept");
        await Assertions.Expect(page.Locator("#patrols-message")).ToHaveTextAsync("Сохранено.");
        await page.FillAsync("#patrol-cells li.patrol-cell:nth-child(2) input[name=reason]", "Квадрат охраняет ЧОП торгового центра");
        await BrowserHost.SubmitAsync(page, "#patrol-cells li.patrol-cell:nth-child(2) .patrol-reject");

        await Assertions.Expect(page.Locator("#patrol-cells li.patrol-cell:nth-child(1)")).ToHaveAttributeAsync("data-state", "accepted");
        await Assertions.Expect(page.Locator("#patrol-cells li.patrol-cell:nth-child(2)")).ToHaveAttributeAsync("data-state", "rejected");
        // Saved, not just drawn: a fresh load shows the same.
        await page.ReloadAsync();
        Assert.Contains("Решение: Принято", await page.InnerTextAsync("#patrol-cells li.patrol-cell:nth-child(1)"));
        var second = await page.InnerTextAsync("#patrol-cells li.patrol-cell:nth-child(2)");
        Assert.Contains("Решение: Отклонено", second);
        Assert.Contains("Причина: Квадрат охраняет ЧОП торгового центра", second);
        Assert.Contains("принято 1, отклонено 1", await page.InnerTextAsync($"#patrol-beats li[data-beat='{beats.Planned}']"));
        // The map draws the two squares by their decision; a tap on the rejected one goes to its card.
        await page.Locator("#patrol-map .patrol-square-accepted").WaitForAsync();
        Assert.Equal(2, await page.Locator("#patrol-map .patrol-square").CountAsync());
        Assert.Equal(1, await page.Locator("#patrol-map .patrol-square-rejected").CountAsync());
        Assert.Equal(["1", "2"], await page.Locator("#patrol-map .patrol-rank").AllInnerTextsAsync());
        var rejectedId = await page.GetAttributeAsync("#patrol-cells li.patrol-cell:nth-child(2)", "data-suggestion");
        await page.Locator("#patrol-map .patrol-square-rejected").ClickAsync();
        await page.WaitForURLAsync($"**#s{rejectedId}");
        await PageChecks.AssertUsableAsync(page, "patrols-beat-ru");

        // A month that is over, on another beat: made from the incidents before it, then compared with what happened.
        await page.GotoAsync($"/analytics/patrols?district={beats.District}&beat={beats.Past}&period=2026-10");
        await BrowserHost.SubmitAsync(page, "#patrols-generate");
        await page.Locator("#patrols-comparison").WaitForAsync();
        Assert.Contains("Правонарушений на участке за месяц: 3", await page.InnerTextAsync("#patrols-comparison"));
        Assert.Equal(0, await page.Locator(".patrol-accept").CountAsync());
        await PageChecks.AssertUsableAsync(page, "patrols-comparison-ru");

        // The district's October, beat by beat: from the district page, the month chosen in the form.
        await page.ClickAsync(".menu-button");
        await page.ClickAsync("#nav-patrols");
        await page.WaitForURLAsync("**/analytics/patrols");
        await page.FillAsync("#patrols-period", "2026-10");
        await page.ClickAsync("#patrols-filter button[type=submit]");
        await page.WaitForURLAsync("**period=2026-10**");
        var overview = page.Locator("#patrols-district-comparison");
        await overview.WaitForAsync();
        Assert.Contains("Месяц 2026-10 в сравнении с предложениями", await overview.InnerTextAsync());
        var pastRow = overview.Locator($"tr[data-beat='{beats.Past}']");
        Assert.Equal("3", await pastRow.Locator("td").First.InnerTextAsync());
        Assert.Contains("→", await pastRow.Locator("td").Nth(1).InnerTextAsync());
        await PageChecks.AssertUsableAsync(page, "patrols-district-comparison-ru");
        await pastRow.Locator("a").ClickAsync();
        await page.Locator("#patrols-comparison").WaitForAsync();
        Assert.Contains("Правонарушений на участке за месяц: 3", await page.InnerTextAsync("#patrols-comparison"));

        var inspector = await Host.SignInAsync("inspector1@demo.kz", "ru", phone: true);
        await inspector.ClickAsync(".menu-button");
        await inspector.ClickAsync("#nav-workspace");
        await inspector.WaitForURLAsync("**/workspace");
        var zones = inspector.Locator($"#wh-zones li[data-beat='{beats.Planned}']");
        await zones.WaitForAsync();
        var text = await zones.InnerTextAsync();
        // This month has no suggestion (the supervisor planned the next one): the zones come from the forecast.
        Assert.Contains("по прогнозу", text);
        Assert.Contains("Квадрат 1", text);
        Assert.Equal(2, await zones.Locator("li[data-zone]").CountAsync());
        Assert.StartsWith("https://www.openstreetmap.org/", await zones.Locator("li[data-zone='1'] a").GetAttributeAsync("href"));
        await PageChecks.AssertUsableAsync(inspector, "workspace-risk-zones-ru");
    }
}

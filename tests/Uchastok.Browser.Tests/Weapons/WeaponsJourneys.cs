using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Uchastok.Web.Tests.Weapons.WeaponsTestData;

namespace Uchastok.Browser.Tests.Weapons;

/// <summary>
/// The weapons registers as their users work them, on a phone. An inspector, in Kazakh, registers a storage site on
/// his beat, records an inspection with a breach (the checklist answered, the breach and what he required, by when)
/// and sees it on the site; his supervisor's district board counts the breach. The licensing officer, in Russian,
/// imports a CSV with one bad row and sees that row refused with its number and reason, the others taken.
/// </summary>
public sealed partial class WeaponsJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private BrowserHost Host => fixture.Host;

    [GeneratedRegex(@"бұзушылықтар: (\d+)")]
    private static partial Regex BreachesFigure();

    [Fact]
    public async Task Inspector_InKazakh_RecordsAStorageInspectionWithABreach_AndTheBoardCountsIt()
    {
        var beat = await BeatOfAsync(Host, "inspector1@demo.kz");
        var name = "Қару бөлмесі " + Guid.NewGuid().ToString("N")[..6];
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(5));

        var inspector = await Host.SignInAsync("inspector1@demo.kz", "kk", phone: true);
        await inspector.GotoAsync("/weapons");
        await PageChecks.AssertUsableAsync(inspector, "weapons-register-kk");
        await inspector.ClickAsync("#storage-sites");
        await inspector.WaitForURLAsync("**/weapons/sites");
        await PageChecks.AssertUsableAsync(inspector, "weapons-sites-kk");
        await inspector.FillAsync("#name", name);
        await inspector.FillAsync("#organisation", "«Сарбаз» ЖШС");
        await inspector.FillAsync("#address", "Абай даңғылы, 52");
        await inspector.SelectOptionAsync("#kind", "organisation");
        await inspector.SelectOptionAsync("#beat", beat);
        await BrowserHost.SubmitAsync(inspector, "#save-site");
        await inspector.WaitForURLAsync("**/weapons/sites/*");
        Assert.Equal(name, await inspector.InnerTextAsync("h1"));
        await PageChecks.AssertUsableAsync(inspector, "weapons-site-kk");

        // An item not met without a breach is refused, in Kazakh, and the answers stay.
        foreach (var item in new[] { "storage-room", "ledger", "access" }) await inspector.CheckAsync($"input[name='item.{item}'][value='met']");
        await inspector.CheckAsync("input[name='item.alarm'][value='not-met']");
        var refused = await inspector.RunAndWaitForResponseAsync(() => inspector.ClickAsync("#save-inspection"),
            r => r.Request.Method == "POST" && r.Request.ResourceType == "document");
        Assert.Equal(200, refused.Status);
        Assert.Contains("бұзушылықты", await inspector.InnerTextAsync("#form-errors"));
        Assert.True(await inspector.IsCheckedAsync("input[name='item.alarm'][value='not-met']"));
        await PageChecks.AssertUsableAsync(inspector, "weapons-inspection-refused-kk");

        await inspector.FillAsync("#breachText0", "Күзет дабылы істен шыққан");
        await inspector.FillAsync("#breachRequirement0", "Дабылды 14 күн ішінде жөндеу");
        await inspector.FillAsync("#breachDue0", today.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await BrowserHost.SubmitAsync(inspector, "#save-inspection");
        await inspector.WaitForURLAsync("**/weapons/sites/*?saved=true");
        var inspection = inspector.Locator("section.inspection").First;
        Assert.Contains("Күзет дабылы істен шыққан", await inspection.InnerTextAsync());
        Assert.Contains("Дабылды 14 күн ішінде жөндеу", await inspection.InnerTextAsync());
        Assert.Contains("Сақталмаған", await inspection.InnerTextAsync());
        await PageChecks.AssertUsableAsync(inspector, "weapons-site-inspected-kk");
        await inspector.Context.CloseAsync();

        var supervisor = await Host.SignInAsync("supervisor.almaly@demo.kz", "kk", phone: true);
        await supervisor.GotoAsync("/appeals/board");
        var figures = await supervisor.InnerTextAsync("#weapons-board-figures");
        var breaches = BreachesFigure().Match(figures);
        Assert.True(breaches.Success, figures);
        Assert.True(int.Parse(breaches.Groups[1].Value, CultureInfo.InvariantCulture) >= 1, figures);
        await PageChecks.AssertUsableAsync(supervisor, "weapons-board-kk");
        await supervisor.Context.CloseAsync();
    }

    [Fact]
    public async Task LicensingOfficer_InRussian_ImportsACsvWithOneBadRow_AndSeesItRefused()
    {
        var beat = await BeatOfAsync(Host, "inspector1@demo.kz");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var csv = "holder_kind,name,iin,bin,address,beat,weapon_kind,make,model,calibre,serial_number,permit_number,issuer,valid_from,valid_to\n"
            + $"person,Иванов Иван,,,\"Абая 1, кв. 2\",{beat},pistol,ИЖ,71,9,S1-{tag},P1-{tag},ДП г. Алматы,2024-01-01,2029-01-01\n"
            + $"person,Петров Пётр,,,Абая 3,{beat},smoothbore-gun,МР,153,12,,P2-{tag},ДП г. Алматы,01.01.2024,01.01.2029\n";

        var licensing = await Host.SignInAsync("licensing@demo.kz", "ru", phone: true);
        // The licensing officer lands on the register.
        Assert.EndsWith("/weapons", new Uri(licensing.Url).AbsolutePath);
        await PageChecks.AssertUsableAsync(licensing, "weapons-register-licensing-ru");
        await licensing.ClickAsync("#import-holders");
        await licensing.WaitForURLAsync("**/weapons/import");
        await PageChecks.AssertUsableAsync(licensing, "weapons-import-ru");
        await licensing.SetInputFilesAsync("#file", new FilePayload { Name = "владельцы.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await BrowserHost.SubmitAsync(licensing, "#import-submit");

        Assert.Equal("Прочитано строк: 2; принято: 1; отклонено: 1.", await licensing.InnerTextAsync("#import-report-title"));
        var refusal = licensing.Locator("#import-refusals tbody tr");
        Assert.Equal(1, await refusal.CountAsync());
        Assert.Equal("3", await refusal.Locator("td").First.InnerTextAsync());
        Assert.Equal("пустой столбец serial_number", await refusal.Locator("td").Nth(1).InnerTextAsync());
        await PageChecks.AssertUsableAsync(licensing, "weapons-import-report-ru");

        await licensing.GotoAsync($"/weapons?search=S1-{tag}");
        Assert.Contains("Иванов Иван", await licensing.InnerTextAsync("#holders"));
        await PageChecks.AssertUsableAsync(licensing, "weapons-search-ru");
        await licensing.Context.CloseAsync();
    }
}

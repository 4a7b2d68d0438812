using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Rules.Trust;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Browser.Tests.Seizures;

/// <summary>
/// Weapon seizures as their users work them (issue 21). An inspector on a phone, in Russian, records a seized pistol:
/// the save is refused without the serial (the message shows under the field and nothing is saved); he adds it and saves,
/// with a determinant; his supervisor, in Kazakh, opens the dashboard and finds the pistol counted in his district and
/// the quarter, and the determinant beside it. Every page passes <see cref="PageChecks"/>.
/// </summary>
public sealed class SeizureJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task Inspector_InRussian_IsRefusedAPistolWithoutSerial_SavesIt_AndTheSupervisorInKazakhSeesItCounted()
    {
        using var http = Host.Client("ru");
        var address = JsonDocument.Parse(await http.GetStringAsync("/api/v1/addresses/nearest?lat=43.2510&lon=76.9210")).RootElement.GetProperty("line").GetString()!;
        var located = JsonDocument.Parse(await http.GetStringAsync("/api/v1/beats/locate?lat=43.2510&lon=76.9210")).RootElement;
        var district = located.GetProperty("district").GetProperty("id").GetInt32();
        var protocolNumber = "ПР-" + Guid.NewGuid().ToString("N")[..6];

        var inspector = await Host.SignInAsync("inspector1@demo.kz", "ru", phone: true);
        await inspector.GotoAsync("/seizures");
        await PageChecks.AssertUsableAsync(inspector, "seizures-ru");
        await inspector.ClickAsync("#record-seizure");
        await inspector.WaitForURLAsync("**/seizures/new");
        await PageChecks.AssertUsableAsync(inspector, "seizures-new-ru");
        await inspector.FillAsync("#address", address);
        await inspector.SelectOptionAsync("#item-0-category", "pistol");
        await inspector.FillAsync("#item-0-type", "самозарядный");
        await inspector.FillAsync("#item-0-make", "Ижмех");
        await inspector.FillAsync("#item-0-model", "ПМ");
        await inspector.FillAsync("#item-0-calibre", "9×18");
        await inspector.FillAsync("#item-0-number", "357159");
        await inspector.CheckAsync("#determinant-1");
        await inspector.FillAsync("#protocol-number", protocolNumber);
        var refused = await inspector.RunAndWaitForResponseAsync(() => inspector.ClickAsync("#save-seizure"),
            r => r.Request.Method == "POST" && r.Request.ResourceType == "document");

        Assert.Equal(400, refused.Status);
        Assert.Equal("Предмет 1 (Пистолет): укажите поле «Серия».", (await inspector.InnerTextAsync("[data-for='items[0].series']")).Trim());
        Assert.Contains("Серия", await inspector.InnerTextAsync("#seizure-errors"));
        Assert.Equal("357159", await inspector.InputValueAsync("#item-0-number"));
        Assert.False(await SavedAsync(protocolNumber));
        await PageChecks.AssertUsableAsync(inspector, "seizures-new-refused-ru");

        await inspector.FillAsync("#item-0-series", "КА");
        await BrowserHost.SubmitAsync(inspector, "#save-seizure");
        await inspector.WaitForURLAsync("**/seizures/*?recorded=true");
        Assert.Equal("Изъятие сохранено.", await inspector.InnerTextAsync("#seizure-recorded"));
        Assert.Contains("357159", await inspector.InnerTextAsync("#items-table"));
        Assert.True(await SavedAsync(protocolNumber));
        await PageChecks.AssertUsableAsync(inspector, "seizure-detail-ru");
        await inspector.Context.CloseAsync();

        var quarter = Quarter.Of(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(5))).ToString();
        var supervisor = await Host.SignInAsync("supervisor.almaly@demo.kz", "kk", phone: true);
        await supervisor.GotoAsync("/seizures");
        await supervisor.ClickAsync("#open-dashboard");
        await supervisor.WaitForURLAsync("**/seizures/dashboard");
        var row = supervisor.Locator($"table[data-quarter='{quarter}'] tbody tr[data-district='{district}']");
        Assert.Equal("1", (await row.Locator("td[data-category='pistol']").InnerTextAsync()).Trim());
        Assert.Equal("1", (await row.Locator("td.weapons").InnerTextAsync()).Trim());
        Assert.Equal("1", (await supervisor.Locator($"#determinant-table tr[data-district='{district}'] td[data-code='1']").InnerTextAsync()).Trim());
        Assert.Contains("Тапанша", await supervisor.InnerTextAsync($"table[data-quarter='{quarter}'] thead"));
        await PageChecks.AssertUsableAsync(supervisor, "seizures-dashboard-kk");
        await supervisor.Context.CloseAsync();
    }

    [Fact]
    public async Task Anyone_OnAPhone_ReadsThePublicFigures_InEachLanguage()
    {
        foreach (var language in new[] { "kk", "ru", "en" })
        {
            var page = await Host.NewPhonePageAsync(language: language);
            await page.GotoAsync("/seizures/figures");
            Assert.Equal(12, await page.Locator("#public-figures tbody tr").CountAsync());
            await PageChecks.AssertUsableAsync(page, $"seizures-figures-{language}");
            await page.Context.CloseAsync();
        }
    }

    private async Task<bool> SavedAsync(string protocolNumber)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UchastokDbContext>().WeaponSeizures.AnyAsync(s => s.ProtocolNumber == protocolNumber);
    }
}

using Microsoft.Playwright;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Browser.Tests.Safety;

/// <summary>
/// SOS devices as the administrator keeps them, on a phone in Russian: he registers a device (refused first for a point
/// on no beat), sees its key once — a reload shows it no more — and revokes it after confirming, with no script needed.
/// </summary>
public sealed class DeviceJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task Admin_InRussian_RegistersADevice_SeesTheKeyOnce_AndRevokesIt()
    {
        var name = "Стойка Толе би " + Guid.NewGuid().ToString("N")[..6];
        var admin = await Host.SignInAsync("admin@demo.kz", "ru", phone: true);
        await admin.GotoAsync("/");
        await admin.ClickAsync("header .menu-button");
        await admin.ClickAsync("#nav-safety-devices");
        await admin.WaitForURLAsync("**/admin/safety/devices");
        await PageChecks.AssertUsableAsync(admin, "safety-devices-ru");

        await admin.SelectOptionAsync("#kind", "street-post");
        await admin.FillAsync("#name", name);
        await admin.FillAsync("#place", "Толе би, 59, у остановки");
        await admin.FillAsync("#lat", "51.5");
        await admin.FillAsync("#lon", "-0.12");
        await admin.CheckAsync("#hasCamera");
        var refused = await admin.RunAndWaitForResponseAsync(() => admin.ClickAsync("#register-button"),
            r => r.Request.Method == "POST" && r.Request.ResourceType == "document");
        Assert.Equal(400, refused.Status);
        Assert.Contains("не относится ни к одному участку", await admin.InnerTextAsync("#lat-error"));
        Assert.Equal(name, await admin.InputValueAsync("#name"));
        await PageChecks.AssertUsableAsync(admin, "safety-devices-refused-ru");

        await admin.FillAsync("#lat", "43.2510");
        await admin.FillAsync("#lon", "76.9210");
        await BrowserHost.SubmitAsync(admin, "#register-button");
        await admin.WaitForSelectorAsync("#new-device-key");
        var key = (await admin.InnerTextAsync("#new-device-key")).Trim();
        Assert.Equal(43, key.Length);
        Assert.Contains("показан один раз", await admin.InnerTextAsync("#device-key"));
        var card = admin.Locator("#devices li", new() { HasText = name });
        Assert.Equal(1, await card.CountAsync());
        Assert.Contains("есть камера", await card.InnerTextAsync());
        await PageChecks.AssertUsableAsync(admin, "safety-devices-key-ru");

        await admin.ReloadAsync();
        Assert.Equal(0, await admin.Locator("#new-device-key").CountAsync());
        Assert.DoesNotContain(key, await admin.ContentAsync());

        await card.Locator("a[data-revoke]").ClickAsync();
        await admin.WaitForSelectorAsync("#device-confirm");
        Assert.Contains(name, await admin.InnerTextAsync("#device-confirm"));
        await PageChecks.AssertUsableAsync(admin, "safety-devices-confirm-ru");
        await BrowserHost.SubmitAsync(admin, "#confirm-action");
        await admin.WaitForSelectorAsync("#device-message");
        Assert.Contains("отозвано", await admin.InnerTextAsync("#device-message"));
        var revoked = admin.Locator("#devices li", new() { HasText = name });
        Assert.Equal(1, await revoked.Locator("[data-revoked]").CountAsync());
        Assert.Equal(0, await revoked.Locator("a[data-revoke]").CountAsync());
        await PageChecks.AssertUsableAsync(admin, "safety-devices-revoked-ru");

        // The revoked key is refused like any unknown one.
        using var device = Host.Client("ru");
        var id = await revoked.GetAttributeAsync("data-device-id");
        device.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"Device {id}:{key}");
        var answer = await device.PostAsync("/api/v1/safety/device-events",
            new StringContent($$"""{"eventId":"after-revoke","occurredAtUtc":"{{DateTime.UtcNow:o}}"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, answer.StatusCode);
        await admin.Context.CloseAsync();
    }
}

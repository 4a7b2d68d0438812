using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Browser.Tests.Appeals;

/// <summary>
/// An administrator on a phone adds an appeal category flagged sensitive, whose appeals then stay
/// out of every public list, and clears the flag again, with the boxes the page shows.
/// </summary>
public sealed class AdminCategoryJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task Administrator_InRussian_AddsASensitiveCategory_ThenClearsTheFlag()
    {
        var code = $"family-{Guid.NewGuid():N}"[..20];
        var admin = await Host.SignInAsync("admin@demo.kz", "ru", phone: true);
        await admin.GotoAsync("/admin/appeals");
        Assert.Contains("Open311", await admin.InnerTextAsync("#sensitive-help"));
        await PageChecks.AssertUsableAsync(admin, "admin-appeals-ru");

        await admin.FillAsync("input[name=code][placeholder]", code);
        await admin.FillAsync("tr:has(#add-category) input[name=nameKk]", "Отбасылық жанжал");
        await admin.FillAsync("tr:has(#add-category) input[name=nameRu]", "Семейный конфликт");
        await admin.FillAsync("tr:has(#add-category) input[name=nameEn]", "Family conflict");
        await admin.CheckAsync("#new-category-sensitive");
        await BrowserHost.SubmitAsync(admin, "#add-category");

        Assert.True(await admin.IsCheckedAsync($"input[name=isSensitive][data-category='{code}']"));
        Assert.True(await IsSensitiveAsync(code));
        await PageChecks.AssertUsableAsync(admin, "admin-appeals-sensitive-ru");

        await admin.UncheckAsync($"input[name=isSensitive][data-category='{code}']");
        await BrowserHost.SubmitAsync(admin, $"button[data-save='{code}']");

        Assert.False(await admin.IsCheckedAsync($"input[name=isSensitive][data-category='{code}']"));
        Assert.False(await IsSensitiveAsync(code));
        await admin.Context.CloseAsync();
    }

    private async Task<bool> IsSensitiveAsync(string code)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UchastokDbContext>().AppealCategories.Where(c => c.Code == code).Select(c => c.IsSensitive).SingleAsync();
    }
}

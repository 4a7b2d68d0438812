using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Rules.Prevention;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Browser.Tests.Prevention;

/// <summary>
/// An administrator on a phone, in Kazakh, adds a category of the preventive register with its legal basis:
/// the page refuses it while the visit interval is missing (the law gives none, so there is no default), keeps
/// what was typed, and saves it once the interval is chosen; the category is then listed.
/// </summary>
public sealed class AdminPreventionCategoryJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task Administrator_InKazakh_AddsACategory_RefusedWithoutAVisitIntervalFirst()
    {
        var code = $"parole-{Guid.NewGuid():N}"[..20];
        const string basis = "«Құқық бұзушылық профилактикасы туралы» 2010 жылғы 29 сәуірдегі № 271-IV ҚР Заңы, 23-бап";
        var admin = await Host.SignInAsync("admin@demo.kz", "kk", phone: true);
        await admin.GotoAsync("/admin/prevention-categories");
        await PageChecks.AssertUsableAsync(admin, "admin-prevention-categories-kk");

        await admin.FillAsync("#code", code);
        await admin.FillAsync("#nameKk", "Шартты түрде мерзімінен бұрын босатылғандар");
        await admin.FillAsync("#nameRu", "Условно-досрочно освобождённые");
        await admin.FillAsync("#nameEn", "Released on parole");
        await admin.FillAsync("#legalBasis", basis);
        await admin.FillAsync("#retentionCount", "5");
        await admin.SelectOptionAsync("#retentionUnit", "Years");
        await admin.CheckAsync("input[name=domesticViolenceOffender]");
        var refused = await admin.RunAndWaitForResponseAsync(() => admin.ClickAsync("#save-category"),
            response => response.Request.Method == "POST" && response.Request.ResourceType == "document");

        Assert.Equal(400, refused.Status);
        Assert.Contains("Бару кезеңділігі: міндетті өріс.", await admin.InnerTextAsync("#visitInterval .field-error"));
        Assert.Equal(basis, await admin.InputValueAsync("#legalBasis"));
        Assert.Equal("Years", await admin.InputValueAsync("#retentionUnit"));
        Assert.True(await admin.IsCheckedAsync("input[name=domesticViolenceOffender]"));
        Assert.Null(await StoredAsync(code));
        await PageChecks.AssertUsableAsync(admin, "admin-prevention-categories-refused-kk");

        await admin.FillAsync("#visitIntervalCount", "1");
        await admin.SelectOptionAsync("#visitIntervalUnit", "Months");
        await BrowserHost.SubmitAsync(admin, "#save-category");

        var listed = admin.Locator($"li[data-category='{code}']");
        Assert.Contains("Шартты түрде мерзімінен бұрын босатылғандар", await listed.InnerTextAsync());
        Assert.Contains("1 ай сайын бару", await listed.InnerTextAsync());
        Assert.Contains(basis, await listed.InnerTextAsync());
        Assert.Equal("Тұрмыстық зорлық-зомбылық жасаған адам", await listed.Locator(".category-marks").InnerTextAsync());
        var stored = await StoredAsync(code);
        Assert.NotNull(stored);
        Assert.Equal((new CalendarPeriod(1, PeriodUnit.Months), new CalendarPeriod(5, PeriodUnit.Years), true), stored.Value);
        await PageChecks.AssertUsableAsync(admin, "admin-prevention-categories-saved-kk");
        await admin.Context.CloseAsync();
    }

    private async Task<(CalendarPeriod Visits, CalendarPeriod Retention, bool DomesticViolenceOffender)?> StoredAsync(string code)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var found = await scope.ServiceProvider.GetRequiredService<UchastokDbContext>().PreventionCategories.AsNoTracking().SingleOrDefaultAsync(c => c.Code == code);
        return found is null ? null : (found.VisitInterval, found.RetentionAfterRemoval, found.DomesticViolenceOffender);
    }
}

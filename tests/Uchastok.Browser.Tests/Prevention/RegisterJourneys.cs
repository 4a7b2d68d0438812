using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Tests.Support;
using static Uchastok.Web.Tests.Prevention.PreventionTestData;

namespace Uchastok.Browser.Tests.Prevention;

/// <summary>
/// The preventive register as its users work it, on a phone. An inspector, in Russian, puts a parolee on the
/// register (refused first for an IIN that does not match the birth date), the plan shows its first visit, he
/// records the visit from his day list, and his supervisor sees it done in the file and who opened it; another
/// beat's inspector who opens the file's address gets "not found".
/// </summary>
public sealed class RegisterJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task Inspector_InRussian_PutsAParoleeOnRecord_RecordsTheVisitFromHisDay_AndTheSupervisorSeesIt()
    {
        var category = await CategoryAsync(Host);
        var name = "Условнов " + Guid.NewGuid().ToString("N")[..6] + " Маратович";
        var birth = new DateOnly(1988, 3, 14);
        var iin = IinFor(birth, Seed());
        // Put on record a week ago (the court's decision came last week): the first visit is due then, so it is on today's list.
        var putOn = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(5)).AddDays(-7);
        using var http = Host.Client("ru");
        var address = JsonDocument.Parse(await http.GetStringAsync("/api/v1/addresses/nearest?lat=43.2510&lon=76.9210")).RootElement.GetProperty("line").GetString()!;

        var inspector = await Host.SignInAsync("inspector1@demo.kz", "ru", phone: true);
        await inspector.GotoAsync("/prevention");
        await PageChecks.AssertUsableAsync(inspector, "prevention-register-ru");
        await inspector.ClickAsync("#put-on-record");
        await inspector.WaitForURLAsync("**/prevention/new");
        await PageChecks.AssertUsableAsync(inspector, "prevention-new-ru");
        await inspector.FillAsync("#fullName", name);
        await inspector.FillAsync("#birthDate", "1988-03-14");
        await inspector.FillAsync("#iin", IinFor(new DateOnly(1989, 3, 14), Seed()));
        await inspector.SelectOptionAsync("#category", category);
        await inspector.FillAsync("#basis", "Условно-досрочное освобождение, постановление суда");
        await inspector.FillAsync("#putOnRecord", putOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await inspector.FillAsync("#addressText", address);
        var refused = await inspector.RunAndWaitForResponseAsync(() => inspector.ClickAsync("#save-entry"),
            r => r.Request.Method == "POST" && r.Request.ResourceType == "document");
        Assert.Equal(400, refused.Status);
        Assert.StartsWith("ИИН:", await inspector.InnerTextAsync("[data-for=iin]"));
        Assert.Equal(name, await inspector.InputValueAsync("#fullName"));
        await PageChecks.AssertUsableAsync(inspector, "prevention-new-refused-ru");

        await inspector.FillAsync("#iin", iin);
        await BrowserHost.SubmitAsync(inspector, "#save-entry");
        await inspector.WaitForURLAsync("**/prevention/entries/*");
        var id = long.Parse(inspector.Url.Split('/').Last(), CultureInfo.InvariantCulture);
        Assert.Contains(name, await inspector.InnerTextAsync("#saved"));
        Assert.Equal(iin[..6] + "*****" + iin[11], await inspector.InnerTextAsync("#masked-iin"));
        var visit = inspector.Locator("#plan li[data-action]");
        Assert.Equal(1, await visit.CountAsync());
        Assert.Contains("Посещение", await visit.InnerTextAsync());
        await PageChecks.AssertUsableAsync(inspector, "prevention-file-ru");

        await inspector.ClickAsync("main a[href='/prevention']");
        await inspector.ClickAsync("#my-day");
        await inspector.WaitForURLAsync("**/prevention/day");
        var stop = inspector.Locator("#day-stops li", new() { HasText = name });
        Assert.Equal(1, await stop.CountAsync());
        await PageChecks.AssertUsableAsync(inspector, "prevention-day-ru");
        await stop.Locator("summary").ClickAsync();
        await stop.Locator("textarea[name=note]").FillAsync("Беседа о трудоустройстве, направлен в центр занятости.");
        var actionId = await stop.GetAttributeAsync("data-action");
        await BrowserHost.SubmitAsync(inspector, $"#day-stops li[data-action='{actionId}'] button.record-done");
        Assert.Equal("Мероприятие отмечено выполненным.", await inspector.InnerTextAsync("#saved"));
        Assert.Equal(0, await inspector.Locator($"#day-stops li[data-action='{actionId}']").CountAsync());
        await PageChecks.AssertUsableAsync(inspector, "prevention-day-done-ru");
        await inspector.Context.CloseAsync();

        var supervisor = await Host.SignInAsync("supervisor.almaly@demo.kz", "ru", phone: true);
        await supervisor.GotoAsync($"/prevention/entries/{id}");
        var done = supervisor.Locator($"#plan li[data-action='{actionId}']");
        Assert.Equal("Done", await done.GetAttributeAsync("data-status"));
        Assert.Contains("центр занятости", await done.InnerTextAsync());
        Assert.Equal(2, await supervisor.Locator("#plan li[data-action]").CountAsync());
        Assert.True(await supervisor.Locator("#access-history li").CountAsync() >= 2);
        await PageChecks.AssertUsableAsync(supervisor, "prevention-file-supervisor-ru");
        await supervisor.Context.CloseAsync();

        var other = await Host.SignInAsync("inspector2@demo.kz", "ru", phone: true);
        var response = await other.GotoAsync($"/prevention/entries/{id}");
        Assert.Equal(404, response!.Status);
        Assert.DoesNotContain(name, await other.ContentAsync());
        await other.Context.CloseAsync();

        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        Assert.Equal(2, await db.PreventionActions.CountAsync(a => a.EntryId == id));
    }
}

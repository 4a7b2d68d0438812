using System.Net;
using Uchastok.Web.Tests.Support;
using static Uchastok.Web.Tests.Protocols.ProtocolTestData;

namespace Uchastok.Browser.Tests.Accounts;

/// <summary>
/// The administrator in Russian, on a phone, makes an inspector's account with his IIN on the staff page: a wrong IIN is refused
/// by its field in Russian and makes no account, the right one makes it; at once, a search protocol naming that IIN for a witness
/// is refused, since a police officer cannot attest (the check finds the account by its IIN's keyed hash).
/// </summary>
public sealed class StaffIinJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task Administrator_InRussian_MakesAnInspectorWithHisIin_RefusedWrongFirst_AndAWitnessWithThatIinIsThenRefused()
    {
        using var inspector = await Host.SignedInAsync("inspector1@demo.kz");
        var district = (await (await inspector.GetAsync("/api/v1/auth/me")).JsonAsync()).GetProperty("districtId").GetInt32();
        var iin = TestIins.New();
        var email = $"officer-{Guid.NewGuid():N}@test.kz";

        var admin = await Host.SignInAsync("admin@demo.kz", "ru", phone: true);
        await admin.GotoAsync("/admin/staff");
        await admin.FillAsync("#name", "Тестов Ержан");
        await admin.FillAsync("#email", email);
        await admin.FillAsync("#iin", "12345");
        await admin.SelectOptionAsync("#role", "Inspector");
        await admin.SelectOptionAsync("#district", district.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await admin.FillAsync("#password", "Uchastok-Test1!");
        await BrowserHost.SubmitAsync(admin, "form.narrow button[type=submit]");

        Assert.Contains("ИИН состоит ровно из 12 цифр.", await admin.InnerTextAsync("form.narrow"));
        Assert.Equal(0, await admin.Locator("#staff-created").CountAsync());
        await PageChecks.AssertUsableAsync(admin, "staff-iin-refused-ru");

        await admin.FillAsync("#iin", iin);
        await admin.FillAsync("#password", "Uchastok-Test1!");
        await BrowserHost.SubmitAsync(admin, "form.narrow button[type=submit]");
        Assert.Contains("Тестов Ержан", await admin.InnerTextAsync("#staff-created"));
        await PageChecks.AssertUsableAsync(admin, "staff-iin-created-ru");

        var document = await WithDrafterAsync(inspector, SearchDocument());
        document["witnesses"]![1]!["iin"] = iin;
        var draft = await DraftAsync(inspector, document);
        var refused = await SignAsync(inspector, draft.GetProperty("id").GetInt64(), Hash(PersonalSearch, document));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("witnesses[1]", out _));
        await admin.Context.CloseAsync();
    }
}

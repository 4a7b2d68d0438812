using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Pages.Protocols;
using Uchastok.Web.Protocols;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Tests.Support;
using static Uchastok.Web.Tests.Protocols.ProtocolTestData;

namespace Uchastok.Web.Tests.Protocols;

/// <summary>
/// The protocol pages over HTTP (both databases): the full read in the reader's language with the signatures as
/// images, the hash and the printed copies, logged like the API's; the list by officer with its "more" link and no
/// person named; the supervisor's figures with the zero flagged when broken; the administrator's offence articles.
/// </summary>
public sealed partial class ProtocolPageTests(ClockedAppFactory factory) : IClassFixture<ClockedAppFactory>
{
    private const string Inspector = "inspector1@demo.kz";
    private const string Supervisor = "supervisor.almaly@demo.kz";

    [Fact]
    public async Task Detail_InKazakh_ShowsEveryElementLabelled_TheSignaturesAsImages_TheHash_TheAddendum_AndLogsTheRead()
    {
        using var inspector = await factory.SignedInAsync(Inspector);
        var signed = await SignedSearchAsync(inspector);
        var id = signed.GetProperty("id").GetInt64();
        var addendum = await inspector.PostAsJsonAsync($"/api/v1/protocols/{id}/addenda", new { clientId = Guid.NewGuid(), text = "Уточнение: номер ТЦ — 59А", signature = Png });
        var addendumHash = (await addendum.JsonAsync()).GetProperty("sha256").GetString()!;
        using var supervisor = await factory.SignedInWithCookieAsync(Supervisor, language: "kk");

        var response = await supervisor.GetAsync($"/protocols/{id}");

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Жеке тексеру және жеке адамның жанындағы заттарды тексеру хаттамасы", html, StringComparison.Ordinal);
        Assert.Contains("Жасалған орны", html, StringComparison.Ordinal); // "place" labelled in Kazakh
        Assert.Contains("Куәгерлер", html, StringComparison.Ordinal);
        Assert.Contains("Иванова Мария", html, StringComparison.Ordinal);
        Assert.Contains("Атыс қаруы", html, StringComparison.Ordinal); // the item's kind in Kazakh
        Assert.Contains("Отказался без объяснения причин", html, StringComparison.Ordinal);
        Assert.Equal(3, DataImage().Count(html));
        Assert.Contains(signed.GetProperty("sha256").GetString()!, html, StringComparison.Ordinal);
        Assert.Contains(addendumHash, html, StringComparison.Ordinal);
        Assert.Contains($"/api/v1/protocols/{id}/pdf?language=kk", html, StringComparison.Ordinal);
        Assert.Contains($"/api/v1/protocols/{id}/pdf?language=ru", html, StringComparison.Ordinal);
        var record = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var purposes = await WithDbAsync(factory, db => db.PersonalDataAccesses.Where(a => a.RecordKind == ProtocolRegister.RecordKind && a.RecordId == record).Select(a => a.Purpose).ToListAsync());
        Assert.Contains(DetailModel.ReadPurpose, purposes);
    }

    [Fact]
    public async Task Detail_OfAnotherInspectorsProtocol_IsNotFound_AndNotLogged()
    {
        using var inspector = await factory.SignedInAsync(Inspector);
        var id = (await DraftAsync(inspector, SearchDocument())).GetProperty("id").GetInt64();
        using var other = await factory.SignedInWithCookieAsync("inspector2@demo.kz");

        var response = await other.GetAsync($"/protocols/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var record = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(0, await WithDbAsync(factory, db => db.PersonalDataAccesses.CountAsync(a => a.RecordKind == ProtocolRegister.RecordKind && a.RecordId == record)));
    }

    [Fact]
    public async Task List_ForTheSupervisor_FiltersByOfficer_PagesWithMore_AndNamesNoPerson()
    {
        var district = await AlmalyAsync();
        var email = await factory.CreateStaffAsync("WomenProtectionOfficer", district);
        using var officer = await factory.SignedInAsync(email);
        // One batch of 51 drafts: one more than a page.
        var items = Enumerable.Range(0, ProtocolRegister.DefaultPage + 1)
            .Select(_ => new { kind = "draft", clientId = Guid.NewGuid(), type = PersonalSearch, document = SearchDocument() }).ToArray();
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync("/api/v1/protocols/sync", new { items })).StatusCode);
        var userId = await WithDbAsync(factory, db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var mine = await WithDbAsync(factory, db => db.Protocols.Where(p => p.DrafterUserId == userId).Select(p => p.Id).ToListAsync());
        using var inspector = await factory.SignedInAsync(Inspector);
        var someoneElses = (await DraftAsync(inspector, SearchDocument())).GetProperty("id").GetInt64();
        using var supervisor = await factory.SignedInWithCookieAsync(Supervisor, language: "ru");

        var first = WebUtility.HtmlDecode(await supervisor.GetStringAsync($"/protocols?officer={userId}"));
        var more = MoreLink().Match(first);
        Assert.True(more.Success, "no link to the next page");
        var second = WebUtility.HtmlDecode(await supervisor.GetStringAsync(more.Groups[1].Value));

        var shown = ProtocolIds().Matches(first).Concat(ProtocolIds().Matches(second)).Select(m => long.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(mine.OrderDescending(), shown);
        Assert.DoesNotContain(someoneElses, shown);
        Assert.DoesNotMatch(MoreLink(), second);
        // The officer is named on the cards themselves (the filter above them names him too).
        Assert.Contains("Test WomenProtectionOfficer", first[ProtocolIds().Match(first).Index..], StringComparison.Ordinal);
        Assert.DoesNotContain("Ахметов", first + second, StringComparison.Ordinal); // the person searched is not
        Assert.DoesNotContain("Иванова", first + second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_ShowTheRefusalByName_AndFlagTheZeroWhenASignedSearchLacksTheWitnessesSignatures()
    {
        using var inspector = await factory.SignedInAsync(Inspector);
        var document = await WithDrafterAsync(inspector, SearchDocument(witnesses: 1));
        var refused = await SignAsync(inspector, (await DraftAsync(inspector, document)).GetProperty("id").GetInt64(), Hash(PersonalSearch, document));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        using var supervisor = await factory.SignedInWithCookieAsync(Supervisor, language: "ru");

        var almaly = WebUtility.HtmlDecode(await supervisor.GetStringAsync("/protocols/stats"));

        Assert.Contains("data-code=\"witnesses.count\"", almaly, StringComparison.Ordinal);
        Assert.Contains("Двое понятых", almaly, StringComparison.Ordinal); // the missing element by its name
        Assert.Contains("id=\"zero-ok\"", almaly, StringComparison.Ordinal);

        // A row no path of the application can write (the signer rules refuse it): one witness listed and no witness signature, what the figure is there to catch.
        var almalyId = await AlmalyAsync();
        var other = await WithDbAsync(factory, db => db.Districts.Where(d => d.Id != almalyId).OrderByDescending(d => d.Id).Select(d => d.Id).FirstAsync());
        var drafter = await WithDbAsync(factory, db => db.Users.Where(u => u.Email == Inspector).Select(u => u.Id).SingleAsync());
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
            db.Protocols.Add(new Protocol
            {
                ClientId = Guid.NewGuid(), TypeCode = PersonalSearch, State = ProtocolState.Signed, DrafterUserId = drafter, DistrictId = other,
                ProtectedDocument = "-", Version = 2, CreatedAtUtc = DateTime.UtcNow, UpdatedAtUtc = DateTime.UtcNow, SignedAtUtc = DateTime.UtcNow,
                ContentSha256 = new string('a', 64), WitnessCount = 1, ItemCount = 0, NothingFound = true,
            });
            await db.SaveChangesAsync();
        }
        using var admin = await factory.SignedInWithCookieAsync("admin@demo.kz");
        var flagged = WebUtility.HtmlDecode(await admin.GetStringAsync($"/protocols/stats?district={other}"));

        Assert.Contains("id=\"zero-flag\"", flagged, StringComparison.Ordinal);
        Assert.Contains("data-value=\"1\"", flagged, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Offences_AnEmptyArticle_IsRefusedInRussian_AndNothingSaved_ThenAGoodOneIsSaved()
    {
        using var admin = await factory.SignedInWithCookieAsync("admin@demo.kz", language: "ru");
        var page = await admin.GetStringAsync("/admin/protocols/offences");

        var bad = await admin.PostAsync("/admin/protocols/offences", Form(page, "administrative-supervision", "  ", "Приказ"));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Нужна статья (не более 200 символов)", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.False(await WithDbAsync(factory, db => db.ProtocolOffenceArticles.AnyAsync(a => a.OffenceCode == "administrative-supervision")));

        var good = await admin.PostAsync("/admin/protocols/offences", Form(page, "administrative-supervision", "ст. 474 КоАП РК", "КоАП РК, ст. 474"));

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Contains("ст. 474 КоАП РК", WebUtility.HtmlDecode(await good.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("ст. 474 КоАП РК", await WithDbAsync(factory, db => db.ProtocolOffenceArticles.Where(a => a.OffenceCode == "administrative-supervision").Select(a => a.Article).SingleAsync()));
    }

    [Fact]
    public async Task Offences_AnOffenceNotInTheRuleSet_IsNotFound()
    {
        using var admin = await factory.SignedInWithCookieAsync("admin@demo.kz");
        var page = await admin.GetStringAsync("/admin/protocols/offences");

        var response = await admin.PostAsync("/admin/protocols/offences", Form(page, "no-such-offence", "ст. 1", "Источник"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static FormUrlEncodedContent Form(string page, string code, string article, string source) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = CookieSession.AntiforgeryToken(page), ["code"] = code, ["article"] = article, ["source"] = source,
    });

    private Task<int> AlmalyAsync() => WithDbAsync(factory, db => db.Users.Where(u => u.Email == Inspector).Select(u => u.DistrictId!.Value).SingleAsync());

    [GeneratedRegex("src=\"data:image/png;base64,[A-Za-z0-9+/=]+\"")]
    private static partial Regex DataImage();

    [GeneratedRegex("id=\"next-page\" href=\"([^\"]+)\"")]
    private static partial Regex MoreLink();

    [GeneratedRegex("data-protocol=\"(\\d+)\"")]
    private static partial Regex ProtocolIds();
}

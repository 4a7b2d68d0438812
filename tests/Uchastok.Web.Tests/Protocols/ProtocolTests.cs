using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using Uchastok.Web.Protocols;
using Uchastok.Web.Tests.Support;
using static Uchastok.Web.Tests.Protocols.ProtocolTestData;

namespace Uchastok.Web.Tests.Protocols;

/// <summary>
/// Protocols over the API: the rules evaluated on the server with its own facts (a missing witness named in
/// Russian and Kazakh, a police officer as witness, an offence without its article), the hash the tablet
/// computed checked, a signed protocol immutable, addenda chained, drafts and sync idempotent by clientId,
/// conflicts shown, one bad item in a batch leaving the others, the printed copy and the supervisor's zero.
/// </summary>
public sealed class ProtocolTests(ClockedAppFactory factory) : IClassFixture<ClockedAppFactory>
{
    private const string Inspector = "inspector1@demo.kz";

    [Theory]
    [InlineData("ru", "Двое понятых")]
    [InlineData("kk", "Екі куәгер")]
    public async Task Sign_WithOneWitness_IsRefusedWithTheMissingWitnessNamed_AndTheRefusalRecorded(string language, string text)
    {
        var email = await factory.CreateStaffAsync("JuvenileInspector", await AlmalyAsync());
        using var client = await factory.SignedInAsync(email, language: language);
        var document = await WithDrafterAsync(client, SearchDocument(witnesses: 1));
        var draft = await DraftAsync(client, document);

        var response = await SignAsync(client, draft.GetProperty("id").GetInt64(), Hash(PersonalSearch, document));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Contains(text, errors.GetProperty("witnesses.count")[0].GetString());
        var userId = await WithDbAsync(factory, db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        var codes = await WithDbAsync(factory, db => db.ProtocolSigningRefusals.Where(r => r.UserId == userId).Select(r => r.Code).ToListAsync());
        Assert.Equal(["witnesses.count"], codes);
        var stored = await (await client.GetAsync($"/api/v1/protocols/{draft.GetProperty("id").GetInt64()}")).JsonAsync();
        Assert.Equal("Draft", stored.GetProperty("protocol").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Sign_WithEveryElementMissing_NamesEachOne()
    {
        using var client = await factory.SignedInAsync(Inspector);
        var draft = await DraftAsync(client, new JsonObject { ["place"] = " " });

        var response = await SignAsync(client, draft.GetProperty("id").GetInt64(), new string('0', 64));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = (await response.JsonAsync()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "drawnUpAt", "place", "person.fullName", "person.identity", "owner.present", "witnesses.count", "items", "copy.handed" }, fields);
        // The drafter's position and name come from his record, so they are never missing.
        Assert.DoesNotContain("drafter.position", fields);
    }

    [Fact]
    public async Task Sign_WithAPoliceOfficerAsWitness_IsRefused()
    {
        var phone = await WithDbAsync(factory, db => db.Users.Where(u => u.Email == "inspector2@demo.kz")
            .Join(db.Officers, u => u.OfficerId, o => o.Id, (_, o) => o.Phone).SingleAsync());
        using var client = await factory.SignedInAsync(Inspector);
        var document = await WithDrafterAsync(client, SearchDocument());
        document["witnesses"]![1]!["contact"] = phone;
        var draft = await DraftAsync(client, document);

        var response = await SignAsync(client, draft.GetProperty("id").GetInt64(), Hash(PersonalSearch, document));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("A police officer cannot be an attesting witness", (await response.JsonAsync()).GetProperty("errors").GetProperty("witnesses[1]")[0].GetString());
    }

    [Fact]
    public async Task Sign_ASearchOfAPersonWithDiplomaticImmunity_IsRefusedOutright()
    {
        using var client = await factory.SignedInAsync(Inspector, language: "ru");
        var document = await WithDrafterAsync(client, SearchDocument());
        document["person"]!["immunity"] = "diplomatic";
        var draft = await DraftAsync(client, document);

        var response = await SignAsync(client, draft.GetProperty("id").GetInt64(), Hash(PersonalSearch, document));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal(["immunity.diplomatic"], errors.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task List_PagesByKeyset_AndNamesNoPerson()
    {
        var email = await factory.CreateStaffAsync("WomenProtectionOfficer", await AlmalyAsync());
        using var client = await factory.SignedInAsync(email);
        var ids = new List<long>();
        for (var i = 0; i < 3; i++) ids.Add((await DraftAsync(client, SearchDocument())).GetProperty("id").GetInt64());

        var first = await client.GetAsync("/api/v1/protocols?take=2");
        var firstPage = await first.JsonAsync();
        var second = await (await client.GetAsync($"/api/v1/protocols?take=2&after={firstPage.GetProperty("next").GetInt64()}")).JsonAsync();

        Assert.Equal([ids[2], ids[1]], firstPage.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()));
        Assert.Equal([ids[0]], second.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
        var text = await first.Content.ReadAsStringAsync();
        Assert.DoesNotContain("Ахметов", text);
        Assert.DoesNotContain("Иванова", text);
    }

    [Fact]
    public async Task Sign_AnAdminOffenceWhoseArticleIsNotConfigured_IsRefused_AndSignsOnceItIs()
    {
        using var client = await factory.SignedInAsync(Inspector);
        var document = await WithDrafterAsync(client, new JsonObject
        {
            ["drawnUpAt"] = "2026-12-06T23:10:00+05:00", ["place"] = "Алматы, ул. Жибек жолы, 50",
            ["person"] = new JsonObject { ["fullName"] = "Сапаров Ерлан", ["identityEstablishedBy"] = "со слов, подтверждено по базе" },
            ["offence"] = new JsonObject { ["code"] = "smoking-ban", ["circumstances"] = "Курил на детской площадке" }, ["rightsExplained"] = true,
        });
        var draft = await DraftAsync(client, document, "admin-offence");
        var id = draft.GetProperty("id").GetInt64();

        // The offence protocol is signed by the drafter alone (its rule set names no other signer, and so no refusal).
        Task<HttpResponseMessage> Sign() => SignByDrafterAsync(client, id, "admin-offence", document);

        var refused = await Sign();
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("The administrator has not yet set the article for this offence", (await refused.JsonAsync()).GetProperty("errors").GetProperty("offence.unconfigured")[0].GetString());

        using (var admin = await factory.SignedInAsync("admin@demo.kz"))
        {
            var set = await admin.PutAsJsonAsync("/api/v1/protocols/offences/smoking-ban", new { article = "КоАП РК ст. 442", source = "Кодекс РК об административных правонарушениях" });
            Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        }
        var rules = await (await client.GetAsync("/api/v1/protocols/rules")).JsonAsync();
        var offence = rules.GetProperty("ruleSet").GetProperty("lists").GetProperty("offences").GetProperty("values").EnumerateArray().Single(v => v.GetProperty("code").GetString() == "smoking-ban");
        Assert.Equal("КоАП РК ст. 442", offence.GetProperty("article").GetString());
        Assert.Equal(HttpStatusCode.OK, (await Sign()).StatusCode);
    }

    [Fact]
    public async Task Sign_WithAWrongHash_IsRefused_AndLeavesTheDraft()
    {
        using var client = await factory.SignedInAsync(Inspector, language: "ru");
        var document = await WithDrafterAsync(client, SearchDocument());
        var draft = await DraftAsync(client, document);
        var id = draft.GetProperty("id").GetInt64();
        var wrong = document.DeepClone().AsObject();
        wrong["place"] = "Другое место";

        var response = await SignAsync(client, id, Hash(PersonalSearch, wrong));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(Hash(PersonalSearch, document), (await response.JsonAsync()).GetProperty("errors").GetProperty("sha256")[0].GetString());
        var stored = await (await client.GetAsync($"/api/v1/protocols/{id}")).JsonAsync();
        Assert.Equal("Draft", stored.GetProperty("protocol").GetProperty("state").GetString());
    }

    [Fact]
    public async Task SignThenEdit_Is409_ARetriedSigningGetsItsAnswer_AndTheSignedContentKeepsItsHash()
    {
        using var client = await factory.SignedInAsync(Inspector);
        var document = await WithDrafterAsync(client, SearchDocument());
        var signed = await SignedSearchAsync(client);
        var id = signed.GetProperty("id").GetInt64();

        var edit = await client.PutAsJsonAsync($"/api/v1/protocols/{id}", new { version = signed.GetProperty("version").GetInt32(), document });
        var retried = await SignAsync(client, id, signed.GetProperty("sha256").GetString()!);
        var resigned = await SignAsync(client, id, new string('a', 64));

        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(signed.GetProperty("version").GetInt32(), (await retried.JsonAsync()).GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, resigned.StatusCode);
        Assert.Equal(Hash(PersonalSearch, document), signed.GetProperty("sha256").GetString());
        var stored = await (await client.GetAsync($"/api/v1/protocols/{id}")).JsonAsync();
        Assert.Equal(2, stored.GetProperty("protocol").GetProperty("witnessCount").GetInt32());
        Assert.Equal(1, stored.GetProperty("protocol").GetProperty("seizedFirearmCount").GetInt32());
        Assert.Equal(["drafter", "person", "witness1", "witness2"], stored.GetProperty("signatures").EnumerateArray().Select(s => s.GetProperty("role").GetString()));
    }

    [Fact]
    public async Task Draft_TheDrafterIsNamedFromHisRecord_NotFromTheForm()
    {
        using var client = await factory.SignedInAsync(Inspector);
        var document = SearchDocument();
        document["drafter"] = new JsonObject { ["position"] = "Генерал", ["surnameInitials"] = "Кто-то А. А.", ["accountId"] = "someone-else" };
        var draft = await DraftAsync(client, document);

        var stored = await (await client.GetAsync($"/api/v1/protocols/{draft.GetProperty("id").GetInt64()}")).JsonAsync();

        var drafter = stored.GetProperty("document").GetProperty("drafter");
        var expected = await DrafterAsync(client);
        Assert.Equal(expected["position"]!.GetValue<string>(), drafter.GetProperty("position").GetString());
        Assert.Equal(expected["surnameInitials"]!.GetValue<string>(), drafter.GetProperty("surnameInitials").GetString());
        Assert.False(drafter.TryGetProperty("accountId", out _));
    }

    [Fact]
    public async Task Draft_RetriedWithTheSameClientId_MakesOneProtocol()
    {
        using var client = await factory.SignedInAsync(Inspector);
        var clientId = Guid.NewGuid();
        var first = await client.PostAsJsonAsync("/api/v1/protocols", new { clientId, type = PersonalSearch, document = SearchDocument() });
        var second = await client.PostAsJsonAsync("/api/v1/protocols", new { clientId, type = PersonalSearch, document = SearchDocument(witnesses: 1) });
        var synced = await client.PostAsJsonAsync("/api/v1/protocols/sync", new { items = new[] { new { kind = "draft", clientId, type = PersonalSearch, document = SearchDocument() } } });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var id = (await first.JsonAsync()).GetProperty("id").GetInt64();
        Assert.Equal(id, (await second.JsonAsync()).GetProperty("id").GetInt64());
        var item = (await synced.JsonAsync()).GetProperty("items")[0];
        Assert.Equal("exists", item.GetProperty("outcome").GetString());
        Assert.Equal(id, item.GetProperty("id").GetInt64());
        Assert.Equal(1, await WithDbAsync(factory, db => db.Protocols.CountAsync(p => p.ClientId == clientId)));
    }

    [Fact]
    public async Task Sync_AnEditFromAnOlderVersion_IsAConflictShowingTheServersVersion_NeverMerged()
    {
        using var client = await factory.SignedInAsync(Inspector);
        var clientId = Guid.NewGuid();
        var draft = await DraftAsync(client, SearchDocument(), clientId: clientId);
        var id = draft.GetProperty("id").GetInt64();
        var online = SearchDocument();
        online["place"] = "Изменено онлайн";
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/v1/protocols/{id}", new { version = 1, document = online })).StatusCode);
        var offline = SearchDocument();
        offline["place"] = "Изменено на планшете";

        var response = await client.PostAsJsonAsync("/api/v1/protocols/sync", new { items = new[] { new { kind = "draft", clientId, type = PersonalSearch, document = offline, baseVersion = 1 } } });

        var item = (await response.JsonAsync()).GetProperty("items")[0];
        Assert.Equal("conflict", item.GetProperty("outcome").GetString());
        Assert.Equal(2, item.GetProperty("server").GetProperty("protocol").GetProperty("version").GetInt32());
        Assert.Equal("Изменено онлайн", item.GetProperty("server").GetProperty("document").GetProperty("place").GetString());
        var stored = await (await client.GetAsync($"/api/v1/protocols/{id}")).JsonAsync();
        Assert.Equal("Изменено онлайн", stored.GetProperty("document").GetProperty("place").GetString());

        var withoutBase = await client.PostAsJsonAsync("/api/v1/protocols/sync", new { items = new[] { new { kind = "draft", clientId, type = PersonalSearch, document = offline } } });
        Assert.Equal("conflict", (await withoutBase.JsonAsync()).GetProperty("items")[0].GetProperty("outcome").GetString());

        var fromCurrent = await client.PostAsJsonAsync("/api/v1/protocols/sync", new { items = new[] { new { kind = "draft", clientId, type = PersonalSearch, document = offline, baseVersion = 2 } } });
        var updated = (await fromCurrent.JsonAsync()).GetProperty("items")[0];
        Assert.Equal("updated", updated.GetProperty("outcome").GetString());
        Assert.Equal(3, updated.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Sync_ABatchWithOneBadItem_AnswersEachOnItsOwn_AndARetryDuplicatesNothing()
    {
        using var client = await factory.SignedInAsync(Inspector, language: "ru");
        var complete = await WithDrafterAsync(client, SearchDocument());
        var incomplete = await WithDrafterAsync(client, SearchDocument(witnesses: 1));
        var (draftId, badId, signedId, refusedId, addendumId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        object[] items =
        [
            new { kind = "draft", clientId = draftId, type = PersonalSearch, document = SearchDocument() },
            new { kind = "draft", clientId = badId, type = "no-such-type", document = SearchDocument() },
            new { kind = "signed", clientId = signedId, type = PersonalSearch, document = complete, signatures = Signatures(), sha256 = Hash(PersonalSearch, complete) },
            new { kind = "signed", clientId = refusedId, type = PersonalSearch, document = incomplete, signatures = Signatures(), sha256 = Hash(PersonalSearch, incomplete) },
            new { kind = "addendum", clientId = addendumId, protocolClientId = signedId, text = "Уточнение: серия оружия «ТТ»", signature = Png },
        ];

        var first = (await (await client.PostAsJsonAsync("/api/v1/protocols/sync", new { items })).JsonAsync()).GetProperty("items");
        var retry = (await (await client.PostAsJsonAsync("/api/v1/protocols/sync", new { items })).JsonAsync()).GetProperty("items");

        Assert.Equal(["created", "invalid", "signed", "refused", "created"], first.EnumerateArray().Select(i => i.GetProperty("outcome").GetString()));
        Assert.Equal(["exists", "invalid", "exists", "refused", "exists"], retry.EnumerateArray().Select(i => i.GetProperty("outcome").GetString()));
        Assert.Contains("Двое понятых", first[3].GetProperty("errors").GetProperty("witnesses.count")[0].GetString());
        Assert.Equal(Hash(PersonalSearch, complete), first[2].GetProperty("sha256").GetString());
        Assert.Equal(first[2].GetProperty("id").GetInt64(), retry[2].GetProperty("id").GetInt64());
        Assert.Equal(first[4].GetProperty("sha256").GetString(), retry[4].GetProperty("sha256").GetString());
        var ids = new[] { draftId, badId, signedId, refusedId };
        var counts = await WithDbAsync(factory, db => db.Protocols.Where(p => ids.Contains(p.ClientId)).GroupBy(p => p.ClientId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.Equal(new[] { (draftId, 1), (signedId, 1) }.ToHashSet(), counts.Select(c => (c.Key, c.Count)).ToHashSet());
        Assert.Equal(1, await WithDbAsync(factory, db => db.ProtocolAddenda.CountAsync(a => a.ClientId == addendumId)));
    }

    [Fact]
    public async Task Sync_ADraftAndItsSigningInOneBatch_MakeOneSignedProtocol()
    {
        using var client = await factory.SignedInAsync(Inspector);
        var document = await WithDrafterAsync(client, SearchDocument());
        var clientId = Guid.NewGuid();
        object[] items =
        [
            new { kind = "draft", clientId, type = PersonalSearch, document = SearchDocument(witnesses: 1) },
            new { kind = "signed", clientId, type = PersonalSearch, document, baseVersion = 1, signatures = Signatures(), sha256 = Hash(PersonalSearch, document) },
        ];

        var answers = (await (await client.PostAsJsonAsync("/api/v1/protocols/sync", new { items })).JsonAsync()).GetProperty("items");

        Assert.Equal(["created", "signed"], answers.EnumerateArray().Select(i => i.GetProperty("outcome").GetString()));
        Assert.Equal(answers[0].GetProperty("id").GetInt64(), answers[1].GetProperty("id").GetInt64());
        Assert.Equal(Hash(PersonalSearch, document), answers[1].GetProperty("sha256").GetString());
        Assert.Equal(1, await WithDbAsync(factory, db => db.Protocols.CountAsync(p => p.ClientId == clientId && p.State == ProtocolState.Signed)));
    }

    [Fact]
    public async Task Addenda_AreChainedToTheProtocolsHash_AndToEachOther()
    {
        using var client = await factory.SignedInAsync(Inspector);
        var signed = await SignedSearchAsync(client);
        var id = signed.GetProperty("id").GetInt64();

        var first = await (await client.PostAsJsonAsync($"/api/v1/protocols/{id}/addenda", new { clientId = Guid.NewGuid(), text = "Первое уточнение", signature = Png })).JsonAsync();
        var second = await (await client.PostAsJsonAsync($"/api/v1/protocols/{id}/addenda", new { clientId = Guid.NewGuid(), text = "Второе уточнение", signature = Png })).JsonAsync();

        Assert.Equal(signed.GetProperty("sha256").GetString(), first.GetProperty("previousSha256").GetString());
        Assert.Equal(first.GetProperty("sha256").GetString(), second.GetProperty("previousSha256").GetString());
        Assert.Equal(ProtocolContent.AddendumHash(first.GetProperty("sha256").GetString()!, "Второе уточнение", PngSha256), second.GetProperty("sha256").GetString());
    }

    [Theory]
    [InlineData("ru")]
    [InlineData("kk")]
    public async Task Pdf_HoldsTheTwoWitnessesTheItemAndTheHash(string language)
    {
        using var client = await factory.SignedInAsync(Inspector);
        var signed = await SignedSearchAsync(client);
        var id = signed.GetProperty("id").GetInt64();

        var response = await client.GetAsync($"/api/v1/protocols/{id}/pdf?language={language}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        foreach (var expected in new[] { "Иванова", "Мария", "Жұмабаев", "Нұрлан", "Пистолет", "МР-79-9ТМ", "0912345", signed.GetProperty("sha256").GetString()! })
            Assert.Contains(expected, text);
        Assert.Equal(3, pdf.GetPages().Sum(p => p.GetImages().Count()));
    }

    [Fact]
    public async Task Read_IsLoggedWithItsPurpose()
    {
        using var client = await factory.SignedInAsync(Inspector);
        var draft = await DraftAsync(client, SearchDocument());
        var id = draft.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/protocols/{id}?purpose=court%20request")).StatusCode);

        var purposes = await WithDbAsync(factory, db => db.PersonalDataAccesses.Where(a => a.RecordKind == ProtocolRegister.RecordKind && a.RecordId == id).Select(a => a.Purpose).ToListAsync());
        Assert.Equal(["court request"], purposes);
    }

    [Fact]
    public async Task Stats_CountFromTheStoredRows_AndSignedSearchesWithoutTwoWitnessesStayZero()
    {
        var district = await AlmalyAsync();
        var email = await factory.CreateStaffAsync("JuvenileInspector", district);
        using var client = await factory.SignedInAsync(email);
        await SignedSearchAsync(client);
        var document = await WithDrafterAsync(client, SearchDocument(witnesses: 1));
        var refused = await SignAsync(client, (await DraftAsync(client, document)).GetProperty("id").GetInt64(), Hash(PersonalSearch, document));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var userId = await WithDbAsync(factory, db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");
        var stats = await (await supervisor.GetAsync($"/api/v1/protocols/stats?districtId={district}")).JsonAsync();

        Assert.Equal(0, stats.GetProperty("signedSearchesWithoutTwoWitnessSignatures").GetInt32());
        var mine = stats.GetProperty("perOfficer").EnumerateArray().Single(r => r.GetProperty("userId").GetString() == userId);
        Assert.Equal((1, 1), (mine.GetProperty("drafts").GetInt32(), mine.GetProperty("signed").GetInt32()));
        Assert.Contains(stats.GetProperty("refusals").EnumerateArray(), r => r.GetProperty("code").GetString() == "witnesses.count" && r.GetProperty("count").GetInt32() >= 1);
    }

    private Task<int> AlmalyAsync() => WithDbAsync(factory, db => db.Users.Where(u => u.Email == Inspector).Select(u => u.DistrictId!.Value).SingleAsync());
}

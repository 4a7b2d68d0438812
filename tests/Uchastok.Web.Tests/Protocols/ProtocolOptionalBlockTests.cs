using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using UglyToad.PdfPig;
using Uchastok.Web.Tests.Support;
using static Uchastok.Web.Tests.Protocols.ProtocolTestData;

namespace Uchastok.Web.Tests.Protocols;

/// <summary>
/// The optional blocks of a protocol (both databases): how the documents were checked and the body-camera
/// recordings, checked by the rules when present (a hash that is not 64 lowercase hex digits refuses the signing),
/// then printed in the PDF and shown on the protocol's page in the reader's language.
/// </summary>
public sealed class ProtocolOptionalBlockTests(ClockedAppFactory factory) : IClassFixture<ClockedAppFactory>
{
    private const string Inspector = "inspector1@demo.kz";
    private const string RecordingHash = "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b";

    private static JsonObject WithBlocks(JsonObject document, string sha256 = RecordingHash)
    {
        document["identityCheck"] = new JsonObject { ["method"] = "duty-unit" };
        document["attachments"] = new JsonArray(new JsonObject
        {
            ["kind"] = "body-camera", ["fileName"] = "AXON_20261206_1430.mp4", ["device"] = "Axon Body 3, X60A12345",
            ["startedAt"] = "2026-12-06T14:28:00+05:00", ["sha256"] = sha256,
        });
        return document;
    }

    [Fact]
    public async Task Sign_ARecordingWhoseHashIsInCapitals_IsRefusedInRussian()
    {
        using var client = await factory.SignedInAsync(Inspector, language: "ru");
        var document = WithBlocks(await WithDrafterAsync(client, SearchDocument()), RecordingHash.ToUpperInvariant());
        var id = (await DraftAsync(client, document)).GetProperty("id").GetInt64();

        var response = await SignAsync(client, id, Hash(PersonalSearch, document));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("SHA-256 записи — 64 строчные шестнадцатеричные цифры", (await response.JsonAsync()).GetProperty("errors").GetProperty("attachments[0]")[0].GetString());
    }

    [Fact]
    public async Task Drafter_IsStoredWithHisPositionsCode_AndTheKazakhPdfAndPagePrintThePositionInKazakh()
    {
        using var client = await factory.SignedInAsync(Inspector);
        var rules = await (await client.GetAsync("/api/v1/protocols/rules")).JsonAsync();
        Assert.StartsWith("Position.", rules.GetProperty("drafter").GetProperty("positionCode").GetString(), StringComparison.Ordinal);
        var signed = await SignedSearchAsync(client);
        var id = signed.GetProperty("id").GetInt64();

        var read = await (await client.GetAsync($"/api/v1/protocols/{id}")).JsonAsync();
        using var kk = PdfDocument.Open(await client.GetByteArrayAsync($"/api/v1/protocols/{id}/pdf?language=kk"));
        using var ru = PdfDocument.Open(await client.GetByteArrayAsync($"/api/v1/protocols/{id}/pdf?language=ru"));
        using var reader = await factory.SignedInWithCookieAsync(Inspector, language: "kk");
        var page = WebUtility.HtmlDecode(await reader.GetStringAsync($"/protocols/{id}"));

        // The hashed text stays Russian (one language, one hash); each copy prints the position in its own.
        Assert.Equal("Участковый инспектор полиции", read.GetProperty("document").GetProperty("drafter").GetProperty("position").GetString());
        Assert.Contains("Учаскелік полиция инспекторы", Words(kk), StringComparison.Ordinal);
        Assert.DoesNotContain("Участковый инспектор полиции", Words(kk), StringComparison.Ordinal);
        Assert.Contains("Участковый инспектор полиции", Words(ru), StringComparison.Ordinal);
        Assert.Contains("Учаскелік полиция инспекторы", page, StringComparison.Ordinal);
    }

    private static string Words(PdfDocument pdf) => string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));

    [Theory]
    [InlineData("kk", "Кезекші бөлім арқылы")]
    [InlineData("ru", "Через дежурную часть")]
    public async Task Signed_WithBothBlocks_ThePdfAndThePagePrintThem_InTheReadersLanguage(string language, string method)
    {
        using var client = await factory.SignedInAsync(Inspector);
        var document = WithBlocks(await WithDrafterAsync(client, SearchDocument()));
        var id = (await DraftAsync(client, document)).GetProperty("id").GetInt64();
        var signed = await SignAsync(client, id, Hash(PersonalSearch, document));
        Assert.True(signed.StatusCode == HttpStatusCode.OK, await signed.Content.ReadAsStringAsync());

        using var pdf = PdfDocument.Open(await client.GetByteArrayAsync($"/api/v1/protocols/{id}/pdf?language={language}"));
        var text = string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
        using var reader = await factory.SignedInWithCookieAsync(Inspector, language: language);
        var page = WebUtility.HtmlDecode(await reader.GetStringAsync($"/protocols/{id}"));

        // The PDF wraps a 64-digit hash in its value column: read without the breaks, as a person reading it would.
        foreach (var shown in new[] { text.Replace(" ", "", StringComparison.Ordinal), page.Replace(" ", "", StringComparison.Ordinal) })
        {
            Assert.Contains("AXON_20261206_1430.mp4", shown, StringComparison.Ordinal);
            Assert.Contains(RecordingHash, shown, StringComparison.Ordinal);
            Assert.Contains(method.Replace(" ", "", StringComparison.Ordinal), shown, StringComparison.Ordinal);
        }
        Assert.Contains(method, page, StringComparison.Ordinal);
        Assert.Contains("X60A12345", page, StringComparison.Ordinal);
    }
}

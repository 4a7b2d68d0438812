using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.Protocols;
using Uchastok.Web.Tests.Support;
using static Uchastok.Web.Tests.Protocols.ProtocolTestData;

namespace Uchastok.Web.Tests.Protocols;

/// <summary>
/// Who must sign is the rule set's (<c>types[].signers</c>), and the server holds the sign route and the sync to it:
/// a search without the second witness's signature, or with a witness's refusal, is refused with the signer named
/// in the user's language and the refusal row written; the rules endpoint serves the signers to the tablet.
/// </summary>
public sealed class ProtocolSignerTests(ClockedAppFactory factory) : IClassFixture<ClockedAppFactory>
{
    private const string Inspector = "inspector1@demo.kz";

    [Theory]
    [InlineData("ru", "Подпись второго понятого")]
    [InlineData("kk", "Екінші куәгердің қолы")]
    public async Task Sign_ASearchWithoutTheSecondWitnessesSignature_IsRefusedWithTheSignerNamed_AndRecorded(string language, string text)
    {
        using var client = await factory.SignedInAsync(Inspector, language: language);
        var document = await WithDrafterAsync(client, SearchDocument());
        var id = (await DraftAsync(client, document)).GetProperty("id").GetInt64();
        var signatures = new object[] { new { role = "drafter", image = Png }, new { role = "person", image = Png }, new { role = "witness1", image = Png } };

        var response = await client.PostAsJsonAsync($"/api/v1/protocols/{id}/sign", new { signatures, sha256 = HashOf(document, "drafter", "person", "witness1") });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal(text, errors.GetProperty("signature.witness2")[0].GetString());
        Assert.False(errors.TryGetProperty("signature.witness1", out _));
        var codes = await WithDbAsync(factory, db => db.ProtocolSigningRefusals.Where(r => r.Code.StartsWith("signature.")).Select(r => r.Code).ToListAsync());
        Assert.Contains("signature.witness2", codes);
        Assert.Equal("Draft", await WithDbAsync(factory, db => db.Protocols.Where(p => p.Id == id).Select(p => p.State.ToString()).SingleAsync()));
    }

    [Fact]
    public async Task Sync_ASignedSearchAWitnessRefusedToSign_IsRefused_ThePersonsRefusalIsAccepted()
    {
        using var client = await factory.SignedInAsync(Inspector);
        var document = await WithDrafterAsync(client, SearchDocument());
        var witnessRefused = new object[]
        {
            new { role = "drafter", image = Png }, new { role = "person", image = Png },
            new { role = "witness1", refused = true, reason = "Торопился" }, new { role = "witness2", image = Png },
        };
        var witnessContent = new JsonArray(
            new JsonObject { ["role"] = "drafter", ["imageSha256"] = PngSha256 }, new JsonObject { ["role"] = "person", ["imageSha256"] = PngSha256 },
            new JsonObject { ["role"] = "witness1", ["refused"] = true, ["reason"] = "Торопился" }, new JsonObject { ["role"] = "witness2", ["imageSha256"] = PngSha256 });
        object[] items =
        [
            new { kind = "signed", clientId = Guid.NewGuid(), type = PersonalSearch, document, signatures = witnessRefused, sha256 = HashWith(document, witnessContent) },
            new { kind = "signed", clientId = Guid.NewGuid(), type = PersonalSearch, document, signatures = Signatures(), sha256 = Hash(PersonalSearch, document) },
        ];

        var answers = (await (await client.PostAsJsonAsync("/api/v1/protocols/sync", new { items })).JsonAsync()).GetProperty("items");

        Assert.Equal(["refused", "signed"], answers.EnumerateArray().Select(i => i.GetProperty("outcome").GetString()));
        Assert.Equal(["signature.witness1"], answers[0].GetProperty("errors").EnumerateObject().Select(e => e.Name));
    }

    [Fact]
    public async Task Rules_ServeEachTypesSigners_AndTheirTexts()
    {
        using var client = await factory.SignedInAsync(Inspector, language: "kk");

        var rules = await (await client.GetAsync("/api/v1/protocols/rules")).JsonAsync();

        var search = rules.GetProperty("ruleSet").GetProperty("types").EnumerateArray().Single(t => t.GetProperty("code").GetString() == PersonalSearch);
        Assert.Equal(["drafter", "person", "witness1", "witness2"], search.GetProperty("signers").GetProperty("required").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["person"], search.GetProperty("signers").GetProperty("mayRefuse").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("Екінші куәгердің қолы", rules.GetProperty("texts").GetProperty("missing").GetProperty("signature.witness2").GetString());
    }

    private static string HashOf(JsonObject document, params string[] roles) =>
        HashWith(document, new JsonArray(roles.Select(r => (JsonNode)new JsonObject { ["role"] = r, ["imageSha256"] = PngSha256 }).ToArray()));

    private static string HashWith(JsonObject document, JsonArray signatures) => ProtocolCanonical.Sha256Hex(JsonSerializer.SerializeToElement(new JsonObject
    {
        ["type"] = PersonalSearch, ["document"] = document.DeepClone(), ["signatures"] = signatures,
    }));
}

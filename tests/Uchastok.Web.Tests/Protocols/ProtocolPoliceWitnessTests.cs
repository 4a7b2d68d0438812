using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Protocols;
using Uchastok.Web.Tests.Support;
using static Uchastok.Web.Tests.Protocols.ProtocolTestData;

namespace Uchastok.Web.Tests.Protocols;

/// <summary>
/// A witness whose IIN is a police account's is refused, found by the accounts' keyed IIN hash rather than by decrypting every
/// police account's IIN: an account the administrator makes after start-up is found at once, by the sign route and by the sync;
/// a resident's account with the witness's IIN is not police. Each test makes its own IIN, so no other test's witness meets it.
/// </summary>
public sealed class ProtocolPoliceWitnessTests(ClockedAppFactory factory) : IClassFixture<ClockedAppFactory>
{
    private const string Inspector = "inspector1@demo.kz";
    private const string PoliceWitness = "A police officer cannot be an attesting witness";

    [Fact]
    public async Task Sign_WithAWitnessWhoseIinIsAPoliceAccountMadeAfterStartup_IsRefused()
    {
        var iin = TestIins.New();
        await PoliceAccountAsync(iin);
        using var client = await factory.SignedInAsync(Inspector);
        var document = await WithDrafterAsync(client, SearchDocument());
        document["witnesses"]![1]!["iin"] = iin;
        var draft = await DraftAsync(client, document);

        var response = await SignAsync(client, draft.GetProperty("id").GetInt64(), Hash(PersonalSearch, document));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal(PoliceWitness, errors.GetProperty("witnesses[1]")[0].GetString());
        Assert.False(errors.TryGetProperty("witnesses[0]", out _));
    }

    [Fact]
    public async Task Sync_WithAWitnessWhoseIinIsAPoliceAccountMadeAfterStartup_IsRefused()
    {
        var iin = TestIins.New();
        await PoliceAccountAsync(iin);
        using var client = await factory.SignedInAsync(Inspector);
        var document = await WithDrafterAsync(client, SearchDocument());
        document["witnesses"]![0]!["iin"] = iin;
        var clientId = Guid.NewGuid();

        var response = await client.PostAsJsonAsync("/api/v1/protocols/sync", new
        {
            items = new[] { new { kind = "signed", clientId, type = PersonalSearch, document, signatures = Signatures(), sha256 = Hash(PersonalSearch, document) } },
        });

        var item = (await response.JsonAsync()).GetProperty("items")[0];
        Assert.Equal("refused", item.GetProperty("outcome").GetString());
        Assert.Equal(PoliceWitness, item.GetProperty("errors").GetProperty("witnesses[0]")[0].GetString());
        Assert.Equal(0, await WithDbAsync(factory, db => db.Protocols.CountAsync(p => p.ClientId == clientId)));
    }

    [Fact]
    public async Task Sign_WithAWitnessWhoseIinIsAResidentsAccount_IsSigned()
    {
        var iin = TestIins.New();
        using (var anonymous = factory.Client())
        {
            var registered = await anonymous.PostAsJsonAsync("/api/v1/accounts", new
            {
                displayName = "Иванова Мария", email = $"resident-{Guid.NewGuid():N}@test.kz", password = ApiClient.DemoPassword, iin,
            });
            Assert.True(registered.StatusCode == HttpStatusCode.Created, await registered.Content.ReadAsStringAsync());
        }
        using var client = await factory.SignedInAsync(Inspector);
        var document = await WithDrafterAsync(client, SearchDocument());
        document["witnesses"]![0]!["iin"] = iin;
        var draft = await DraftAsync(client, document);

        var response = await SignAsync(client, draft.GetProperty("id").GetInt64(), Hash(PersonalSearch, document));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    /// <summary>An inspector's account with an IIN, made as the administrator makes one: through the staff API.</summary>
    private async Task PoliceAccountAsync(string iin)
    {
        var district = await WithDbAsync(factory, db => db.Users.Where(u => u.Email == Inspector).Select(u => u.DistrictId!.Value).SingleAsync());
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var response = await admin.PostAsJsonAsync("/api/v1/staff", new
        {
            displayName = "Сержант Тестов", email = $"inspector-{Guid.NewGuid():N}@test.kz", password = ApiClient.DemoPassword, role = "Inspector", districtId = district, iin,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}

/// <summary>The witness IINs a document gives, as the police directory is asked about them: trimmed, blanks and non-strings left out.</summary>
public sealed class PoliceDirectoryWitnessIinsTests
{
    [Fact]
    public void WitnessIins_TrimsEach_AndSkipsBlanksAndOtherKinds()
    {
        var document = JsonDocument.Parse("""
            { "witnesses": [ { "iin": " 900101300017 " }, { "iin": "  " }, { "iin": 900101300017 }, { "contact": "+77010001122" }, "x", { "iin": "850303300789" } ] }
            """).RootElement;

        Assert.Equal(["900101300017", "850303300789"], PoliceDirectory.WitnessIins(document));
        Assert.Empty(PoliceDirectory.WitnessIins(JsonDocument.Parse("""{ "witnesses": {} }""").RootElement));
        Assert.Empty(PoliceDirectory.WitnessIins(JsonDocument.Parse("[]").RootElement));
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Tests.Support;
using static Uchastok.Web.Tests.Protocols.ProtocolTestData;

namespace Uchastok.Web.Tests.Protocols;

/// <summary>
/// A refused signing attempt counts once in the supervisor's figures: the tablet retrying the same refused sync item (same
/// clientId, same content) adds no refusal rows; the same item with its document changed is a new attempt and counts. Each
/// test compares the district's figures before and after its own requests, for the code it alone refuses in this class.
/// </summary>
public sealed class ProtocolRefusalAttemptTests(ClockedAppFactory factory) : IClassFixture<ClockedAppFactory>
{
    private const string Supervisor = "supervisor.almaly@demo.kz";

    [Fact]
    public async Task Sync_ARefusedItemRetriedTwice_CountsOnce_AndChangedContentUnderTheSameClientIdCountsAgain()
    {
        var district = await AlmalyAsync();
        var email = await factory.CreateStaffAsync("Inspector", district);
        using var client = await factory.SignedInAsync(email);
        var document = await WithDrafterAsync(client, SearchDocument());
        document.Remove("items");
        var clientId = Guid.NewGuid();
        var before = await RefusalsAsync(district, "items");

        foreach (var _ in Enumerable.Range(0, 3))
            Assert.Equal("refused", await SyncSignedAsync(client, clientId, document));

        Assert.Equal(before + 1, await RefusalsAsync(district, "items"));
        var rows = await WithDbAsync(factory, db => db.ProtocolSigningRefusals.Where(r => r.ClientId == clientId).ToListAsync());
        Assert.Equal(["items"], rows.Select(r => r.Code));
        Assert.Equal(Hash(PersonalSearch, document), rows[0].ContentSha256);

        // The inspector changes the document but still forgets the items: a second attempt, and a second row.
        document["place"] = "Алматы, Алмалинский район, ул. Абая, 10";
        Assert.Equal("refused", await SyncSignedAsync(client, clientId, document));
        Assert.Equal("refused", await SyncSignedAsync(client, clientId, document));

        Assert.Equal(before + 2, await RefusalsAsync(district, "items"));
        Assert.Equal(2, await WithDbAsync(factory, db => db.ProtocolSigningRefusals.CountAsync(r => r.ClientId == clientId)));
        Assert.Equal(0, await WithDbAsync(factory, db => db.Protocols.CountAsync(p => p.ClientId == clientId)));
    }

    [Fact]
    public async Task Sign_TheSameRefusedDraftSentAgain_CountsOnce()
    {
        var district = await AlmalyAsync();
        var email = await factory.CreateStaffAsync("Inspector", district);
        using var client = await factory.SignedInAsync(email);
        var document = await WithDrafterAsync(client, SearchDocument());
        document.Remove("copy");
        var draft = await DraftAsync(client, document);
        var id = draft.GetProperty("id").GetInt64();
        var before = await RefusalsAsync(district, "copy.handed");

        Assert.Equal(HttpStatusCode.BadRequest, (await SignAsync(client, id, Hash(PersonalSearch, document))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SignAsync(client, id, Hash(PersonalSearch, document))).StatusCode);

        Assert.Equal(before + 1, await RefusalsAsync(district, "copy.handed"));
        var clientId = draft.GetProperty("clientId").GetGuid();
        Assert.Equal(1, await WithDbAsync(factory, db => db.ProtocolSigningRefusals.CountAsync(r => r.ClientId == clientId)));
    }

    private async Task<string?> SyncSignedAsync(HttpClient client, Guid clientId, JsonObject document)
    {
        var item = new { kind = "signed", clientId, type = PersonalSearch, document, signatures = Signatures(), sha256 = Hash(PersonalSearch, document) };
        var response = await client.PostAsJsonAsync("/api/v1/protocols/sync", new { items = new[] { item } });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("items")[0].GetProperty("outcome").GetString();
    }

    /// <summary>The district's figure for a missing element, as the supervisor reads it.</summary>
    private async Task<int> RefusalsAsync(int district, string code)
    {
        using var supervisor = await factory.SignedInAsync(Supervisor);
        var stats = await (await supervisor.GetAsync($"/api/v1/protocols/stats?districtId={district}")).JsonAsync();
        return stats.GetProperty("refusals").EnumerateArray()
            .Where(r => r.GetProperty("kind").GetString() == "missing" && r.GetProperty("code").GetString() == code)
            .Sum(r => r.GetProperty("count").GetInt32());
    }

    private Task<int> AlmalyAsync() => WithDbAsync(factory, db => db.Users.Where(u => u.Email == Supervisor).Select(u => u.DistrictId!.Value).SingleAsync());
}

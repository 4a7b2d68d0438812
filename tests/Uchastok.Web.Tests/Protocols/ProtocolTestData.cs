using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Rules.Protocols;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Protocols;

/// <summary>What the protocol tests make for themselves: a complete search protocol, a drawn signature, and the hash as a tablet computes it.</summary>
public static class ProtocolTestData
{
    /// <summary>A PNG of 8 × 4 black pixels, as a canvas would give.</summary>
    public const string Png = "iVBORw0KGgoAAAANSUhEUgAAAAgAAAAECAYAAACzzX7wAAAAEUlEQVR4nGNgYGD4TwDTWgEACOwf4fAWWoUAAAAASUVORK5CYII=";

    public const string PersonalSearch = "personal-search";

    public static string PngSha256 => Convert.ToHexStringLower(SHA256.HashData(Convert.FromBase64String(Png)));

    /// <summary>A complete personal search (the first conformance vector's), without the drafter: the server names him.</summary>
    public static JsonObject SearchDocument(int witnesses = 2)
    {
        var document = new JsonObject
        {
            ["drawnUpAt"] = "2026-12-06T14:30:00+05:00",
            ["place"] = "Алматы, Алмалинский район, ул. Толе би, 59, у входа в ТЦ",
            ["person"] = new JsonObject { ["fullName"] = "Ахметов Бауыржан Ерланович", ["identityDocument"] = new JsonObject { ["kind"] = "id-card", ["number"] = "045678912" } },
            ["owner"] = new JsonObject { ["present"] = true },
            ["witnesses"] = new JsonArray(new[]
            {
                new JsonObject { ["surname"] = "Иванова", ["name"] = "Мария", ["contact"] = "+7 701 000 11 22", ["iin"] = "900202400456" },
                new JsonObject { ["surname"] = "Жұмабаев", ["name"] = "Нұрлан", ["contact"] = "+7 702 000 33 44", ["iin"] = "850303300789" },
            }.Take(witnesses).Cast<JsonNode>().ToArray()),
            ["items"] = new JsonArray(
                new JsonObject { ["kind"] = "firearm", ["type"] = "Пистолет", ["make"] = "ИЖ", ["model"] = "МР-79-9ТМ", ["calibre"] = "9 мм Р.А.", ["series"] = "Т", ["number"] = "0912345", ["quantity"] = 1, ["seized"] = true }),
            ["copy"] = new JsonObject { ["handed"] = true, ["handedTo"] = "Ахметов Б. Е.", ["handedAt"] = "2026-12-06T15:10:00+05:00" },
        };
        return document;
    }

    /// <summary>The drafter's block as the server will write it, from the rules endpoint (what the tablet caches).</summary>
    public static async Task<JsonObject> DrafterAsync(HttpClient client)
    {
        var rules = await (await client.GetAsync("/api/v1/protocols/rules")).JsonAsync();
        var drafter = rules.GetProperty("drafter");
        return new JsonObject
        {
            ["position"] = drafter.GetProperty("position").GetString(), ["positionCode"] = drafter.GetProperty("positionCode").GetString(),
            ["surnameInitials"] = drafter.GetProperty("surnameInitials").GetString(),
        };
    }

    /// <summary>The document with the drafter's block the server writes, so the tablet's hash and the server's agree.</summary>
    public static async Task<JsonObject> WithDrafterAsync(HttpClient client, JsonObject document)
    {
        document["drafter"] = await DrafterAsync(client);
        return document;
    }

    /// <summary>The drafter's and the two witnesses' drawn signatures, and the person's refusal: every signer a search needs.</summary>
    public static object[] Signatures() =>
    [
        new { role = "drafter", image = Png },
        new { role = "person", refused = true, reason = "Отказался без объяснения причин" },
        new { role = "witness1", image = Png },
        new { role = "witness2", image = Png },
    ];

    /// <summary>The hash a tablet computes over the content it signs (see the module README).</summary>
    public static string Hash(string type, JsonObject document)
    {
        var content = new JsonObject
        {
            ["type"] = type,
            ["document"] = document.DeepClone(),
            ["signatures"] = new JsonArray(
                new JsonObject { ["role"] = "drafter", ["imageSha256"] = PngSha256 },
                new JsonObject { ["role"] = "person", ["refused"] = true, ["reason"] = "Отказался без объяснения причин" },
                new JsonObject { ["role"] = "witness1", ["imageSha256"] = PngSha256 },
                new JsonObject { ["role"] = "witness2", ["imageSha256"] = PngSha256 }),
        };
        return ProtocolCanonical.Sha256Hex(JsonSerializer.SerializeToElement(content));
    }

    public static async Task<JsonElement> DraftAsync(HttpClient client, JsonObject document, string type = PersonalSearch, Guid? clientId = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/protocols", new { clientId = clientId ?? Guid.NewGuid(), type, document });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static Task<HttpResponseMessage> SignAsync(HttpClient client, long id, string sha256) =>
        client.PostAsJsonAsync($"/api/v1/protocols/{id}/sign", new { signatures = Signatures(), sha256 });

    /// <summary>
    /// Signs a protocol of a type the drafter alone signs (every type but the search names no other signer, and so
    /// no refusal): his drawn signature, and the hash over it as a tablet computes it.
    /// </summary>
    public static Task<HttpResponseMessage> SignByDrafterAsync(HttpClient client, long id, string type, JsonObject document)
    {
        var sha256 = ProtocolCanonical.Sha256Hex(JsonSerializer.SerializeToElement(new JsonObject
        {
            ["type"] = type, ["document"] = document.DeepClone(),
            ["signatures"] = new JsonArray(new JsonObject { ["role"] = "drafter", ["imageSha256"] = PngSha256 }),
        }));
        return client.PostAsJsonAsync($"/api/v1/protocols/{id}/sign", new { signatures = new[] { new { role = "drafter", image = Png } }, sha256 });
    }

    /// <summary>A complete search protocol drafted and signed by the client's account; returns its summary.</summary>
    public static async Task<JsonElement> SignedSearchAsync(HttpClient client)
    {
        var document = await WithDrafterAsync(client, SearchDocument());
        var draft = await DraftAsync(client, document);
        var response = await SignAsync(client, draft.GetProperty("id").GetInt64(), Hash(PersonalSearch, document));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static async Task<T> WithDbAsync<T>(UchastokAppFactory factory, Func<UchastokDbContext, Task<T>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<UchastokDbContext>());
    }
}

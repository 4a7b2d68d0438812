using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Uchastok.Web.Tests.Support;

/// <summary>Small helpers for talking to the API the way a client would.</summary>
public static class ApiClient
{
    public const string DemoPassword = "Demo123!";

    public static HttpClient Client(this UchastokAppFactory factory, string language = "en")
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = factory.ClientOptions.BaseAddress });
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        return client;
    }

    /// <summary>A client that carries a bearer token for the given account.</summary>
    public static async Task<HttpClient> SignedInAsync(this UchastokAppFactory factory, string email, string password = DemoPassword, string language = "en")
    {
        var client = factory.Client(language);
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Makes a new staff account through the administrator's API and returns its e-mail.</summary>
    public static async Task<string> CreateStaffAsync(this UchastokAppFactory factory, string role, int? districtId, int? officerId = null)
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@test.kz";
        var response = await admin.PostAsJsonAsync("/api/v1/staff", new { displayName = "Test " + role, email, password = DemoPassword, role, districtId, officerId });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return email;
    }

    /// <summary>The beat and district at a point, through the public locate endpoint.</summary>
    public static async Task<(int BeatId, int DistrictId)> BeatAtAsync(this UchastokAppFactory factory, string lat, string lon)
    {
        using var client = factory.Client();
        var located = await (await client.GetAsync($"/api/v1/beats/locate?lat={lat}&lon={lon}")).JsonAsync();
        return (located.GetProperty("beat").GetProperty("id").GetInt32(), located.GetProperty("district").GetProperty("id").GetInt32());
    }

    /// <summary>A new staff account for the inspector of another beat of the district than <paramref name="notBeat"/>, and its e-mail.</summary>
    public static async Task<string> OtherInspectorAsync(this UchastokAppFactory factory, int districtId, int notBeat)
    {
        using var client = factory.Client();
        foreach (var beat in (await (await client.GetAsync($"/api/v1/districts/{districtId}/beats")).JsonAsync()).EnumerateArray())
        {
            var id = beat.GetProperty("id").GetInt32();
            if (id == notBeat) continue;
            var card = await (await client.GetAsync($"/api/v1/beats/{id}")).JsonAsync();
            if (card.GetProperty("inspector").ValueKind != JsonValueKind.Object) continue;
            var mine = await (await client.GetAsync($"/api/v1/beats/{notBeat}")).JsonAsync();
            var officer = card.GetProperty("inspector").GetProperty("id").GetInt32();
            if (officer == mine.GetProperty("inspector").GetProperty("id").GetInt32()) continue;
            // An officer has one account at most: one that already has one (inspector2@demo.kz) is not made again.
            await using (var scope = factory.Services.CreateAsyncScope())
                if (await scope.ServiceProvider.GetRequiredService<Uchastok.Web.Shared.Data.UchastokDbContext>().Users.AnyAsync(u => u.OfficerId == officer)) continue;
            return await factory.CreateStaffAsync("Inspector", districtId, officer);
        }
        throw new InvalidOperationException("The district has no other inspector.");
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();
}

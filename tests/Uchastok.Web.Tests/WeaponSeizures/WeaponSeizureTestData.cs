using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.WeaponSeizures;

/// <summary>What the seizure tests share: a point on inspector1's beat, a pistol with every field, a seizure body.</summary>
public static class WeaponSeizureTestData
{
    /// <summary>inspector1's beat holds this point (Tole bi street, Almaly).</summary>
    public const double Lat = 43.2510, Lon = 76.9210;

    public static object Pistol(string? series = "АБ") =>
        new { category = "pistol", type = "самозарядный", make = "Ижмех", model = "ПМ", calibre = "9×18", series, number = "741852" };

    public static object Seizure(object[] items, string seizedOn = "2026-10-30", int[]? determinants = null, string? protocolNumber = null, long? protocolId = null, string? incidentNumber = null) =>
        new { seizedOn, lat = Lat, lon = Lon, items, determinants = determinants ?? [1], protocolNumber = protocolId is null ? protocolNumber ?? "ПР-" + Guid.NewGuid().ToString("N")[..8] : protocolNumber, protocolId, incidentNumber };

    public static async Task<JsonElement> RecordAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/seizures", body);
        Assert.True(System.Net.HttpStatusCode.Created == response.StatusCode, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static async Task<T> WithDbAsync<T>(UchastokAppFactory factory, Func<UchastokDbContext, Task<T>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<UchastokDbContext>());
    }

    /// <summary>A district other than the one given, through the public API.</summary>
    public static async Task<int> OtherDistrictAsync(UchastokAppFactory factory, int notDistrict)
    {
        using var client = factory.Client();
        return (await (await client.GetAsync("/api/v1/districts")).JsonAsync()).EnumerateArray().Select(d => d.GetProperty("id").GetInt32()).First(id => id != notDistrict);
    }
}

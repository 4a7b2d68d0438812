using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Rules.Identity;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Prevention;

/// <summary>What the prevention tests make for themselves: a category, a person on record, a valid IIN, the scope of the demo accounts.</summary>
public static class PreventionTestData
{
    /// <summary>inspector1's beat holds this point (Tole bi street, Almaly).</summary>
    public const double InspectorOneLatitude = 43.2510, InspectorOneLongitude = 76.9210;

    /// <summary>A valid IIN for a birth date: the century digit of a man, a serial from <paramref name="seed"/>, the check digit computed.</summary>
    public static string IinFor(DateOnly birth, int seed)
    {
        for (var serial = seed % 9000; ; serial++)
        {
            var first = $"{birth:yyMMdd}{(birth.Year < 2000 ? 3 : 5)}{serial % 10000:D4}";
            if (Iin.CheckDigit(first) is { } check) return first + check;
        }
    }

    public static int Seed() => Random.Shared.Next(1000, 9000);

    /// <summary>A new category through the administrator's API; returns its code.</summary>
    public static async Task<string> CategoryAsync(UchastokAppFactory factory, bool juvenile = false, bool dvOffender = false, string interval = "Months", int intervalCount = 1,
        string retention = "Years", int retentionCount = 1)
    {
        var code = "t-" + Guid.NewGuid().ToString("N")[..12];
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var response = await admin.PostAsJsonAsync("/api/v1/prevention/categories", new
        {
            code, nameKk = "Шартты түрде босатылғандар", nameRu = "Условно-досрочно освобождённые", nameEn = "Released on parole",
            legalBasis = "Закон РК «О профилактике правонарушений» № 271-IV", visitIntervalCount = intervalCount, visitIntervalUnit = interval,
            retentionCount, retentionUnit = retention, juvenile, domesticViolenceOffender = dvOffender, healthRelated = false, isActive = true, sortOrder = 1,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return code;
    }

    public static object Entry(string category, string name, DateOnly birth, string? iin, DateOnly putOnRecord, double lat = InspectorOneLatitude, double lon = InspectorOneLongitude) => new
    {
        fullName = name, birthDate = birth, iin, latitude = lat, longitude = lon, addressText = "Төле би к-сі, 59 (аула)", category,
        basis = "Освобождён условно-досрочно, постановление суда", putOnRecord,
    };

    /// <summary>Puts a person on record as inspector1 (or <paramref name="who"/>) and returns the file.</summary>
    public static async Task<JsonElement> PutOnRecordAsync(UchastokAppFactory factory, object entry, string who = "inspector1@demo.kz")
    {
        using var client = await factory.SignedInAsync(who);
        var response = await client.PostAsJsonAsync("/api/v1/prevention/entries", entry);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static async Task<T> WithDbAsync<T>(UchastokAppFactory factory, Func<UchastokDbContext, Task<T>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<UchastokDbContext>());
    }

    /// <summary>The officer a demo account belongs to and the first active beat he serves.</summary>
    public static Task<(int OfficerId, int BeatId, int DistrictId)> ScopeOfAsync(UchastokAppFactory factory, string email) => WithDbAsync(factory, async db =>
    {
        var officer = await db.Users.Where(u => u.Email == email).Select(u => u.OfficerId!.Value).SingleAsync();
        var beat = await db.Beats.Where(b => b.InspectorId == officer && b.IsActive).OrderBy(b => b.Number).Select(b => new { b.Id, b.DistrictId }).FirstAsync();
        return (officer, beat.Id, beat.DistrictId);
    });
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Weapons;

/// <summary>
/// A host with the weapons terms set as an administrator would (30 days' reminder, organisations every 90 days, a
/// two-item checklist), each with a source, on Monday 2 November 2026.
/// </summary>
public class WeaponsFactory : ClockedAppFactory
{
    public WeaponsFactory() => Settings = new Dictionary<string, string>
    {
        ["Weapons:PermitExpiryReminderDays"] = "30",
        ["Weapons:PermitExpiryReminderDaysSource"] = "Test order No. 1",
        ["Weapons:InspectionIntervals:organisation:Days"] = "90",
        ["Weapons:InspectionIntervals:organisation:Source"] = "Test order No. 2",
        ["Weapons:ChecklistSource"] = "Test list",
    };
}

public static class WeaponsTestData
{
    public static async Task<T> WithDbAsync<T>(UchastokAppFactory factory, Func<UchastokDbContext, Task<T>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<UchastokDbContext>());
    }

    /// <summary>The code of a beat whose inspector is the account's officer (inspector1's beat).</summary>
    public static Task<string> BeatOfAsync(UchastokAppFactory factory, string email) => WithDbAsync(factory, async db =>
    {
        var officer = await db.Users.Where(u => u.Email == email).Select(u => u.OfficerId).SingleAsync();
        return await db.Beats.Where(b => b.InspectorId == officer && b.IsActive).OrderBy(b => b.Code).Select(b => b.Code).FirstAsync();
    });

    public static Dictionary<string, object?> Holder(string beat, string? iin = null, string serial = "A-1", DateOnly? validTo = null) => new()
    {
        ["holderKind"] = "person", ["name"] = "Бекұлы Асқар", ["iin"] = iin, ["address"] = "Төле би к-сі, 10, 5-пәтер", ["beat"] = beat,
        ["weaponKind"] = "smoothbore-gun", ["make"] = "ИЖ", ["model"] = "27", ["calibre"] = "12", ["serialNumber"] = serial,
        ["permitNumber"] = "LRR-" + serial, ["issuer"] = "ДП г. Алматы", ["validFrom"] = "2024-01-10", ["validTo"] = (validTo ?? new DateOnly(2029, 1, 10)).ToString("yyyy-MM-dd"),
    };

    public static async Task<JsonElement> AddHolderAsync(HttpClient client, Dictionary<string, object?> body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/weapons/holders", body);
        Assert.True(HttpStatusCode.Created == response.StatusCode, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    public static async Task<JsonElement> AddSiteAsync(HttpClient client, string beat, string name = "Оружейная комната ТОО «Сарбаз»")
    {
        var response = await client.PostAsJsonAsync("/api/v1/weapons/sites", new { name, organisation = "ТОО «Сарбаз»", address = "Абай д-лы, 52", kind = "organisation", beat });
        Assert.True(HttpStatusCode.Created == response.StatusCode, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }
}

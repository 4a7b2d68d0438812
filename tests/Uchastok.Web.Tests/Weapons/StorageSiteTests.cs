using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Tests.Support;
using Uchastok.Web.Weapons;
using static Uchastok.Web.Tests.Weapons.WeaponsTestData;

namespace Uchastok.Web.Tests.Weapons;

/// <summary>Storage sites, their schedule and inspections over the API, the inspector's day and the district board.</summary>
public sealed class StorageSiteTests(WeaponsFactory factory) : IClassFixture<WeaponsFactory>
{
    private static object Inspection(DateOnly on, params object[] breaches) => new
    {
        inspectedOn = on.ToString("yyyy-MM-dd"),
        checklist = new Dictionary<string, string> { ["storage-room"] = "met", ["alarm"] = breaches.Length > 0 ? "not-met" : "met", ["ledger"] = "met", ["access"] = "not-applicable" },
        breaches,
    };

    [Fact]
    public async Task Inspection_WithABreach_IsShownOnTheSite_AndMovesTheSchedule()
    {
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        var site = await AddSiteAsync(inspector, await BeatOfAsync(factory, "inspector1@demo.kz"));
        var id = site.GetProperty("id").GetInt64();
        var today = Uchastok.Web.Shared.Localization.KazakhstanTime.Today(factory.Clock);
        // A new site is due from the day it is registered, at the interval its kind's setting gives, with its source.
        Assert.Equal(today.ToString("yyyy-MM-dd"), site.GetProperty("nextDue").GetString());
        Assert.Equal(90, site.GetProperty("intervalDays").GetInt32());
        Assert.Equal("Test order No. 2", site.GetProperty("intervalSource").GetString());

        var response = await inspector.PostAsJsonAsync($"/api/v1/weapons/sites/{id}/inspections",
            Inspection(today, new { text = "Сигнализация не работает", requirement = "Восстановить сигнализацию", requirementDue = today.AddDays(14).ToString("yyyy-MM-dd") }));

        Assert.True(HttpStatusCode.Created == response.StatusCode, await response.Content.ReadAsStringAsync());
        var after = await response.JsonAsync();
        Assert.Equal(today.AddDays(90).ToString("yyyy-MM-dd"), after.GetProperty("nextDue").GetString());
        var inspection = after.GetProperty("inspections")[0];
        Assert.Equal("Сигнализация не работает", inspection.GetProperty("breaches")[0].GetProperty("text").GetString());
        Assert.Equal("not-met", inspection.GetProperty("checklist").EnumerateArray().Single(a => a.GetProperty("code").GetString() == "alarm").GetProperty("answer").GetString());
    }

    [Fact]
    public async Task Inspection_NotMetWithoutABreach_OrMissingAnItem_IsRefused_AndNothingSaved()
    {
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz", language: "kk");
        var site = await AddSiteAsync(inspector, await BeatOfAsync(factory, "inspector1@demo.kz"));
        var id = site.GetProperty("id").GetInt64();
        var today = Uchastok.Web.Shared.Localization.KazakhstanTime.Today(factory.Clock);

        var notMet = await inspector.PostAsJsonAsync($"/api/v1/weapons/sites/{id}/inspections", new
        {
            inspectedOn = today.ToString("yyyy-MM-dd"),
            checklist = new Dictionary<string, string> { ["storage-room"] = "not-met", ["alarm"] = "met", ["ledger"] = "met" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, notMet.StatusCode);
        var errors = (await notMet.JsonAsync()).GetProperty("errors");
        Assert.Contains("бұзушылықты", errors.GetProperty("breaches")[0].GetString());
        Assert.True(errors.TryGetProperty("checklist.access", out _));
        Assert.Equal(0, await WithDbAsync(factory, db => db.StorageInspections.CountAsync(i => i.SiteId == id)));
    }

    [Fact]
    public async Task OverdueSites_AreOnTheInspectorsDay_AndTheDistrictBoard()
    {
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        var site = await AddSiteAsync(inspector, await BeatOfAsync(factory, "inspector1@demo.kz"), "Склад ТОО «Оверду» " + Guid.NewGuid().ToString("N")[..6]);
        var id = site.GetProperty("id").GetInt64();
        var today = Uchastok.Web.Shared.Localization.KazakhstanTime.Today(factory.Clock);
        // Registered ten days ago and never inspected: its first inspection was due then.
        await WithDbAsync(factory, db => db.StorageSites.Where(s => s.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.RegisteredOn, today.AddDays(-10))));

        var day = await (await inspector.GetAsync("/api/v1/weapons/day")).JsonAsync();
        Assert.Contains(day.GetProperty("overdueSites").EnumerateArray(), s => s.GetProperty("siteId").GetInt64() == id);

        using var supervisor = await factory.SignedInWithCookieAsync("supervisor.almaly@demo.kz");
        var board = await supervisor.GetStringAsync("/appeals/board");
        Assert.Contains("weapons-board-overdue", board);
        Assert.Contains($"/weapons/sites/{id}", board);
        var logged = await WithDbAsync(factory, db => db.PersonalDataAccesses.CountAsync(a => a.RecordKind == StorageSites.SiteRecordKind && a.RecordId == id.ToString()));
        Assert.True(logged >= 2);
    }

    [Fact]
    public async Task Terms_GiveEachSettingWithItsSource_AndNotSetOnesAsNull()
    {
        using var licensing = await factory.SignedInAsync("licensing@demo.kz");

        var terms = await (await licensing.GetAsync("/api/v1/weapons/terms")).JsonAsync();

        Assert.Equal(30, terms.GetProperty("permitExpiryReminderDays").GetInt32());
        Assert.Equal("Test order No. 1", terms.GetProperty("permitExpiryReminderDaysSource").GetString());
        var intervals = terms.GetProperty("inspectionIntervals").EnumerateArray().ToDictionary(i => i.GetProperty("kind").GetString()!, i => i.GetProperty("days"));
        Assert.Equal(90, intervals["organisation"].GetInt32());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, intervals["shop"].ValueKind);
        Assert.Equal(4, terms.GetProperty("checklist").GetArrayLength());
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Tests.Support;
using static Uchastok.Web.Tests.Prevention.PreventionTestData;

namespace Uchastok.Web.Tests.Prevention;

/// <summary>
/// Minors taken home and the places where minors gather, over the API (Monday 2 November 2026): recorded on
/// the caller's beats only, names encrypted and every list that shows them logged, read by the beat's
/// inspector and the district's juvenile inspector and supervisor — nobody else.
/// </summary>
public sealed class JuvenileRecordsTests(ClockedAppFactory factory) : IClassFixture<ClockedAppFactory>
{
    private static readonly DateTimeOffset LastNight = new(2026, 11, 1, 23, 40, 0, TimeSpan.FromHours(5));

    private static object Delivery(int beatId, string name, DateOnly birth) => new
    {
        beatId, minorName = name, minorBirthDate = birth, reason = "Unattended", foundAt = "Сквер у кинотеатра «Арман»",
        deliveredTo = "Мать, Серикова А.", deliveredAt = LastNight, deliveredBy = "ст. л-т Омаров",
    };

    [Fact]
    public async Task ADelivery_IsRecordedEncrypted_ReadInScopeOnly_AndEveryListThatShowsItIsLogged()
    {
        var (_, beat, _) = await ScopeOfAsync(factory, "inspector1@demo.kz");
        var name = "Сериков " + Guid.NewGuid().ToString("N")[..6];
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        var created = await inspector.PostAsJsonAsync("/api/v1/prevention/juvenile/deliveries", Delivery(beat, name, new DateOnly(2011, 6, 1)));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt64();
        var row = await WithDbAsync(factory, db => db.JuvenileDeliveries.AsNoTracking().SingleAsync(d => d.Id == id));
        Assert.DoesNotContain("Сериков", row.ProtectedMinorName);
        Assert.DoesNotContain("Серикова", row.ProtectedDeliveredTo);

        foreach (var who in new[] { "inspector1@demo.kz", "juvenile.almaly@demo.kz", "supervisor.almaly@demo.kz" })
        {
            using var reader = await factory.SignedInAsync(who);
            var list = await (await reader.GetAsync("/api/v1/prevention/juvenile/deliveries")).JsonAsync();
            var mine = Assert.Single(list.EnumerateArray(), d => d.GetProperty("id").GetInt64() == id);
            Assert.Equal(name, mine.GetProperty("minorName").GetString());
        }
        using var other = await factory.SignedInAsync("inspector2@demo.kz");
        Assert.DoesNotContain((await (await other.GetAsync("/api/v1/prevention/juvenile/deliveries")).JsonAsync()).EnumerateArray(), d => d.GetProperty("id").GetInt64() == id);
        using var women = await factory.SignedInAsync("women.almaly@demo.kz");
        Assert.Equal(HttpStatusCode.NotFound, (await women.GetAsync("/api/v1/prevention/juvenile/deliveries")).StatusCode);
        Assert.True(await WithDbAsync(factory, db => db.PersonalDataAccesses.CountAsync(a => a.RecordKind == "juvenile-deliveries")) >= 3);
    }

    [Fact]
    public async Task AnAdult_OrAnotherInspectorsBeat_IsRefused_AndNothingIsWritten()
    {
        var (_, beat, _) = await ScopeOfAsync(factory, "inspector1@demo.kz");
        var (_, otherBeat, _) = await ScopeOfAsync(factory, "inspector2@demo.kz");
        var before = await WithDbAsync(factory, db => db.JuvenileDeliveries.CountAsync());
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz", language: "ru");

        var adult = await inspector.PostAsJsonAsync("/api/v1/prevention/juvenile/deliveries", Delivery(beat, "Взрослов Тест", new DateOnly(2006, 1, 1)));
        Assert.Equal(HttpStatusCode.BadRequest, adult.StatusCode);
        Assert.Contains("18", (await adult.JsonAsync()).GetProperty("errors").GetProperty("minorBirthDate")[0].GetString());
        var elsewhere = await inspector.PostAsJsonAsync("/api/v1/prevention/juvenile/deliveries", Delivery(otherBeat, "Чужой Тест", new DateOnly(2012, 1, 1)));
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.True((await elsewhere.JsonAsync()).GetProperty("errors").TryGetProperty("beatId", out _));
        Assert.Equal(before, await WithDbAsync(factory, db => db.JuvenileDeliveries.CountAsync()));
    }

    [Fact]
    public async Task APlace_MarkedByTheJuvenileInspector_IsOnTheBeatInspectorsLayer_NotAnotherBeats_AndIsClosedNotDeleted()
    {
        using var juvenile = await factory.SignedInAsync("juvenile.almaly@demo.kz");
        var created = await juvenile.PostAsJsonAsync("/api/v1/prevention/juvenile/places",
            new { latitude = InspectorOneLatitude, longitude = InspectorOneLongitude, description = "Заброшенная стройка за школой", observedOn = new DateOnly(2026, 10, 30) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();

        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        Assert.Contains((await (await inspector.GetAsync("/api/v1/prevention/juvenile/places")).JsonAsync()).EnumerateArray(), p => p.GetProperty("id").GetInt32() == id);
        using var other = await factory.SignedInAsync("inspector2@demo.kz");
        Assert.DoesNotContain((await (await other.GetAsync("/api/v1/prevention/juvenile/places")).JsonAsync()).EnumerateArray(), p => p.GetProperty("id").GetInt32() == id);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/prevention/juvenile/places/{id}/close", null)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await inspector.PostAsync($"/api/v1/prevention/juvenile/places/{id}/close", null)).StatusCode);
        var closed = Assert.Single((await (await inspector.GetAsync("/api/v1/prevention/juvenile/places")).JsonAsync()).EnumerateArray(), p => p.GetProperty("id").GetInt32() == id);
        Assert.False(closed.GetProperty("isActive").GetBoolean());

        var future = await juvenile.PostAsJsonAsync("/api/v1/prevention/juvenile/places", new { latitude = 91.0, longitude = 76.9, description = "", observedOn = new DateOnly(2026, 11, 5) });
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        var errors = (await future.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("point", out _) && errors.TryGetProperty("description", out _) && errors.TryGetProperty("observedOn", out _));
    }
}

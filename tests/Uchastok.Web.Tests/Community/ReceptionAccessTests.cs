using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Community;

/// <summary>Who reads an inspector's reception bookings (names, phones, topics): the inspector and his district's supervisor, nobody else; every read is logged.</summary>
public sealed class ReceptionAccessTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task Bookings_AreReadByTheInspectorAndHisSupervisorOnly_NotByAnAdministrator_AndEachReadIsLogged()
    {
        var (beatId, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        using var resident = factory.Client("ru");
        var slots = await (await resident.GetAsync($"/api/v1/beats/{beatId}/reception-slots")).JsonAsync();
        var officer = slots.GetProperty("officerId").GetInt32();
        var slot = DateTime.Parse(slots.GetProperty("slots")[1].GetString()!, CultureInfo.InvariantCulture).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var booked = await resident.PostAsJsonAsync($"/api/v1/beats/{beatId}/receptions",
            new { startsAt = slot, name = "Гүлнар Омарова", phone = "+77015550011", topic = "Соседи", consent = true });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var day = slot[..10];
        var path = $"/api/v1/community/officers/{officer}/receptions?date={day}";
        var otherDistrict = (await (await resident.GetAsync("/api/v1/districts")).JsonAsync()).EnumerateArray().Select(d => d.GetProperty("id").GetInt32()).First(id => id != districtId);
        var otherSupervisor = await factory.CreateStaffAsync("Supervisor", otherDistrict);

        var expected = new Dictionary<string, HttpStatusCode>
        {
            ["inspector1@demo.kz"] = HttpStatusCode.OK,
            ["supervisor.almaly@demo.kz"] = HttpStatusCode.OK,
            [otherSupervisor] = HttpStatusCode.NotFound,
            [await factory.OtherInspectorAsync(districtId, beatId)] = HttpStatusCode.NotFound,
            ["admin@demo.kz"] = HttpStatusCode.NotFound,
            ["resident1@demo.kz"] = HttpStatusCode.Forbidden,
            ["anonymous"] = HttpStatusCode.Unauthorized,
        };
        foreach (var (who, status) in expected)
        {
            using var client = who == "anonymous" ? factory.Client() : await factory.SignedInAsync(who);
            var response = await client.GetAsync(path);
            Assert.True(status == response.StatusCode, $"{who}: {response.StatusCode}, expected {status}");
            if (status == HttpStatusCode.OK)
                Assert.Contains((await response.JsonAsync()).EnumerateArray(), b => b.GetProperty("name").GetString() == "Гүлнар Омарова");
        }
        // The page too: the administrator does not see the list.
        using (var admin = await factory.SignedInAsync("admin@demo.kz"))
            Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/community/receptions?officer={officer}&date={day}")).StatusCode);
        using (var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz"))
            Assert.Contains("Гүлнар Омарова", await supervisor.GetStringAsync($"/community/receptions?officer={officer}&date={day}"));

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        var readers = await (from a in db.PersonalDataAccesses
                             join u in db.Users on a.ReaderUserId equals u.Id
                             where a.Purpose == $"receptions of officer {officer} on {day}"
                             select u.Email).ToListAsync();
        Assert.Contains("inspector1@demo.kz", readers);
        Assert.Equal(2, readers.Count(r => r == "supervisor.almaly@demo.kz"));
        Assert.DoesNotContain("admin@demo.kz", readers);
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Uchastok.Web.Tests.Support;
using Uchastok.Web.Tests.Trust;

namespace Uchastok.Web.Tests.Transparency;

/// <summary>Open data names nobody, places nobody exactly, and suppresses small counts.</summary>
public sealed class OpenDataTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task EveryExport_HoldsNoPersonalFieldAndNoExactPoint_AndSmallCountsAreSuppressed()
    {
        // Seven appeals on inspector1's beat from named people with contacts and an IIN, at exact residential points; three on another beat.
        var (beatId, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        using var guest = factory.Client();
        var people = new List<(string Name, string Email, string Phone, double Lat, double Lon)>();
        for (var i = 0; i < 7; i++)
        {
            var body = await factory.AppealBodyAsync(lat: 43.25103 + i * 0.00011, lon: 76.92107 + i * 0.00013);
            body["name"] = $"Жанар Тұрсынова{i}";
            body["phone"] = $"+7 701 44{i}-22-11";
            body["iin"] = "900101300007";
            var response = await guest.PostAppealAsync(body);
            Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
            people.Add(((string)body["name"]!, (string)body["email"]!, (string)body["phone"]!, (double)body["lat"]!, (double)body["lon"]!));
        }
        var (smallBeatLat, smallBeatLon) = ("43.2080", "76.8700");
        for (var i = 0; i < 3; i++) await factory.FileAppealAsync(guest, await factory.AppealBodyAsync(lat: double.Parse(smallBeatLat, CultureInfo.InvariantCulture), lon: double.Parse(smallBeatLon, CultureInfo.InvariantCulture)));
        // Incidents at exact points, imported as police.uk rows.
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var month = DateTime.UtcNow.AddHours(5).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var csv = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n"
            + string.Concat(Enumerable.Range(0, 4).Select(i => FormattableString.Invariant($"secret-crime-{i},{month},A,A,{76.921234 + i * 0.0001},{43.251234 + i * 0.0001},On or near Tole bi,,,Burglary,,\n")));
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/v1/incidents/import?format=police-uk", new StringContent(csv, Encoding.UTF8, "text/csv"))).StatusCode);

        using var anyone = factory.Client();
        var exports = new Dictionary<string, string>();
        foreach (var path in new[] { "/api/v1/open-data/appeals.csv", "/api/v1/open-data/appeals.json", "/api/v1/open-data/incidents.csv", "/api/v1/open-data/incidents.json" })
        {
            var response = await anyone.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            exports[path] = await response.Content.ReadAsStringAsync();
        }

        foreach (var (path, text) in exports)
        {
            foreach (var person in people)
            {
                Assert.DoesNotContain("Тұрсынова", text);
                Assert.DoesNotContain(person.Email, text);
                Assert.DoesNotContain(person.Phone.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal)[2..], text.Replace(" ", "", StringComparison.Ordinal));
                Assert.DoesNotContain(person.Lat.ToString("0.0000", CultureInfo.InvariantCulture), text);
                Assert.DoesNotContain(person.Lon.ToString("0.0000", CultureInfo.InvariantCulture), text);
            }
            Assert.DoesNotContain("900101300007", text);
            Assert.DoesNotContain("secret-crime", text);
            Assert.DoesNotContain("43.2512", text);
            Assert.DoesNotContain("76.9212", text);
            Assert.DoesNotContain("Loud music", text);
            Assert.DoesNotContain(smallBeatLat, text);
            Assert.DoesNotContain(smallBeatLon, text);
        }
        // The CSV columns are named as in the JSON and in docs/open-data.md.
        Assert.StartsWith("month,district,beat,received,decided,decidedOnTime,ratings,meanRating\r\n", exports["/api/v1/open-data/appeals.csv"], StringComparison.Ordinal);
        Assert.StartsWith("month,type,district,beat,latitude,longitude\r\n", exports["/api/v1/open-data/incidents.csv"], StringComparison.Ordinal);
        var jsonColumns = System.Text.Json.JsonDocument.Parse(exports["/api/v1/open-data/appeals.json"]).RootElement.EnumerateArray().First().EnumerateObject().Select(p => p.Name);
        Assert.Equal("month,district,beat,received,decided,decidedOnTime,ratings,meanRating", string.Join(",", jsonColumns));
        var beats = (await (await anyone.GetAsync($"/api/v1/beats/{beatId}")).JsonAsync()).GetProperty("code").GetString()!;
        var rows = (await (await anyone.GetAsync("/api/v1/open-data/appeals.json")).JsonAsync()).EnumerateArray().ToList();
        var mine = rows.Single(r => r.GetProperty("beat").GetString() == beats && r.GetProperty("month").GetString() == month);
        Assert.True(mine.GetProperty("received").GetInt32() >= 7);
        var (small, _) = await factory.BeatAtAsync(smallBeatLat, smallBeatLon);
        var smallCode = (await (await anyone.GetAsync($"/api/v1/beats/{small}")).JsonAsync()).GetProperty("code").GetString()!;
        var suppressed = rows.Single(r => r.GetProperty("beat").GetString() == smallCode && r.GetProperty("month").GetString() == month);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, suppressed.GetProperty("received").ValueKind);
        var incidents = (await (await anyone.GetAsync("/api/v1/open-data/incidents.json")).JsonAsync()).EnumerateArray().Where(i => i.GetProperty("type").GetString() == "Burglary").ToList();
        Assert.True(incidents.Count >= 4);
        Assert.All(incidents, i => Assert.Equal(beats, i.GetProperty("beat").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await anyone.GetAsync("/api/v1/open-data/appeals.csv?from=2026-13")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anyone.GetAsync("/api/v1/open-data/appeals.xml")).StatusCode);
        _ = districtId;
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Community;

/// <summary>A reception as each reader reads it: names, hours, the address, the date in words of her language, a calendar file.</summary>
public sealed class ReceptionWordingTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task BookingPage_InEnglish_ShowsALatinName_LocalHours_AndTheStreetAddress_AndOneDayOfTimes()
    {
        var (beatId, _) = await factory.BeatAtAsync("43.2510", "76.9210");
        using var en = factory.Client("en");

        var page = await (await en.GetAsync($"/beats/{beatId}/reception")).Content.ReadAsStringAsync();

        var inspector = System.Text.RegularExpressions.Regex.Match(page, "id=\"reception-inspector\">([^<]+)<").Groups[1].Value;
        Assert.Matches("^[A-Za-z' -]+$", inspector);
        Assert.Contains("Mon", System.Text.RegularExpressions.Regex.Match(page, "id=\"reception-hours\">([^<]+)<").Groups[1].Value);
        Assert.DoesNotContain("Mo-Fr", page);
        var located = await (await en.GetAsync("/api/v1/beats/locate?lat=43.2510&lon=76.9210")).JsonAsync();
        Assert.Contains(located.GetProperty("receptionPoint").GetProperty("address").GetString()!, System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "id=\"reception-place\">([^<]+)<").Groups[1].Value));
        var days = System.Text.RegularExpressions.Regex.Matches(page, "data-day=\"(\\d{4}-\\d{2}-\\d{2})\"").Select(m => m.Groups[1].Value).ToList();
        Assert.True(days.Count >= 5);
        var times = System.Text.RegularExpressions.Regex.Matches(page, "name=\"startsAt\" value=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(times);
        Assert.All(times, t => Assert.StartsWith(days[0], t));

        var second = await (await en.GetAsync($"/beats/{beatId}/reception?day={days[1]}")).Content.ReadAsStringAsync();
        Assert.All(System.Text.RegularExpressions.Regex.Matches(second, "name=\"startsAt\" value=\"([^\"]+)\"").Select(m => m.Groups[1].Value), t => Assert.StartsWith(days[1], t));
    }

    [Fact]
    public async Task Booking_InKazakh_IsConfirmedWithTheDateInKazakhWords_TheAddress_AndACalendarFile()
    {
        var (beatId, _) = await factory.BeatAtAsync("43.2510", "76.9210");
        using var kk = factory.Client("kk");
        var slots = await (await kk.GetAsync($"/api/v1/beats/{beatId}/reception-slots")).JsonAsync();
        var slot = DateTime.Parse(slots.GetProperty("slots")[1].GetString()!, CultureInfo.InvariantCulture);
        var email = $"kk-visitor-{Guid.NewGuid():N}@test.kz";
        var booked = await kk.PostAsJsonAsync($"/api/v1/beats/{beatId}/receptions",
            new { startsAt = slot.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture), name = "Айжан Сейтова", email, consent = true });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);

        var message = Assert.Single(await factory.DeliveredToAsync(email));
        var month = slot.ToString("MMMM", CultureInfo.GetCultureInfo("kk"));
        Assert.Contains(month, message.Body, StringComparison.OrdinalIgnoreCase);
        var located = await (await kk.GetAsync("/api/v1/beats/locate?lat=43.2510&lon=76.9210")).JsonAsync();
        Assert.Contains(located.GetProperty("receptionPoint").GetProperty("address").GetString()!, message.Body);
        var token = System.Text.RegularExpressions.Regex.Match(message.Body, "/receptions/([A-Za-z0-9_-]+)").Groups[1].Value;

        var ics = await kk.GetAsync($"/receptions/{token}?handler=Ics");
        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
        Assert.Equal("text/calendar", ics.Content.Headers.ContentType!.MediaType);
        var text = await ics.Content.ReadAsStringAsync();
        Assert.Contains("BEGIN:VEVENT", text);
        Assert.Contains("LOCATION:", text);
        Assert.Equal(HttpStatusCode.NotFound, (await kk.GetAsync("/receptions/not-a-token?handler=Ics")).StatusCode);
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Territory;

/// <summary>The supervisor's beats page: assignments go through the same scope check as the API.</summary>
public sealed partial class BeatsPageTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task BeatsPage_SupervisorAssignsInOwnDistrict_SavesAndSaysSo()
    {
        var (beatId, districtId) = await factory.BeatAtAsync("43.2600", "76.9400");
        using var supervisor = await factory.SignedInWithCookieAsync("supervisor.almaly@demo.kz", language: "ru");
        var page = await supervisor.GetStringAsync($"/territory/beats?district={districtId}");
        var officerId = OfficerOptions().Matches(page).Select(m => m.Groups[1].Value).First();

        var response = await supervisor.PostAsync($"/territory/beats?district={districtId}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["beatId"] = beatId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["officerId"] = officerId,
            ["__RequestVerificationToken"] = CookieSession.AntiforgeryToken(page),
        }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Назначение сохранено", await response.Content.ReadAsStringAsync());
        using var client = factory.Client();
        var card = await (await client.GetAsync($"/api/v1/beats/{beatId}")).JsonAsync();
        Assert.Equal(officerId, card.GetProperty("inspector").GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task BeatsPage_SupervisorOpensAnotherDistrict_IsDenied()
    {
        var (_, otherDistrict) = await factory.BeatAtAsync("43.3300", "77.0000");
        using var supervisor = await factory.SignedInWithCookieAsync("supervisor.almaly@demo.kz");
        var response = await supervisor.GetAsync($"/territory/beats?district={otherDistrict}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [GeneratedRegex("<option value=\"(\\d+)\">")]
    private static partial Regex OfficerOptions();
}

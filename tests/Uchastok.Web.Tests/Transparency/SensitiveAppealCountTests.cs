using System.Globalization;
using System.Net;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Transparency;

/// <summary>Appeals in a sensitive category count in no public figure: set against the Open311 list, which leaves them out, a count would give them away.</summary>
public sealed class SensitiveAppealCountTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task OpenData_CountsAppealsOutsideSensitiveCategoriesOnly()
    {
        const double lat = 43.2510, lon = 76.9210;
        using var guest = factory.Client();
        var domestic = await factory.CategoryIdAsync("domestic");
        for (var i = 0; i < 5; i++)
        {
            var body = await factory.AppealBodyAsync(lat, lon);
            body["categoryId"] = domestic;
            await factory.FileAppealAsync(guest, body);
        }
        for (var i = 0; i < 6; i++) await factory.FileAppealAsync(guest, await factory.AppealBodyAsync(lat, lon));
        var beat = await (await guest.GetAsync(FormattableString.Invariant($"/api/v1/beats/locate?lat={lat}&lon={lon}"))).JsonAsync();
        var beatCode = beat.GetProperty("beat").GetProperty("code").GetString();

        var response = await guest.GetAsync("/api/v1/open-data/appeals.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var month = DateTime.UtcNow.AddHours(5).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var row = (await response.JsonAsync()).EnumerateArray().Single(r => r.GetProperty("beat").GetString() == beatCode && r.GetProperty("month").GetString() == month);
        Assert.Equal(6, row.GetProperty("received").GetInt32());
    }
}

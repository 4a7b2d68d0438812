using System.Net;
using System.Net.Http.Json;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Evaluation;

/// <summary>The answers of the evaluation API that its named handlers translate from the module's results.</summary>
public sealed class EvaluationApiTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task Weights_OfADistrictThatDoesNotExist_Return404_BeforeAnyCheckOfTheBody()
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var response = await admin.PutAsJsonAsync("/api/v1/evaluation/districts/999999/weights", new { weights = new Dictionary<string, double>(), activitiesTarget = 0 });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("https://uchastok.kz/problems/Territory.DistrictNotFound", (await response.JsonAsync()).GetProperty("type").GetString());
    }

    [Fact]
    public async Task District_UnknownOrBadQuarter_Return404_And400()
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/v1/evaluation/districts/999999")).StatusCode);
        var (_, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync($"/api/v1/evaluation/districts/{districtId}?quarter=Q1-2026")).StatusCode);
    }
}

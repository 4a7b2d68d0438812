using System.Net;
using System.Text.Json;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Trust;

/// <summary>The trust index per beat, district and city: no number under 30 responses, the number and its interval from 30, and nothing per beat or per person in public.</summary>
public sealed class TrustIndexTests(SurveyAppFactory factory) : IClassFixture<SurveyAppFactory>
{
    [Fact]
    public async Task ABeat_ShowsNoNumberUnder30Responses_AndTheScoreWithItsIntervalFrom30()
    {
        var survey = await factory.OpenStandardSurveyAsync();
        var (_, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        var beatId = (await factory.BeatsOfAsync(districtId))[^1];
        var (_, place) = await factory.AddPlaceAsync(beatId);
        for (var i = 0; i < 29; i++)
        {
            using var resident = factory.Client();
            // Fourteen answer 5 everywhere (100), fifteen 4 (75), then one more 5: the mean of 30 is (15 × 100 + 15 × 75) / 30 = 87.5.
            Assert.Equal(HttpStatusCode.Created, (await resident.AnswerAsync(survey, SurveyClient.Answers(survey, i < 14 ? 5 : 4), place)).StatusCode);
        }
        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");

        var before = Beat(await (await supervisor.GetAsync($"/api/v1/trust/districts/{districtId}")).JsonAsync(), beatId);
        using (var last = factory.Client()) await last.AnswerAsync(survey, SurveyClient.Answers(survey, 5), place);
        var after = Beat(await (await supervisor.GetAsync($"/api/v1/trust/districts/{districtId}")).JsonAsync(), beatId);

        Assert.Equal(29, before.GetProperty("responses").GetInt32());
        Assert.Equal("NotEnoughResponses", before.GetProperty("overall").GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, before.GetProperty("overall").GetProperty("score").ValueKind);
        var overall = after.GetProperty("overall");
        Assert.Equal("Shown", overall.GetProperty("status").GetString());
        Assert.Equal(87.5, overall.GetProperty("score").GetDouble(), 1);
        // s = 12.71 (15 at 100, 15 at 75), se = s / √30 = 2.32, t(29) = 2.045: 87.5 ± 4.7.
        Assert.Equal(82.8, overall.GetProperty("low").GetDouble(), 1);
        Assert.Equal(92.2, overall.GetProperty("high").GetDouble(), 1);
        Assert.Equal(87.5, after.GetProperty("criteria").GetProperty("Fairness").GetProperty("score").GetDouble(), 1);
        // The page shows the same number.
        var page = await (await supervisor.GetAsync($"/trust/dashboard?district={districtId}")).Content.ReadAsStringAsync();
        Assert.Contains($"data-area=\"{beatId}\" data-responses=\"30\"", page);
    }

    [Fact]
    public async Task PublicFigures_HaveCityAndDistricts_NeverBeatsOrText()
    {
        var survey = await factory.OpenStandardSurveyAsync();
        var (beatId, _) = await factory.BeatAtAsync("43.2510", "76.9210");
        var (_, place) = await factory.AddPlaceAsync(beatId);
        using (var resident = factory.Client()) await resident.AnswerAsync(survey, SurveyClient.Answers(survey, 3, text: "Secret remark 4471"), place);
        using var anonymous = factory.Client("ru");

        var response = await anonymous.GetAsync("/api/v1/trust");
        var body = await response.Content.ReadAsStringAsync();
        var report = JsonDocument.Parse(body).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(report.GetProperty("city").GetProperty("responses").GetInt32() >= 1);
        Assert.Equal(0, report.GetProperty("beats").GetArrayLength());
        Assert.True(report.GetProperty("districts").GetArrayLength() >= 2);
        Assert.DoesNotContain("Secret remark", body);
        var page = await (await anonymous.GetAsync("/trust")).Content.ReadAsStringAsync();
        Assert.Contains("Доверие к полиции Алматы", page);
        Assert.DoesNotContain("Secret remark", page);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/api/v1/trust?quarter=2026-Q5")).StatusCode);
    }

    private static JsonElement Beat(JsonElement report, int beatId) =>
        report.GetProperty("beats").EnumerateArray().Single(b => b.GetProperty("id").GetInt32() == beatId);
}

/// <summary>The host with population shares configured: two cells, half the population each.</summary>
public sealed class WeightedSurveyAppFactory : SurveyAppFactory
{
    public WeightedSurveyAppFactory() => Settings = new Dictionary<string, string>
    {
        ["Trust:PopulationShares:0:AgeBand"] = "From18To29",
        ["Trust:PopulationShares:0:Sex"] = "Male",
        ["Trust:PopulationShares:0:Share"] = "0.5",
        ["Trust:PopulationShares:1:AgeBand"] = "From60",
        ["Trust:PopulationShares:1:Sex"] = "Female",
        ["Trust:PopulationShares:1:Share"] = "0.5",
    };
}

public sealed class WeightedTrustIndexTests(WeightedSurveyAppFactory factory) : IClassFixture<WeightedSurveyAppFactory>
{
    [Fact]
    public async Task WithPopulationShares_ASkewedSampleIsPostStratified()
    {
        var survey = await factory.OpenStandardSurveyAsync();
        var (_, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        var beatId = (await factory.BeatsOfAsync(districtId))[0];
        var (_, place) = await factory.AddPlaceAsync(beatId);
        // 25 young men answering 2 everywhere (25 points) and 5 women of 60+ answering 5 (100 points):
        // unweighted (25·25 + 5·100) / 30 = 37.5; weighted to half and half, 0.5·25 + 0.5·100 = 62.5.
        for (var i = 0; i < 30; i++)
        {
            using var resident = factory.Client();
            var body = i < 25 ? SurveyClient.Answers(survey, 2, ageBand: "From18To29", sex: "Male") : SurveyClient.Answers(survey, 5, ageBand: "From60", sex: "Female");
            Assert.Equal(HttpStatusCode.Created, (await resident.AnswerAsync(survey, body, place)).StatusCode);
        }
        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");

        var report = await (await supervisor.GetAsync($"/api/v1/trust/districts/{districtId}")).JsonAsync();
        var overall = report.GetProperty("beats").EnumerateArray().Single(b => b.GetProperty("id").GetInt32() == beatId).GetProperty("overall");

        Assert.True(overall.GetProperty("weighted").GetBoolean());
        Assert.Equal(62.5, overall.GetProperty("score").GetDouble(), 1);
        Assert.Contains("class=\"weighted\"", await (await supervisor.GetAsync($"/trust/dashboard?district={districtId}")).Content.ReadAsStringAsync());
    }
}

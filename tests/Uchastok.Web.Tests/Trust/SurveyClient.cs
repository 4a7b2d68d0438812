using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Trust;

/// <summary>The host with a survey rate limit high enough for tests that send many answers from the one test network.</summary>
public class SurveyAppFactory : UchastokAppFactory
{
    protected virtual int ResponsesPerNetworkPerHour => 100_000;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Trust:ResponsesPerNetworkPerHour", ResponsesPerNetworkPerHour.ToString(CultureInfo.InvariantCulture));
    }
}

/// <summary>The same, with a limit of three answers per network and hour.</summary>
public sealed class LimitedSurveyAppFactory : SurveyAppFactory
{
    protected override int ResponsesPerNetworkPerHour => 3;
}

/// <summary>Making surveys and places and answering them through the API, as administrators and residents would.</summary>
public static class SurveyClient
{
    public sealed record OpenSurvey(int Id, string Code, IReadOnlyList<JsonElement> Questions)
    {
        public IEnumerable<JsonElement> Scale => Questions.Where(q => q.GetProperty("kind").GetString() == "Likert");
        public JsonElement FreeText => Questions.Single(q => q.GetProperty("kind").GetString() == "FreeText");
    }

    /// <summary>A survey from the standard trust questions, opened.</summary>
    public static async Task<OpenSurvey> OpenStandardSurveyAsync(this UchastokAppFactory factory, bool afterAppeals = false)
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var code = "trust-" + Guid.NewGuid().ToString("N")[..10];
        var created = await admin.PostAsJsonAsync("/api/v1/admin/surveys", new { code, useStandardQuestions = true });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/admin/surveys/{id}/status", new { status = "Open", afterAppeals = afterAppeals ? true : (bool?)null })).StatusCode);
        var survey = await (await admin.GetAsync($"/api/v1/admin/surveys/{id}")).JsonAsync();
        return new OpenSurvey(id, code, survey.GetProperty("questions").EnumerateArray().ToList());
    }

    public static async Task<(int Id, string Code)> AddPlaceAsync(this UchastokAppFactory factory, int beatId, string kind = "TransportHub")
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var response = await admin.PostAsJsonAsync("/api/v1/admin/survey-places", new { kind, nameKk = "Сайран автобекеті", nameRu = "Автовокзал Сайран", nameEn = "Sairan bus station", beatId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var place = await response.JsonAsync();
        return (place.GetProperty("id").GetInt32(), place.GetProperty("code").GetString()!);
    }

    /// <summary>Every scale item answered with <paramref name="score"/>, and the open question when <paramref name="text"/> is given.</summary>
    public static object Answers(OpenSurvey survey, int score, string? text = null, string? ageBand = null, string? sex = null, int? beatId = null) => new
    {
        answers = survey.Scale.Select(q => (object)new { questionId = q.GetProperty("id").GetInt32(), score })
            .Concat(text is null ? [] : [new { questionId = survey.FreeText.GetProperty("id").GetInt32(), text }]).ToList(),
        ageBand, sex, beatId,
    };

    public static Task<HttpResponseMessage> AnswerAsync(this HttpClient client, OpenSurvey survey, object body, string? place = null) =>
        client.PostAsJsonAsync($"/api/v1/surveys/{survey.Code}/responses" + (place is null ? "" : $"?p={place}"), body);

    /// <summary>The active beats of a district, in order.</summary>
    public static async Task<IReadOnlyList<int>> BeatsOfAsync(this UchastokAppFactory factory, int districtId)
    {
        using var client = factory.Client();
        return (await (await client.GetAsync($"/api/v1/districts/{districtId}/beats")).JsonAsync()).EnumerateArray().Select(b => b.GetProperty("id").GetInt32()).ToList();
    }

    public static async Task<int> ResponsesAsync(this UchastokAppFactory factory, int surveyId)
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        return (await (await admin.GetAsync($"/api/v1/admin/surveys/{surveyId}")).JsonAsync()).GetProperty("responses").GetInt32();
    }
}

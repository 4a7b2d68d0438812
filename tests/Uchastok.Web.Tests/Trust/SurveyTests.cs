using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Notifications;
using Uchastok.Web.Tests.Support;
using UglyToad.PdfPig;

namespace Uchastok.Web.Tests.Trust;

/// <summary>Surveys (C8): built in three languages, answered without a login once per quarter, through a link, a place's QR code or an appeal's answer.</summary>
public sealed class SurveyTests(SurveyAppFactory factory) : IClassFixture<SurveyAppFactory>
{
    [Fact]
    public async Task StandardSurvey_HasTheFiveCriteriaInThreeLanguages_AndIsAnsweredOnlyOnceOpen()
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var code = "draft-" + Guid.NewGuid().ToString("N")[..8];
        var created = await (await admin.PostAsJsonAsync("/api/v1/admin/surveys", new { code, useStandardQuestions = true })).JsonAsync();
        var id = created.GetProperty("id").GetInt32();
        var questions = created.GetProperty("questions").EnumerateArray().ToList();
        Assert.Equal(11, questions.Count);
        Assert.Equal(["CommunityInteraction", "ComplaintHandling", "Fairness", "Openness", "Professionalism"],
            questions.Where(q => q.GetProperty("kind").GetString() == "Likert").Select(q => q.GetProperty("criterion").GetString()!).Distinct().Order());
        Assert.All(questions, q => Assert.False(string.IsNullOrWhiteSpace(q.GetProperty("textKk").GetString())));
        using var kazakh = factory.Client("kk");
        Assert.Equal(HttpStatusCode.NotFound, (await kazakh.GetAsync($"/api/v1/surveys/{code}")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/admin/surveys/{id}/status", new { status = "Open" })).StatusCode);

        var form = await (await kazakh.GetAsync($"/api/v1/surveys/{code}")).JsonAsync();
        Assert.Equal("Сіздің ауданыңыздағы полицияға сенім", form.GetProperty("survey").GetProperty("title").GetString());
        Assert.StartsWith("Учаскелік инспектор", form.GetProperty("survey").GetProperty("questions")[0].GetProperty("text").GetString());
        Assert.Contains("Полиция тұрғындарға құрметпен қарайды.", await (await kazakh.GetAsync($"/survey/{code}")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Questions_AreChecked_AndAnOpenSurveysQuestionsCannotChange()
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz", language: "ru");
        var created = await (await admin.PostAsJsonAsync("/api/v1/admin/surveys", new { code = "q-" + Guid.NewGuid().ToString("N")[..8], titleKk = "Сауалнама", titleRu = "Опрос", titleEn = "Survey" })).JsonAsync();
        var id = created.GetProperty("id").GetInt32();
        async Task<HttpResponseMessage> Add(object body) => await admin.PostAsJsonAsync($"/api/v1/admin/surveys/{id}/questions", body);

        var noCriterion = await Add(new { kind = "Likert", textKk = "Сұрақ", textRu = "Вопрос", textEn = "Question", required = true });
        var oneOption = await Add(new { kind = "SingleChoice", textKk = "Сұрақ", textRu = "Вопрос", textEn = "Question", options = new[] { new { kk = "Иә", ru = "Да", en = "Yes" } } });
        var taggedText = await Add(new { kind = "FreeText", textKk = "Сұрақ", textRu = "Вопрос", textEn = "Question", criterion = "Openness" });
        var noKazakh = await Add(new { kind = "FreeText", textRu = "Вопрос", textEn = "Question" });

        Assert.Equal(HttpStatusCode.BadRequest, noCriterion.StatusCode);
        Assert.True((await noCriterion.JsonAsync()).HasError("criterion"));
        Assert.Contains("критерий доверия", (await (await Add(new { kind = "Likert", textKk = "С", textRu = "В", textEn = "Q" })).JsonAsync()).GetProperty("errors").GetProperty("criterion")[0].GetString());
        Assert.True((await oneOption.JsonAsync()).HasError("options"));
        Assert.True((await taggedText.JsonAsync()).HasError("criterion"));
        Assert.True((await noKazakh.JsonAsync()).HasError("text"));
        Assert.Equal(0, (await (await admin.GetAsync($"/api/v1/admin/surveys/{id}")).JsonAsync()).GetProperty("questions").GetArrayLength());
        Assert.True((await (await admin.PostAsJsonAsync($"/api/v1/admin/surveys/{id}/status", new { status = "Open" })).JsonAsync()).HasError("status"));

        Assert.Equal(HttpStatusCode.NoContent, (await Add(new { kind = "MultipleChoice", textKk = "Не мазалайды?", textRu = "Что беспокоит?", textEn = "What worries you?",
            options = new[] { new { kk = "Шу", ru = "Шум", en = "Noise" }, new { kk = "Ұрлық", ru = "Кражи", en = "Theft" } } })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/admin/surveys/{id}/status", new { status = "Open" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Add(new { kind = "FreeText", textKk = "Сұрақ", textRu = "Вопрос", textEn = "Question" })).StatusCode);
        Assert.Equal(1, (await (await admin.GetAsync($"/api/v1/admin/surveys/{id}")).JsonAsync()).GetProperty("questions").GetArrayLength());
    }

    [Fact]
    public async Task ABrowser_AnswersOncePerQuarter_AndAnotherBrowserStillCan()
    {
        var survey = await factory.OpenStandardSurveyAsync();
        using var first = factory.Client();

        var answered = await first.AnswerAsync(survey, SurveyClient.Answers(survey, 4));
        var again = await first.AnswerAsync(survey, SurveyClient.Answers(survey, 1));
        using var second = factory.Client();
        var other = await second.AnswerAsync(survey, SurveyClient.Answers(survey, 5));

        Assert.Equal(HttpStatusCode.Created, answered.StatusCode);
        Assert.Contains(answered.Headers.GetValues("Set-Cookie"), c => c.StartsWith($"uchastok.survey.{survey.Id}=", StringComparison.Ordinal) && c.Contains("httponly", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.Equal(2, await factory.ResponsesAsync(survey.Id));
        // The page says so too, instead of the form.
        var page = await (await first.GetAsync($"/survey/{survey.Code}")).Content.ReadAsStringAsync();
        Assert.Contains("id=\"survey-already\"", page);
        Assert.DoesNotContain("id=\"survey-form\"", page);
    }

    [Fact]
    public async Task BadAnswers_AreRefusedInTheirLanguage_AndStoreNothing()
    {
        var survey = await factory.OpenStandardSurveyAsync();
        using var russian = factory.Client("ru");
        var scale = survey.Scale.Select(q => q.GetProperty("id").GetInt32()).ToList();

        var outOfRange = await russian.AnswerAsync(survey, new { answers = scale.Select(id => new { questionId = id, score = id == scale[0] ? 7 : 3 }) });
        var missing = await russian.AnswerAsync(survey, new { answers = scale.Skip(1).Select(id => new { questionId = id, score = 3 }) });
        var unknown = await russian.AnswerAsync(survey, new { answers = scale.Select(id => new { questionId = id, score = 3 }).Append(new { questionId = 999_999, score = 3 }) });
        var badAge = await russian.AnswerAsync(survey, SurveyClient.Answers(survey, 3, ageBand: "From10To12"));
        var badBeat = await russian.AnswerAsync(survey, SurveyClient.Answers(survey, 3, beatId: 999_999));

        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Equal("Выберите значение от 1 до 5.", (await outOfRange.JsonAsync()).GetProperty("errors").GetProperty($"q{scale[0]}")[0].GetString());
        Assert.Equal("Пожалуйста, ответьте на этот вопрос.", (await missing.JsonAsync()).GetProperty("errors").GetProperty($"q{scale[0]}")[0].GetString());
        Assert.True((await unknown.JsonAsync()).HasError("answers"));
        Assert.True((await badAge.JsonAsync()).HasError("ageBand"));
        Assert.True((await badBeat.JsonAsync()).HasError("beatId"));
        Assert.Equal(0, await factory.ResponsesAsync(survey.Id));
        // A refused answer leaves no cookie: the person can correct and send.
        Assert.Equal(HttpStatusCode.Created, (await russian.AnswerAsync(survey, SurveyClient.Answers(survey, 3))).StatusCode);
    }

    [Fact]
    public async Task QrCode_DecodesToThePlacesLink_AndItsAnswersCountForThePlacesBeat()
    {
        var survey = await factory.OpenStandardSurveyAsync();
        var (_, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        var beatId = (await factory.BeatsOfAsync(districtId))[1];
        var (placeId, placeCode) = await factory.AddPlaceAsync(beatId);
        using var admin = await factory.SignedInAsync("admin@demo.kz");

        var png = await admin.GetAsync($"/api/v1/admin/survey-places/{placeId}/qr.png?survey={survey.Code}");

        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        var link = QrCodes.Decode(await png.Content.ReadAsByteArrayAsync());
        var publicUrl = factory.Services.GetRequiredService<NotificationSettings>().PublicUrl.TrimEnd('/');
        Assert.Equal($"{publicUrl}/survey/{survey.Code}?p={placeCode}", link);
        using var resident = factory.Client("kk");
        var page = await (await resident.GetAsync(new Uri(link).PathAndQuery)).Content.ReadAsStringAsync();
        Assert.Contains("Сайран автобекеті", page);
        Assert.Equal(HttpStatusCode.Created, (await resident.AnswerAsync(survey, SurveyClient.Answers(survey, 5, text: "Жарықтандыру керек"), placeCode)).StatusCode);
        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");
        var texts = await (await supervisor.GetAsync($"/api/v1/trust/beats/{beatId}/free-text")).JsonAsync();
        Assert.Contains(texts.EnumerateArray(), t => t.GetProperty("text").GetString() == "Жарықтандыру керек");
        // A place's code does not work once the place is retired.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/admin/survey-places/{placeId}/active", new { active = false })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Client().GetAsync($"/api/v1/surveys/{survey.Code}?p={placeCode}")).StatusCode);
    }

    [Fact]
    public async Task Poster_IsAPdfInThreeLanguages_WithTheCodeOnIt()
    {
        var survey = await factory.OpenStandardSurveyAsync();
        var (_, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        var (placeId, _) = await factory.AddPlaceAsync((await factory.BeatsOfAsync(districtId))[2]);
        using var admin = await factory.SignedInAsync("admin@demo.kz");

        var response = await admin.GetAsync($"/api/v1/admin/survey-places/{placeId}/poster.pdf?survey={survey.Code}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var page = pdf.GetPage(1);
        var text = string.Join(" ", page.GetWords().Select(w => w.Text));
        Assert.Contains("полицияға", text);
        Assert.Contains("Доверие", text);
        Assert.Contains("Trust", text);
        Assert.Contains("Кодты", text);
        Assert.Contains($"/survey/{survey.Code}?p=", text);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/admin/survey-places/{placeId}/poster.pdf?survey=no-such")).StatusCode);
    }

    [Fact]
    public async Task AfterAppealSurvey_ComesWithTheAnswer_AndIsAnsweredOncePerAppeal()
    {
        var survey = await factory.OpenStandardSurveyAsync(afterAppeals: true);
        using var guest = factory.Client("kk");
        var email = $"after-{Guid.NewGuid():N}@test.kz";
        var body = await factory.AppealBodyAsync(email: email);
        var (number, token, _) = await factory.FileAppealAsync(guest, body);
        await factory.ConfirmContactAsync(guest, token, email);
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        Assert.Equal(HttpStatusCode.OK, (await inspector.ActAsync(number, "start")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await inspector.ActAsync(number, "answer", new { answer = "Көршілермен сөйлестік." })).StatusCode);

        var messages = await factory.DeliveredToAsync(email);
        Assert.Contains(messages, m => m.Body.Contains($"/appeals/track/{token}/survey", StringComparison.Ordinal));
        var page = await (await guest.GetAsync($"/appeals/track/{token}/survey")).Content.ReadAsStringAsync();
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = CookieSession.AntiforgeryToken(page) };
        foreach (var q in survey.Scale) form[$"q{q.GetProperty("id").GetInt32()}"] = "4";
        var sent = await guest.PostAsync($"/appeals/track/{token}/survey", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains("id=\"survey-thanks\"", await sent.Content.ReadAsStringAsync());
        Assert.Equal(1, await factory.ResponsesAsync(survey.Id));
        // The link is spent: another browser with it gets the kind page, not the form.
        using var other = factory.Client("kk");
        var spent = await other.GetAsync($"/appeals/track/{token}/survey");
        Assert.Equal(HttpStatusCode.NotFound, spent.StatusCode);
        Assert.Contains("id=\"survey-unavailable\"", await spent.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AfterAComplaintAboutTheInspector_TheAnswersCountForTheDistrict_AndHeNeverReadsThem()
    {
        var survey = await factory.OpenStandardSurveyAsync(afterAppeals: true);
        var (beatId, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        using var guest = factory.Client("ru");
        var body = await factory.AppealBodyAsync();
        body["kind"] = "complaint";
        body["categoryId"] = await factory.CategoryIdAsync("officer-conduct");
        body["aboutPoliceOfficer"] = true;
        body["concernsBeatInspector"] = true;
        var (number, token, _) = await factory.FileAppealAsync(guest, body);
        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");
        Assert.Equal(HttpStatusCode.OK, (await supervisor.ActAsync(number, "start")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.ActAsync(number, "answer", new { answer = "Проверка проведена.", complaintUpheld = false })).StatusCode);
        var page = await (await guest.GetAsync($"/appeals/track/{token}/survey")).Content.ReadAsStringAsync();
        var form = new Dictionary<string, string> { ["__RequestVerificationToken"] = CookieSession.AntiforgeryToken(page) };
        foreach (var q in survey.Scale) form[$"q{q.GetProperty("id").GetInt32()}"] = "1";
        form[$"q{survey.FreeText.GetProperty("id").GetInt32()}"] = "Участковый грубил мне при свидетелях";

        Assert.Equal(HttpStatusCode.OK, (await guest.PostAsync($"/appeals/track/{token}/survey", new FormUrlEncodedContent(form))).StatusCode);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Uchastok.Web.Shared.Data.UchastokDbContext>();
        var stored = await db.SurveyResponses.AsNoTracking().SingleAsync(r => r.SurveyId == survey.Id);
        Assert.Null(stored.BeatId);
        Assert.Equal(districtId, stored.DistrictId);
        // Only the week is kept, never the day.
        Assert.Equal(DayOfWeek.Monday, stored.SubmittedWeek.DayOfWeek);
        // The link's use is a hash that names neither the appeal nor its token.
        var uses = await db.SurveyTokenUses.AsNoTracking().Select(u => u.Hash).ToListAsync();
        Assert.DoesNotContain(uses, h => h.Contains(token, StringComparison.Ordinal) || h == Uchastok.Web.Shared.Security.Secrets.Hash(token));
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        var texts = await (await inspector.GetAsync($"/api/v1/trust/beats/{beatId}/free-text")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("грубил", texts);
    }

    [Fact]
    public async Task FreeText_IsShownWithPersonalDataBlanked_AndOnlyWithinScope()
    {
        var survey = await factory.OpenStandardSurveyAsync();
        var (inspectorBeat, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        var otherBeat = (await factory.BeatsOfAsync(districtId)).First(b => b != inspectorBeat);
        var (_, place) = await factory.AddPlaceAsync(inspectorBeat);
        using var resident = factory.Client();
        await resident.AnswerAsync(survey, SurveyClient.Answers(survey, 2, text: "Call me on +7 701 123 45 67 or write to aigul@mail.kz"), place);

        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        var own = await (await inspector.GetAsync($"/api/v1/trust/beats/{inspectorBeat}/free-text")).JsonAsync();
        var shown = own.EnumerateArray().Single(t => t.GetProperty("text").GetString()!.StartsWith("Call me", StringComparison.Ordinal)).GetProperty("text").GetString()!;
        Assert.DoesNotContain("701", shown);
        Assert.DoesNotContain("aigul", shown);
        Assert.Contains("***", shown);

        Assert.Equal(HttpStatusCode.NotFound, (await inspector.GetAsync($"/api/v1/trust/beats/{otherBeat}/free-text")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await inspector.GetAsync($"/trust/free-text?beat={otherBeat}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.GetAsync($"/api/v1/trust/districts/{districtId}")).StatusCode);
        var (_, otherDistrict) = await factory.BeatAtAsync("43.2080", "76.8700");
        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync($"/api/v1/trust/districts/{otherDistrict}")).StatusCode);
        using var residentAccount = await factory.SignedInAsync("resident1@demo.kz");
        Assert.Equal(HttpStatusCode.Forbidden, (await residentAccount.GetAsync($"/api/v1/trust/beats/{inspectorBeat}/free-text")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Client().GetAsync("/api/v1/admin/surveys")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await inspector.GetAsync("/api/v1/admin/surveys")).StatusCode);
    }
}

/// <summary>The per-network limit: clearing cookies does not buy unlimited answers.</summary>
public sealed class SurveyRateLimitTests(LimitedSurveyAppFactory factory) : IClassFixture<LimitedSurveyAppFactory>
{
    [Fact]
    public async Task AnswersFromOneNetwork_BeyondTheHourlyLimit_AreRefusedWith429_AndNotStored()
    {
        var survey = await factory.OpenStandardSurveyAsync();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            // A new client each time: no cookie, as if the person cleared it.
            using var client = factory.Client("kk");
            statuses.Add((await client.AnswerAsync(survey, SurveyClient.Answers(survey, 4))).StatusCode);
        }
        using var last = factory.Client("kk");
        var refused = await last.AnswerAsync(survey, SurveyClient.Answers(survey, 4));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null);
        // An API client reads problem+json, in its language.
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("желіңізден", (await refused.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(3, await factory.ResponsesAsync(survey.Id));
        // Reading the form is not limited.
        Assert.Equal(HttpStatusCode.OK, (await last.GetAsync($"/api/v1/surveys/{survey.Code}")).StatusCode);
    }
}

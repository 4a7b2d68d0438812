using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Safety;
using Uchastok.Web.Tests.Community;
using Uchastok.Web.Tests.Support;
using Uchastok.Web.Tests.Trust;
using static Uchastok.Web.Tests.Safety.SafetyTestData;

namespace Uchastok.Web.Tests.Safety;

/// <summary>The host with a low notice limit, so a test can reach it.</summary>
public sealed class SafetyNoticeFactory : UchastokAppFactory
{
    /// <summary>inspector1 sends one notice in each of three tests of the class; the supervisor reaches the limit in one.</summary>
    public const int Limit = 3;

    public SafetyNoticeFactory() => Settings = new Dictionary<string, string> { ["Safety:NoticesPerAccountPerHour"] = Limit.ToString(CultureInfo.InvariantCulture) };
}

/// <summary>
/// Safety notices from a report (issue 19): the officer's own words reach the beat's (and the district's) confirmed
/// subscribers only, each in his language or the fallback, never the report's text, with a working unsubscribe link;
/// the incident records the step; bad input, another beat's report and too many notices send nothing.
/// </summary>
public sealed class SafetyNoticeTests(SafetyNoticeFactory factory) : IClassFixture<SafetyNoticeFactory>
{
    private async Task<long> ReportAsync(string text)
    {
        using var resident = factory.Client();
        var reference = (await FileAsync(resident, Report(text))).GetProperty("reference").GetString();
        return await WithDbAsync(factory, db => db.SafetyIncidents.Where(i => i.Reference == reference).Select(i => i.Id).SingleAsync());
    }

    private static string Mail(string who) => $"{who}-{Guid.NewGuid():N}@test.kz";

    [Fact]
    public async Task Notice_ReachesTheBeatsConfirmedSubscribersInTheirLanguageOrTheFallback_NeverTheReport_AndRecordsTheStep()
    {
        var (beatId, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        var otherBeat = (await factory.BeatsOfAsync(districtId)).First(b => b != beatId);
        var secret = $"Neighbour Bolat Serikuly in flat {Random.Shared.Next(100, 999)} deals at night";
        var report = await ReportAsync(secret);
        string kazakh = Mail("kk"), russian = Mail("ru"), english = Mail("en"), pending = Mail("pending"), elsewhere = Mail("elsewhere");
        await MailingTests.SubscribeAndConfirmAsync(factory, beatId, kazakh, "kk");
        var russianToken = await MailingTests.SubscribeAndConfirmAsync(factory, beatId, russian, "ru");
        await MailingTests.SubscribeAndConfirmAsync(factory, beatId, english, "en");
        await MailingTests.SubscribeAndConfirmAsync(factory, beatId, pending, "ru", confirm: false);
        await MailingTests.SubscribeAndConfirmAsync(factory, otherBeat, elsewhere, "ru");
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        var marker = Guid.NewGuid().ToString("N")[..8];

        // Written in Kazakh and Russian only: the English subscriber gets the fallback, Kazakh.
        var response = await inspector.PostAsJsonAsync($"/api/v1/safety/reports/{report}/notice",
            new { textKk = $"Кешкі уақытта аулада сақ болыңыз. {marker}", textRu = $"Будьте осторожны во дворе вечером. {marker}" });

        Assert.True(HttpStatusCode.Created == response.StatusCode, await response.Content.ReadAsStringAsync());
        var view = await response.JsonAsync();
        var mailingId = view.GetProperty("mailingId").GetInt32();
        var toKazakh = (await factory.DeliveredToAsync(kazakh)).Single(m => m.Body.Contains(marker, StringComparison.Ordinal));
        var toRussian = (await factory.DeliveredToAsync(russian)).Single(m => m.Body.Contains(marker, StringComparison.Ordinal));
        var toEnglish = (await factory.DeliveredToAsync(english)).Single(m => m.Body.Contains(marker, StringComparison.Ordinal));
        Assert.StartsWith("Кешкі уақытта", toKazakh.Body);
        Assert.Equal("Учаскелік полиция инспекторыңыздан қауіпсіздік туралы хабарлама", toKazakh.Subject);
        Assert.StartsWith("Будьте осторожны", toRussian.Body);
        Assert.Equal("Уведомление о безопасности от вашего участкового инспектора", toRussian.Subject);
        Assert.StartsWith("Кешкі уақытта", toEnglish.Body);
        Assert.Equal("Safety notice from your district police inspector", toEnglish.Subject);
        Assert.Contains("Unsubscribe: ", toEnglish.Body);
        Assert.DoesNotContain(await factory.DeliveredToAsync(pending), m => m.Body.Contains(marker, StringComparison.Ordinal));
        Assert.DoesNotContain(await factory.DeliveredToAsync(elsewhere), m => m.Body.Contains(marker, StringComparison.Ordinal));
        foreach (var message in new[] { toKazakh, toRussian, toEnglish })
        {
            Assert.DoesNotContain("Bolat", message.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("Bolat", message.Subject, StringComparison.Ordinal);
        }
        Assert.Equal(3, view.GetProperty("recipients").GetInt32());

        var steps = await WithDbAsync(factory, db => db.SafetyIncidentSteps.AsNoTracking().Where(s => s.IncidentId == report).OrderBy(s => s.Id).ToListAsync());
        var step = Assert.Single(steps, s => s.Step == SafetySteps.NoticeSent);
        Assert.Equal(mailingId.ToString(CultureInfo.InvariantCulture), step.Note);
        Assert.NotNull(step.ByUserId);
        var mailing = await WithDbAsync(factory, db => db.Mailings.AsNoTracking().SingleAsync(m => m.Id == mailingId));
        Assert.Equal((Uchastok.Web.Community.MailingKind.SafetyAlert, (int?)beatId), (mailing.Kind, mailing.BeatId));
        Assert.DoesNotContain("Bolat", mailing.TextEn + mailing.TextKk + mailing.TextRu, StringComparison.Ordinal);

        // The link at the foot of the notice leaves, as for every mailing.
        var footToken = System.Text.RegularExpressions.Regex.Match(toRussian.Body, @"/subscriptions/([A-Za-z0-9_-]+)").Groups[1].Value;
        Assert.Equal(russianToken, footToken);
        Assert.Equal(HttpStatusCode.NoContent, (await factory.Client().PostAsync($"/api/v1/subscriptions/{footToken}/unsubscribe", null)).StatusCode);
    }

    public static TheoryData<string, string> BadNotices() => new()
    {
        { """{}""", "text" },
        { """{"textKk":"  ","textRu":"","textEn":null}""", "text" },
        { $$"""{"textRu":"{{new string('а', Uchastok.Web.Community.Mailings.MaxTextLength + 1)}}"}""", "textRu" },
        { """{"textEn":42}""", "textEn" },
    };

    [Theory]
    [MemberData(nameof(BadNotices))]
    public async Task Notice_BadInput_IsRefusedInTheCallersLanguage_AndNothingIsSent(string body, string field)
    {
        var report = await ReportAsync("Lamps out along the path");
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz", language: "ru");
        var mailings = await WithDbAsync(factory, db => db.Mailings.CountAsync());

        var response = await inspector.PostAsync($"/api/v1/safety/reports/{report}/notice", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var message = (await response.JsonAsync()).GetProperty("errors").GetProperty(field)[0].GetString()!;
        Assert.Matches("[а-яА-Я]", message);
        Assert.Equal(mailings, await WithDbAsync(factory, db => db.Mailings.CountAsync()));
        Assert.False(await WithDbAsync(factory, db => db.SafetyIncidentSteps.AnyAsync(s => s.IncidentId == report && s.Step == SafetySteps.NoticeSent)));
    }

    [Fact]
    public async Task Notice_AnotherBeatsInspector_Gets404_AndNothingIsSent()
    {
        var report = await ReportAsync("A car without plates parked for weeks");
        using var other = await factory.SignedInAsync("inspector2@demo.kz");
        var mailings = await WithDbAsync(factory, db => db.Mailings.CountAsync());

        var response = await other.PostAsJsonAsync($"/api/v1/safety/reports/{report}/notice", new { textEn = "Careful" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(mailings, await WithDbAsync(factory, db => db.Mailings.CountAsync()));
    }

    [Fact]
    public async Task Notice_TheLimitPerAccountBites_AndTheRefusalSaysTheNumber()
    {
        var report = await ReportAsync("Broken glass on the playground");
        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");
        for (var i = 0; i < SafetyNoticeFactory.Limit; i++)
            Assert.Equal(HttpStatusCode.Created, (await supervisor.PostAsJsonAsync($"/api/v1/safety/reports/{report}/notice", new { textRu = $"Осторожно, стекло {i}" })).StatusCode);
        var mailings = await WithDbAsync(factory, db => db.Mailings.CountAsync());

        var refused = await supervisor.PostAsJsonAsync($"/api/v1/safety/reports/{report}/notice", new { textRu = "Ещё одно" });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains(SafetyNoticeFactory.Limit.ToString(CultureInfo.InvariantCulture), (await refused.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(mailings, await WithDbAsync(factory, db => db.Mailings.CountAsync()));
        // Another account is not held back by this one's notices.
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        Assert.Equal(HttpStatusCode.Created, (await inspector.PostAsJsonAsync($"/api/v1/safety/reports/{report}/notice", new { textKk = "Абайлаңыз" })).StatusCode);
    }

    /// <summary>An alarm on inspector1's beat, from a device the administrator registers there.</summary>
    private async Task<long> AlarmAsync()
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var registered = await (await admin.PostAsJsonAsync("/api/v1/safety/devices",
            new { kind = "street-post", name = "Notice test post", place = "Tole bi 59", lat = Lat, lon = Lon, hasCamera = false, hasSpeaker = true })).JsonAsync();
        using var device = factory.Client();
        device.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", registered.GetProperty("authorization").GetString());
        var alarm = await device.PostAsJsonAsync("/api/v1/safety/device-events", new { eventId = $"n-{Guid.NewGuid():N}", occurredAtUtc = DateTime.UtcNow.AddSeconds(-1).ToString("o") });
        Assert.Equal(HttpStatusCode.Created, alarm.StatusCode);
        return (await alarm.JsonAsync()).GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task Notice_FromAnAlarm_Gets404_IsNotOfferedOnItsRow_AndNothingIsSent()
    {
        var alarm = await AlarmAsync();
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        var mailings = await WithDbAsync(factory, db => db.Mailings.CountAsync());

        var response = await inspector.PostAsJsonAsync($"/api/v1/safety/reports/{alarm}/notice", new { textEn = "Careful" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(mailings, await WithDbAsync(factory, db => db.Mailings.CountAsync()));
        Assert.False(await WithDbAsync(factory, db => db.SafetyIncidentSteps.AnyAsync(s => s.IncidentId == alarm && s.Step == SafetySteps.NoticeSent)));
        using var page = await factory.SignedInWithCookieAsync("inspector1@demo.kz");
        var html = await page.GetStringAsync("/safety/reports");
        Assert.DoesNotMatch($"action=\"/safety/reports\\?(id={alarm}&amp;handler=Notice|handler=Notice&amp;id={alarm})\"", html);
    }

    [Fact]
    public async Task StartPage_ShowsAnOpenAlarm_ButLogsNoReportReadForIt()
    {
        var alarm = await AlarmAsync();
        var reference = await WithDbAsync(factory, db => db.SafetyIncidents.Where(i => i.Id == alarm).Select(i => i.Reference).SingleAsync());
        using var inspector = await factory.SignedInWithCookieAsync("inspector1@demo.kz");

        var page = await inspector.GetStringAsync("/appeals/queue");

        Assert.Contains($"data-reference=\"{reference}\"", page);
        Assert.False(await WithDbAsync(factory, db => db.PersonalDataAccesses.AnyAsync(a =>
            a.RecordKind == SafetyReportQueries.RecordKind && a.RecordId == alarm.ToString(CultureInfo.InvariantCulture))));
    }

    [Fact]
    public async Task StartPage_ShowsTheInspectorsOpenIncidents_NotAnotherBeats_AndLogsWhatItShows()
    {
        var report = await ReportAsync("Someone sleeps in the stairwell every night");
        var reference = await WithDbAsync(factory, db => db.SafetyIncidents.Where(i => i.Id == report).Select(i => i.Reference).SingleAsync());
        using var inspector = await factory.SignedInWithCookieAsync("inspector1@demo.kz");
        using var other = await factory.SignedInWithCookieAsync("inspector2@demo.kz");

        var page = await inspector.GetStringAsync("/appeals/queue");
        var otherPage = await other.GetStringAsync("/appeals/queue");

        Assert.Contains("id=\"safety-queue\"", page);
        Assert.Contains($"data-reference=\"{reference}\"", page);
        Assert.Contains("href=\"/safety/reports\"", page);
        Assert.DoesNotContain("stairwell", page);
        Assert.DoesNotContain($"data-reference=\"{reference}\"", otherPage);
        Assert.True(await WithDbAsync(factory, db => db.PersonalDataAccesses.AnyAsync(a =>
            a.RecordKind == SafetyReportQueries.RecordKind && a.RecordId == report.ToString(CultureInfo.InvariantCulture) && a.Purpose == "open safety incidents on the start page")));
    }

    [Fact]
    public async Task ReportsPage_NoticeForm_RefusesAnEmptyNoticeBesideTheField_ThenSends_AndNeverOffersTheReportText()
    {
        var secret = $"My neighbour Aigerim {Guid.NewGuid():N} shouts at the children";
        var report = await ReportAsync(secret);
        using var inspector = await factory.SignedInWithCookieAsync("inspector1@demo.kz", language: "kk");
        var page = await inspector.GetStringAsync("/safety/reports");
        Assert.Matches($"action=\"/safety/reports\\?(id={report}&amp;handler=Notice|handler=Notice&amp;id={report})\"", page);
        var mailings = await WithDbAsync(factory, db => db.Mailings.CountAsync());
        FormUrlEncodedContent Form(string textRu) => new(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = CookieSession.AntiforgeryToken(page), ["textKk"] = "", ["textRu"] = textRu, ["textEn"] = "",
        });

        var empty = await inspector.PostAsync($"/safety/reports?id={report}&handler=Notice", Form("  "));

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Хабарламаны кемінде бір тілде жазыңыз", await empty.Content.ReadAsStringAsync());
        Assert.Equal(mailings, await WithDbAsync(factory, db => db.Mailings.CountAsync()));

        var sent = await inspector.PostAsync($"/safety/reports?id={report}&handler=Notice", Form("Закрывайте подъезд на ночь."));

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var html = await sent.Content.ReadAsStringAsync();
        Assert.Contains("id=\"notice-done\"", html);
        // The report's text is on the page (the list shows it) but in no field of the notice form.
        Assert.DoesNotMatch($"<textarea[^>]*>[^<]*{System.Text.RegularExpressions.Regex.Escape(System.Net.WebUtility.HtmlEncode(secret)[..20])}", html);
        Assert.Equal(mailings + 1, await WithDbAsync(factory, db => db.Mailings.CountAsync()));
    }
}

/// <summary>The hourly notice limit holds when notices are sent at once: counted inside the transaction, serialised per account.</summary>
public sealed class SafetyNoticeRaceTests(SafetyNoticeFactory factory) : IClassFixture<SafetyNoticeFactory>
{
    [Fact]
    public async Task Notice_ManyAtOnceFromOneAccount_NoMoreThanTheLimitAreSent()
    {
        using var resident = factory.Client();
        var reference = (await FileAsync(resident, Report("Boys climb onto the garage roofs"))).GetProperty("reference").GetString();
        var report = await WithDbAsync(factory, db => db.SafetyIncidents.Where(i => i.Reference == reference).Select(i => i.Id).SingleAsync());
        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");

        var answers = await Task.WhenAll(Enumerable.Range(0, SafetyNoticeFactory.Limit + 4).Select(i =>
            supervisor.PostAsJsonAsync($"/api/v1/safety/reports/{report}/notice", new { textRu = $"Осторожно, крыши {i}" })));

        Assert.Equal(SafetyNoticeFactory.Limit, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.TooManyRequests, a.StatusCode));
        Assert.Equal(SafetyNoticeFactory.Limit, await WithDbAsync(factory, db => db.SafetyIncidentSteps.CountAsync(s => s.IncidentId == report && s.Step == SafetySteps.NoticeSent)));
    }
}

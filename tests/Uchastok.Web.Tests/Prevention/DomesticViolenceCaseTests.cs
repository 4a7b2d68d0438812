using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Prevention;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Prevention;

/// <summary>
/// Domestic-violence cases over the API (C16): opened on detection with no victim statement, read by the beat's inspector,
/// the district's supervisor and women-protection officer and an administrator (without the victim's data), "not found" for
/// everyone else; the evidence rule before court; messages only by her channel and in neutral words; referral only with consent;
/// measures of administrator types with overdue checks; repeats flagged. Every refusal writes nothing.
/// </summary>
public sealed class DomesticViolenceCaseTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    private const string Path = "/api/v1/prevention/dv-cases";
    private const string VideoHash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private DateOnly Today => KazakhstanTime.Today(TimeProvider.System);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string UniqueAddress() => $"ул. Толе би, {Random.Shared.Next(1, 400)}, кв. {Guid.NewGuid().ToString("N")[..6]}";

    private async Task<int> InspectorOneBeatAsync() => (await factory.BeatAtAsync("43.2510", "76.9210")).BeatId;

    private async Task<Dictionary<string, object?>> DetectionAsync(string? address = null) => new()
    {
        ["beatId"] = await InspectorOneBeatAsync(),
        ["source"] = "NeighbourReport",
        ["detectedOn"] = Iso(Today.AddDays(-1)),
        ["address"] = address ?? UniqueAddress(),
        ["summary"] = "Соседи сообщили о крике и шуме драки в квартире ночью.",
    };

    private async Task<JsonElement> OpenAsync(string? address = null, string who = "inspector1@demo.kz")
    {
        using var client = await factory.SignedInAsync(who);
        var response = await client.PostAsJsonAsync(Path, await DetectionAsync(address));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.JsonAsync();
    }

    private static long Id(JsonElement view) => view.GetProperty("id").GetInt64();

    private async Task<UchastokDbContext> DbAsync(AsyncServiceScope scope)
    {
        await Task.CompletedTask;
        return scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
    }

    private async Task<(string State, int Evidence, int Version)> StoredAsync(long id)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = await DbAsync(scope);
        var found = await db.DvCases.AsNoTracking().SingleAsync(c => c.Id == id);
        return (found.State.ToString(), await db.DvEvidence.CountAsync(e => e.CaseId == id), found.Version);
    }

    [Fact]
    public async Task Open_OnANeighboursReport_WithoutVictimStatement_IsReadInScopeAndNotFoundForEveryoneElse()
    {
        var opened = await OpenAsync();
        var id = Id(opened);
        Assert.Equal("Detected", opened.GetProperty("state").GetString());
        Assert.Equal("NeighbourReport", opened.GetProperty("source").GetString());

        foreach (var who in new[] { "inspector1@demo.kz", "supervisor.almaly@demo.kz", "women.almaly@demo.kz", "admin@demo.kz" })
        {
            using var reader = await factory.SignedInAsync(who);
            var read = await reader.GetAsync($"{Path}/{id}");
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Contains("крике", (await read.JsonAsync()).GetProperty("summary").GetString());
            var list = (await (await reader.GetAsync(Path)).JsonAsync()).EnumerateArray().Select(c => c.GetProperty("id").GetInt64());
            Assert.Contains(id, list);
        }
        foreach (var who in new[] { "inspector2@demo.kz", "juvenile.almaly@demo.kz", "resident1@demo.kz" })
        {
            using var outsider = await factory.SignedInAsync(who);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"{Path}/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"{Path}/{id}/evidence", new { kind = "Photo", sha256 = VideoHash, recordedAt = DateTimeOffset.UtcNow.AddHours(-1), source = "x" })).StatusCode);
        }
        using var inspector2 = await factory.SignedInAsync("inspector2@demo.kz");
        Assert.DoesNotContain(id, (await (await inspector2.GetAsync(Path)).JsonAsync()).EnumerateArray().Select(c => c.GetProperty("id").GetInt64()));
        Assert.Equal(0, (await StoredAsync(id)).Evidence);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.Client().GetAsync($"{Path}/{id}")).StatusCode);
    }

    private const string Tomorrow = "tomorrow in Almaty";

    public static TheoryData<string, string, string, string> OpenRefusals => new()
    {
        // case, field spoiled, its value as JSON, "field|Russian text|Kazakh text"
        { "no source", "source", "null", "source|Источник: обязательное поле.|Дереккөз: міндетті өріс." },
        { "unknown source", "source", "\"Rumour\"", "source|Источник|Дереккөз" },
        // "tomorrow" is read when the request is made, not when the cases are listed: a run that crosses Almaty's midnight would otherwise send today.
        { "detected tomorrow", "detectedOn", Tomorrow, "detectedOn|Дата выявления|Анықталған күні" },
        { "no address", "address", "\"  \"", "address|Адрес|Мекенжай" },
        { "no summary", "summary", "null", "summary|Что увидели или о чём сообщили|Не көрілді немесе не хабарланды" },
        { "no beat", "beatId", "null", "beatId|Участок|Учаске" },
        { "from an appeal without its id", "source", "\"Appeal\"", "appealId|Id обращения|Өтініш id" },
        { "from a tip that does not exist", "tipId", "987654321", "tipId|Id анонимного сообщения|Жасырын хабарлама id" },
    };

    [Theory]
    [MemberData(nameof(OpenRefusals))]
    public async Task Open_InvalidField_Returns400NamingTheFieldInRussianAndKazakh_AndWritesNothing(string @case, string spoiled, string value, string expected)
    {
        Assert.NotEmpty(@case);
        var parts = expected.Split('|');
        var address = UniqueAddress();
        foreach (var (language, text) in new[] { ("ru", parts[1]), ("kk", parts[2]) })
        {
            using var client = await factory.SignedInAsync("inspector1@demo.kz", language: language);
            var body = await DetectionAsync(address);
            body[spoiled] = JsonSerializer.Deserialize<JsonElement>(
                value == Tomorrow ? "\"" + Iso(KazakhstanTime.Today(TimeProvider.System).AddDays(1)) + "\"" : value);
            if (spoiled == "tipId") body["source"] = "AnonymousTip";
            var response = await client.PostAsJsonAsync(Path, body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await response.JsonAsync()).GetProperty("errors");
            Assert.Contains(text, errors.GetProperty(parts[0])[0].GetString());
        }
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.False(await (await DbAsync(scope)).DvCases.AnyAsync(c => c.AddressText == address));
    }

    [Fact]
    public async Task Open_OnAnotherInspectorsBeat_IsRefusedOnTheBeat()
    {
        using var inspector2 = await factory.SignedInAsync("inspector2@demo.kz", language: "ru");
        var response = await inspector2.PostAsJsonAsync(Path, await DetectionAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("этом участке", (await response.JsonAsync()).GetProperty("errors").GetProperty("beatId")[0].GetString());
        using var juvenile = await factory.SignedInAsync("juvenile.almaly@demo.kz");
        Assert.Equal(HttpStatusCode.NotFound, (await juvenile.PostAsJsonAsync(Path, await DetectionAsync())).StatusCode);
    }

    [Fact]
    public async Task Open_FromAnAppeal_KeepsTheAppealsId()
    {
        var (number, _, _) = await factory.FileAppealAsync(factory.Client());
        long appealId;
        await using (var scope = factory.Services.CreateAsyncScope())
            appealId = await (await DbAsync(scope)).Appeals.Where(a => a.Number == number).Select(a => a.Id).SingleAsync();
        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");
        var body = await DetectionAsync();
        body["source"] = "Appeal";
        body["appealId"] = appealId;

        var response = await supervisor.PostAsJsonAsync(Path, body);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var opened = await response.JsonAsync();
        Assert.Equal("Appeal", opened.GetProperty("source").GetString());
        Assert.Equal(appealId, opened.GetProperty("appealId").GetInt64());
    }

    [Fact]
    public async Task SendToCourt_WithNoEvidence_IsRefusedInKazakhAndRussian_ThenTheWholeCourseRuns()
    {
        var id = Id(await OpenAsync());
        foreach (var (language, text) in new[] { ("kk", "бірде-бір дәлел жоқ"), ("ru", "нет ни одного доказательства"), ("en", "no evidence item") })
        {
            using var client = await factory.SignedInAsync("inspector1@demo.kz", language: language);
            foreach (var action in new[] { "SendToCourt", "DrawUpProtocol" })
            {
                var refused = await client.PostAsJsonAsync($"{Path}/{id}/steps", new { action, date = Iso(Today), protocolNumber = "АП-1" });
                Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
                Assert.Contains(text, (await refused.JsonAsync()).GetProperty("errors").GetProperty("action")[0].GetString());
            }
        }
        Assert.Equal(("Detected", 0, 0), await StoredAsync(id));

        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        var badHash = await inspector.PostAsJsonAsync($"{Path}/{id}/evidence", new { kind = "Video", sha256 = "not-a-hash", recordedAt = DateTimeOffset.UtcNow.AddHours(-2), source = "Камера подъезда" });
        Assert.Equal(HttpStatusCode.BadRequest, badHash.StatusCode);
        Assert.True((await badHash.JsonAsync()).GetProperty("errors").TryGetProperty("sha256", out _));
        Assert.Equal(("Detected", 0, 0), await StoredAsync(id));

        Assert.Equal(HttpStatusCode.OK, (await inspector.PostAsJsonAsync($"{Path}/{id}/evidence",
            new { kind = "WitnessStatement", personName = "Сейітова Айгүл", contact = "+77015550101", text = "Слышала удары и крик за стеной около 23:00." })).StatusCode);
        var withVideo = await inspector.PostAsJsonAsync($"{Path}/{id}/evidence",
            new { kind = "Video", sha256 = VideoHash.ToUpperInvariant(), recordedAt = DateTimeOffset.UtcNow.AddHours(-20), source = "Камера подъезда №2" });
        Assert.Equal(HttpStatusCode.OK, withVideo.StatusCode);
        var view = await withVideo.JsonAsync();
        Assert.Equal("EvidenceCollected", view.GetProperty("state").GetString());
        var evidence = view.GetProperty("evidence").EnumerateArray().ToList();
        Assert.Equal(2, evidence.Count);
        Assert.Equal("Сейітова Айгүл", evidence[0].GetProperty("personName").GetString());
        Assert.Equal(VideoHash, evidence[1].GetProperty("sha256").GetString());

        var noNumber = await inspector.PostAsJsonAsync($"{Path}/{id}/steps", new { action = "DrawUpProtocol", date = Iso(Today) });
        Assert.Equal(HttpStatusCode.BadRequest, noNumber.StatusCode);
        Assert.True((await noNumber.JsonAsync()).GetProperty("errors").TryGetProperty("protocolNumber", out _));
        Assert.Equal("EvidenceCollected", (await StoredAsync(id)).State);

        foreach (var step in new object[]
        {
            new { action = "DrawUpProtocol", date = Iso(Today), protocolNumber = "АП-2026-117" },
            new { action = "SendToCourt", date = Iso(Today) },
            new { action = "RecordCourtDecision", date = Iso(Today), outcome = "PenaltyImposed" },
            new { action = "Close" },
        })
        {
            var done = await inspector.PostAsJsonAsync($"{Path}/{id}/steps", step);
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        }
        var closed = await (await inspector.GetAsync($"{Path}/{id}")).JsonAsync();
        Assert.Equal("Closed", closed.GetProperty("state").GetString());
        Assert.Equal("АП-2026-117", closed.GetProperty("protocolNumber").GetString());
        Assert.Equal("PenaltyImposed", closed.GetProperty("courtOutcome").GetString());
        Assert.True(closed.GetProperty("proposesOffenderRegistration").GetBoolean());
        Assert.Empty(closed.GetProperty("actions").EnumerateArray());

        // Statements are kept encrypted: a copy of the table does not show who testified or what she said.
        await using var scope = factory.Services.CreateAsyncScope();
        var rows = await (await DbAsync(scope)).DvEvidence.AsNoTracking().Where(e => e.CaseId == id).ToListAsync();
        Assert.DoesNotContain(rows, r => (r.ProtectedPersonName ?? "").Contains("Сейітова") || (r.ProtectedText ?? "").Contains("удары"));
    }

    private static object Victim(string phone, string email, string channel) => new
    {
        name = "Жанар Ибраева " + Guid.NewGuid().ToString("N")[..6], address = "ул. Толе би, 55, кв. 12", phone, email, channel,
    };

    private static string NewPhone() => "+7701" + Random.Shared.Next(1000000, 9999999);

    [Fact]
    public async Task Victim_IsShownToInspectorSupervisorAndWomenOfficer_HiddenFromAdmin_StoredEncrypted_AndEveryReadIsLogged()
    {
        var id = Id(await OpenAsync());
        var phone = NewPhone();
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        var set = await inspector.PutAsJsonAsync($"{Path}/{id}/victim", Victim(phone, $"v{Guid.NewGuid():N}@test.kz", "Sms"));
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        foreach (var who in new[] { "inspector1@demo.kz", "supervisor.almaly@demo.kz", "women.almaly@demo.kz" })
        {
            using var reader = await factory.SignedInAsync(who);
            var victim = (await (await reader.GetAsync($"{Path}/{id}?purpose=checking the victim's contacts")).JsonAsync()).GetProperty("victim");
            Assert.Equal(phone, victim.GetProperty("phone").GetString());
            Assert.StartsWith("Жанар Ибраева", victim.GetProperty("name").GetString());
            Assert.Equal("Sms", victim.GetProperty("channel").GetString());
        }
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var adminView = await (await admin.GetAsync($"{Path}/{id}")).Content.ReadAsStringAsync();
        Assert.Contains("\"victim\":null", adminView);
        Assert.DoesNotContain(phone, adminView);
        Assert.DoesNotContain("Ибраева", adminView);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync($"{Path}/{id}/victim", Victim(NewPhone(), "a@b.kz", "Sms"))).StatusCode);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = await DbAsync(scope);
        var row = await db.DvCases.AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.DoesNotContain(phone, row.ProtectedVictimPhone);
        Assert.DoesNotContain("Ибраева", row.ProtectedVictimName);
        Assert.DoesNotContain("крике", row.ProtectedSummary);
        var reads = await db.PersonalDataAccesses.AsNoTracking().Where(a => a.RecordKind == "dv-case" && a.RecordId == id.ToString()).ToListAsync();
        Assert.Equal(4, reads.Count);
        Assert.Equal(3, reads.Count(r => r.Purpose == "dv case: checking the victim's contacts (with victim data)"));
        Assert.Single(reads, r => r.Purpose == "dv case: read through the API");

        // The supervisor sees the case's access history; the inspector does not.
        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");
        var history = (await (await supervisor.GetAsync($"{Path}/{id}/reads")).JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(4, history.Count);
        Assert.Contains(history, h => h.GetProperty("purpose").GetString() == "dv case: read through the API");
        Assert.Equal(HttpStatusCode.NotFound, (await inspector.GetAsync($"{Path}/{id}/reads")).StatusCode);
    }

    [Fact]
    public async Task Message_GoesOnlyByTheChosenChannel_InNeutralWords_AndARevealingTextIsRefusedAndNotQueued()
    {
        var id = Id(await OpenAsync());
        var phone = NewPhone();
        var email = $"victim-{Guid.NewGuid():N}@test.kz";
        using var women = await factory.SignedInAsync("women.almaly@demo.kz", language: "ru");
        Assert.Equal(HttpStatusCode.OK, (await women.PutAsJsonAsync($"{Path}/{id}/victim", Victim(phone, email, "Sms"))).StatusCode);

        foreach (var text in new[] { "Это полиция, по вашему делу о насилии.", "Сотқа шақыру", "Your court date is set" })
        {
            var refused = await women.PostAsJsonAsync($"{Path}/{id}/messages", new { text });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.JsonAsync()).GetProperty("errors").TryGetProperty("text", out _));
        }
        var sent = await women.PostAsJsonAsync($"{Path}/{id}/messages", new { text = "Здравствуйте! Удобно ли вам встретиться завтра в 11:00 у аптеки?" });
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);

        var bySms = await factory.DeliveredToAsync(phone);
        var message = Assert.Single(bySms);
        Assert.Equal("Sms", message.Channel);
        Assert.Equal("Сообщение", message.Subject);
        Assert.Contains("у аптеки", message.Body);
        Assert.Empty(await factory.DeliveredToAsync(email));
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal(1, await (await DbAsync(scope)).Outbox.CountAsync(m => m.Topic == $"dv-case:{id}"));

        // She chose no channel: nothing can be sent at all.
        Assert.Equal(HttpStatusCode.OK, (await women.PutAsJsonAsync($"{Path}/{id}/victim", Victim(phone, email, "None"))).StatusCode);
        var none = await women.PostAsJsonAsync($"{Path}/{id}/messages", new { text = "Здравствуйте!" });
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.True((await none.JsonAsync()).GetProperty("errors").TryGetProperty("channel", out _));
        Assert.Equal(1, await (await DbAsync(scope)).Outbox.CountAsync(m => m.Topic == $"dv-case:{id}"));
    }

    [Fact]
    public async Task Referral_WithoutConsent_IsRefused_WithConsent_IsRecordedWithTheOrganisation()
    {
        var id = Id(await OpenAsync());
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz", language: "kk");
        var refused = await inspector.PostAsJsonAsync($"{Path}/{id}/referral", new { consent = false, consentOn = Iso(Today), organisation = "Дағдарыс орталығы" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("келісімімен", (await refused.JsonAsync()).GetProperty("errors").GetProperty("consent")[0].GetString());
        await using (var scope = factory.Services.CreateAsyncScope())
            Assert.Null((await (await DbAsync(scope)).DvCases.AsNoTracking().SingleAsync(c => c.Id == id)).ReferralOrganisation);

        var done = await inspector.PostAsJsonAsync($"{Path}/{id}/referral", new { consent = true, consentOn = Iso(Today), organisation = "Дағдарыс орталығы" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var victim = (await done.JsonAsync()).GetProperty("victim");
        Assert.Equal("Дағдарыс орталығы", victim.GetProperty("referralOrganisation").GetString());
        Assert.Equal(Iso(Today), victim.GetProperty("referralConsentOn").GetString());
    }

    [Fact]
    public async Task Repeat_AtTheSameAddressOrBetweenTheSamePersons_IsFlagged_AndShownOnTheBoard()
    {
        var address = UniqueAddress();
        var first = await OpenAsync(address);
        Assert.False(first.GetProperty("repeat").GetProperty("isRepeat").GetBoolean());
        // The same flat written differently: case, spaces and punctuation do not matter.
        var second = await OpenAsync("  " + address.ToUpperInvariant().Replace(", ", " , "));
        var repeat = second.GetProperty("repeat");
        Assert.True(repeat.GetProperty("isRepeat").GetBoolean());
        Assert.Equal(Id(first), repeat.GetProperty("ofCaseId").GetInt64());
        Assert.Equal(["SameAddress"], repeat.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));

        // Between the same persons at another address: the offender's register file and the victim's name, compared by its keyed hash.
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        var offender = await OffenderEntryAsync();
        var victimName = "Әсел Нұрланова " + Guid.NewGuid().ToString("N")[..6];
        var third = Id(await OpenAsync());
        Assert.Equal(HttpStatusCode.OK, (await inspector.PutAsJsonAsync($"{Path}/{third}/offender", new { entryId = offender })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await inspector.PutAsJsonAsync($"{Path}/{third}/victim", new { name = victimName, channel = "None" })).StatusCode);
        var fourth = Id(await OpenAsync());
        Assert.Equal(HttpStatusCode.OK, (await inspector.PutAsJsonAsync($"{Path}/{fourth}/offender", new { entryId = offender })).StatusCode);
        var flagged = await (await inspector.PutAsJsonAsync($"{Path}/{fourth}/victim", new { name = victimName.ToUpperInvariant(), channel = "None" })).JsonAsync();
        Assert.True(flagged.GetProperty("repeat").GetProperty("isRepeat").GetBoolean());
        Assert.Equal(third, flagged.GetProperty("repeat").GetProperty("ofCaseId").GetInt64());
        Assert.Equal(["SamePersons"], flagged.GetProperty("repeat").GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(offender, flagged.GetProperty("offenderEntryId").GetInt64());

        var (_, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        await using var scope = factory.Services.CreateAsyncScope();
        var board = await scope.ServiceProvider.GetRequiredService<DomesticViolenceCases>().BoardAsync(districtId);
        Assert.Contains(board.RepeatCases, c => c.CaseId == Id(second));
        Assert.Contains(board.RepeatCases, c => c.CaseId == fourth);
        Assert.DoesNotContain(board.RepeatCases, c => c.CaseId == Id(first));
        using var supervisor = await factory.SignedInWithCookieAsync("supervisor.almaly@demo.kz");
        var page = await supervisor.GetStringAsync("/appeals/board");
        Assert.Contains($"/prevention/dv-cases/{Id(second)}", page);
    }

    /// <summary>An offender's file on inspector1's beat, in a domestic-violence category this test makes (the register's commands are not this slice's).</summary>
    private async Task<long> OffenderEntryAsync()
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var category = await (await admin.PostAsJsonAsync("/api/v1/prevention/categories", new
        {
            code = "dv-" + Guid.NewGuid().ToString("N")[..10], nameKk = "Тұрмыстық зорлық-зомбылық", nameRu = "Бытовое насилие", nameEn = "Domestic violence",
            legalBasis = "Закон № 271-IV (текст)", visitIntervalCount = 1, visitIntervalUnit = "Months", retentionCount = 1, retentionUnit = "Years", domesticViolenceOffender = true,
        })).JsonAsync();
        var (beatId, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = await DbAsync(scope);
        var entry = new PreventionEntry
        {
            CategoryId = category.GetProperty("id").GetInt32(), BeatId = beatId, DistrictId = districtId, FullName = "Ибраев Нұрлан", NameKey = "ибраев нурлан",
            BirthDate = new DateOnly(1985, 3, 1), Latitude = 43.2510, Longitude = 76.9210, AddressText = "ул. Толе би, 55", ProtectedBasis = "x",
            PutOnRecord = Today, State = Uchastok.Rules.Prevention.PreventionFileState.OnRecord, CreatedByUserId = "test", CreatedAtUtc = DateTime.UtcNow,
        };
        db.PreventionEntries.Add(entry);
        await db.SaveChangesAsync();
        return entry.Id;
    }

    [Fact]
    public async Task Measures_OfAnAdministratorsType_AreCheckedOnItsInterval_AndAnOverdueCheckIsMarkedAndOnTheBoard()
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz", language: "ru");
        var noInterval = await admin.PostAsJsonAsync("/api/v1/prevention/dv-measure-types",
            new { nameKk = "Қорғау нұсқамасы", nameRu = "Защитное предписание", nameEn = "Protective order", legalSource = "Приказ (текст источника)" });
        Assert.Equal(HttpStatusCode.BadRequest, noInterval.StatusCode);
        Assert.Contains("Периодичность проверок", (await noInterval.JsonAsync()).GetProperty("errors").GetProperty("checkInterval")[0].GetString());
        var created = await admin.PostAsJsonAsync("/api/v1/prevention/dv-measure-types",
            new { nameKk = "Қорғау нұсқамасы", nameRu = "Защитное предписание", nameEn = "Protective order " + Guid.NewGuid().ToString("N")[..4], legalSource = "Приказ (текст источника)", checkIntervalCount = 1, checkIntervalUnit = "Weeks" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var typeId = (await created.JsonAsync()).GetProperty("id").GetInt32();

        var id = Id(await OpenAsync());
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        var bad = await inspector.PostAsJsonAsync($"{Path}/{id}/measures", new { typeId, from = Iso(Today), until = Iso(Today.AddDays(-1)) });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var from = Today.AddDays(-10);
        var applied = await (await inspector.PostAsJsonAsync($"{Path}/{id}/measures", new { typeId, from = Iso(from) })).JsonAsync();
        var measure = Assert.Single(applied.GetProperty("measures").EnumerateArray());
        Assert.Equal(Iso(from.AddDays(7)), measure.GetProperty("nextCheckDue").GetString());
        Assert.True(measure.GetProperty("checkOverdue").GetBoolean());
        var (_, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        await using (var scope = factory.Services.CreateAsyncScope())
            Assert.Contains((await scope.ServiceProvider.GetRequiredService<DomesticViolenceCases>().BoardAsync(districtId)).OverdueChecks, m => m.CaseId == id);

        var measureId = measure.GetProperty("id").GetInt64();
        var checkedView = await (await inspector.PostAsJsonAsync($"{Path}/{id}/measures/{measureId}/checks", new { date = Iso(Today) })).JsonAsync();
        var after = Assert.Single(checkedView.GetProperty("measures").EnumerateArray());
        Assert.Equal(Iso(Today.AddDays(7)), after.GetProperty("nextCheckDue").GetString());
        Assert.False(after.GetProperty("checkOverdue").GetBoolean());
    }

    [Fact]
    public async Task RepeatWindow_IsAnAdministratorSettingWithItsSource_AndWithoutItEveryEarlierCaseCounts()
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var noSource = await admin.PutAsJsonAsync("/api/v1/prevention/dv-settings", new { repeatWindowCount = 1, repeatWindowUnit = "Days" });
        Assert.Equal(HttpStatusCode.BadRequest, noSource.StatusCode);
        Assert.True((await noSource.JsonAsync()).GetProperty("errors").TryGetProperty("repeatWindowSource", out _));
        Assert.Equal(JsonValueKind.Null, (await (await admin.GetAsync("/api/v1/prevention/dv-settings")).JsonAsync()).GetProperty("repeatWindowCount").ValueKind);

        var address = UniqueAddress();
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        var old = await DetectionAsync(address);
        old["detectedOn"] = Iso(Today.AddDays(-30));
        Assert.Equal(HttpStatusCode.Created, (await inspector.PostAsJsonAsync(Path, old)).StatusCode);
        try
        {
            var set = await admin.PutAsJsonAsync("/api/v1/prevention/dv-settings", new { repeatWindowCount = 7, repeatWindowUnit = "Days", repeatWindowSource = "Приказ начальника ДП (текст)" });
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
            Assert.False((await OpenAsync(address)).GetProperty("repeat").GetProperty("isRepeat").GetBoolean());
        }
        finally
        {
            Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/v1/prevention/dv-settings", new { repeatWindowCount = (int?)null })).StatusCode);
        }
        Assert.True((await OpenAsync(address)).GetProperty("repeat").GetProperty("isRepeat").GetBoolean());
    }

    [Fact]
    public async Task TheOffendersFile_PutOnRecordInADvCategory_CarriesTheFollowUpVisits_AndTheCaseMarksThemOverdue()
    {
        var category = await PreventionTestData.CategoryAsync(factory, dvOffender: true);
        var file = await PreventionTestData.PutOnRecordAsync(factory, PreventionTestData.Entry(category, "Зорлықов Тест", new DateOnly(1979, 9, 9), null, Today.AddDays(-10)));
        var entry = file.GetProperty("id").GetInt64();
        var opened = await OpenAsync();
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");

        var linked = await inspector.PutAsJsonAsync($"{Path}/{Id(opened)}/offender", new { entryId = entry });
        Assert.Equal(HttpStatusCode.OK, linked.StatusCode);
        var followUp = (await linked.JsonAsync()).GetProperty("offenderFollowUp");
        Assert.Equal(file.GetProperty("plan")[0].GetProperty("due").GetString(), followUp.GetProperty("nextDue").GetString());
        Assert.Equal(1, followUp.GetProperty("overdue").GetInt32());

        // The women-protection officer reads the offender's file through the case: a DV-offender category is DV work.
        using var women = await factory.SignedInAsync("women.almaly@demo.kz");
        Assert.Equal(HttpStatusCode.OK, (await women.GetAsync($"/api/v1/prevention/entries/{entry}")).StatusCode);
    }
}

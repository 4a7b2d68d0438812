using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.Prevention;
using Uchastok.Web.Tests.Support;
using static Uchastok.Web.Tests.Prevention.PreventionTestData;

namespace Uchastok.Web.Tests.Prevention;

/// <summary>
/// The preventive register over the API, on a clock fixed at Monday 2 November 2026: putting a person on
/// record (IIN encrypted, hashed, masked; the first visit in the plan), refusals that write nothing, who reads
/// a file (everyone else gets 404) and the log of every read and search, a visit done and the next one
/// scheduled, events that move and remove a file, the inspector's day and the district's overdue board.
/// </summary>
public sealed partial class PreventionRegisterTests(ClockedAppFactory factory) : IClassFixture<ClockedAppFactory>
{
    private static readonly DateOnly Today = new(2026, 11, 2);
    private static readonly DateOnly PutOn = new(2026, 10, 15);

    private static string NewName() => "Тестов " + Guid.NewGuid().ToString("N")[..8] + " Ерланович";

    [Fact]
    public async Task PutOnRecord_StoresTheIinEncryptedHashedAndMasked_AndStartsThePlanWithAVisit()
    {
        var category = await CategoryAsync(factory);
        var birth = new DateOnly(1988, 3, 14);
        var iin = IinFor(birth, Seed());
        var file = await PutOnRecordAsync(factory, Entry(category, NewName(), birth, iin, PutOn));

        Assert.Equal(iin[..6] + "*****" + iin[11], file.GetProperty("maskedIin").GetString());
        Assert.DoesNotContain(iin, file.GetRawText());
        var plan = file.GetProperty("plan").EnumerateArray().ToList();
        var first = Assert.Single(plan);
        Assert.Equal("Visit", first.GetProperty("kind").GetString());
        Assert.True(first.GetProperty("recurring").GetBoolean());
        Assert.Equal("2026-10-15", first.GetProperty("due").GetString());
        Assert.Equal("Overdue", first.GetProperty("status").GetString());

        var id = file.GetProperty("id").GetInt64();
        var row = await WithDbAsync(factory, db => db.PreventionEntries.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.NotNull(row.ProtectedIin);
        Assert.DoesNotContain(iin, row.ProtectedIin);
        Assert.DoesNotContain("условно", row.ProtectedBasis, StringComparison.OrdinalIgnoreCase);
        // A keyed hash, not a plain one anyone could compute from the few hundred million IINs there are.
        Assert.NotEqual(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(iin))), row.IinHash);
        Assert.Equal(64, row.IinHash!.Length);
    }

    [Fact]
    public async Task PutOnRecord_WithBadFields_IsRefusedFieldByFieldInTheCallersLanguage_AndWritesNothing()
    {
        var category = await CategoryAsync(factory);
        var before = await WithDbAsync(factory, db => db.PreventionEntries.CountAsync());
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz", language: "ru");
        var birth = new DateOnly(1990, 1, 2);
        var wrongBirthIin = IinFor(new DateOnly(1991, 1, 2), Seed());
        var response = await inspector.PostAsJsonAsync("/api/v1/prevention/entries", new
        {
            fullName = " ", birthDate = birth, iin = wrongBirthIin, latitude = InspectorOneLatitude, longitude = InspectorOneLongitude,
            category, basis = "", putOnRecord = Today.AddDays(3),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Equal("Ф. И. О.: обязательное поле.", errors.GetProperty("fullName")[0].GetString());
        Assert.StartsWith("ИИН:", errors.GetProperty("iin")[0].GetString());
        Assert.True(errors.TryGetProperty("basis", out _));
        Assert.True(errors.TryGetProperty("putOnRecord", out _));
        Assert.Equal(before, await WithDbAsync(factory, db => db.PreventionEntries.CountAsync()));

        var unknown = await inspector.PostAsJsonAsync("/api/v1/prevention/entries", Entry("no-such-category", NewName(), birth, null, PutOn));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.True((await unknown.JsonAsync()).GetProperty("errors").TryGetProperty("category", out _));
        Assert.Equal(before, await WithDbAsync(factory, db => db.PreventionEntries.CountAsync()));
    }

    [Fact]
    public async Task PutOnRecord_AtAnAddressOnAnotherInspectorsBeat_IsRefusedOnTheAddress()
    {
        var category = await CategoryAsync(factory);
        var (_, otherBeat, _) = await ScopeOfAsync(factory, "inspector2@demo.kz");
        var centre = await WithDbAsync(factory, db => db.Beats.Where(b => b.Id == otherBeat).Select(b => new { b.CentreLatitude, b.CentreLongitude }).SingleAsync());
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        var response = await inspector.PostAsJsonAsync("/api/v1/prevention/entries",
            Entry(category, NewName(), new DateOnly(1980, 5, 5), null, PutOn, centre.CentreLatitude, centre.CentreLongitude));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("outside your beats", (await response.JsonAsync()).GetProperty("errors").GetProperty("address")[0].GetString());
    }

    [Theory]
    [InlineData("inspector1@demo.kz", HttpStatusCode.OK)]
    [InlineData("supervisor.almaly@demo.kz", HttpStatusCode.OK)]
    [InlineData("admin@demo.kz", HttpStatusCode.OK)]
    [InlineData("inspector2@demo.kz", HttpStatusCode.NotFound)]
    [InlineData("juvenile.almaly@demo.kz", HttpStatusCode.NotFound)]
    [InlineData("women.almaly@demo.kz", HttpStatusCode.NotFound)]
    [InlineData("resident1@demo.kz", HttpStatusCode.NotFound)]
    public async Task AFile_IsReadInScopeOnly_AndEveryReadIsLogged(string who, HttpStatusCode expected)
    {
        var category = await CategoryAsync(factory);
        var id = (await PutOnRecordAsync(factory, Entry(category, NewName(), new DateOnly(1975, 7, 7), null, PutOn))).GetProperty("id").GetInt64();
        var logged = () => WithDbAsync(factory, db => db.PersonalDataAccesses.CountAsync(a => a.RecordKind == "prevention-file" && a.RecordId == id.ToString()));
        var before = await logged();

        using var client = await factory.SignedInAsync(who);
        var response = await client.GetAsync($"/api/v1/prevention/entries/{id}?purpose=check%20of%20the%20plan");

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(before + (expected == HttpStatusCode.OK ? 1 : 0), await logged());
        if (expected != HttpStatusCode.OK) return;
        var file = await response.JsonAsync();
        var oversees = who is "supervisor.almaly@demo.kz" or "admin@demo.kz";
        Assert.Equal(oversees, file.GetProperty("accessHistory").ValueKind == JsonValueKind.Array);
        Assert.Equal(oversees, file.GetProperty("duplicates").ValueKind == JsonValueKind.Array);
        if (oversees) Assert.Contains(file.GetProperty("accessHistory").EnumerateArray(), r => r.GetProperty("purpose").GetString() == "check of the plan");
    }

    [Fact]
    public async Task AJuvenileFile_IsReadByTheDistrictsJuvenileInspector_AndADvOffendersByTheWomenProtectionOfficer()
    {
        var juvenile = await CategoryAsync(factory, juvenile: true);
        var dv = await CategoryAsync(factory, dvOffender: true);
        var minor = (await PutOnRecordAsync(factory, Entry(juvenile, NewName(), new DateOnly(2011, 4, 4), null, PutOn))).GetProperty("id").GetInt64();
        var offender = (await PutOnRecordAsync(factory, Entry(dv, NewName(), new DateOnly(1970, 4, 4), null, PutOn))).GetProperty("id").GetInt64();

        using var juvenileInspector = await factory.SignedInAsync("juvenile.almaly@demo.kz");
        using var women = await factory.SignedInAsync("women.almaly@demo.kz");
        Assert.Equal(HttpStatusCode.OK, (await juvenileInspector.GetAsync($"/api/v1/prevention/entries/{minor}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await juvenileInspector.GetAsync($"/api/v1/prevention/entries/{offender}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await women.GetAsync($"/api/v1/prevention/entries/{offender}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await women.GetAsync($"/api/v1/prevention/entries/{minor}")).StatusCode);

        var list = await (await juvenileInspector.GetAsync($"/api/v1/prevention/entries?category={juvenile}")).JsonAsync();
        Assert.Contains(list.GetProperty("entries").EnumerateArray(), e => e.GetProperty("id").GetInt64() == minor);
        var other = await (await juvenileInspector.GetAsync($"/api/v1/prevention/entries?category={dv}")).JsonAsync();
        Assert.Empty(other.GetProperty("entries").EnumerateArray());
    }

    [Fact]
    public async Task SearchByIin_FindsThePersonThroughTheKeyedHash_AndIsLoggedWithoutTheIin()
    {
        var category = await CategoryAsync(factory);
        var birth = new DateOnly(1983, 9, 21);
        var iin = IinFor(birth, Seed());
        var id = (await PutOnRecordAsync(factory, Entry(category, NewName(), birth, iin, PutOn))).GetProperty("id").GetInt64();

        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");
        var found = await (await supervisor.GetAsync($"/api/v1/prevention/entries?q={iin}")).JsonAsync();
        Assert.Equal(id, Assert.Single(found.GetProperty("entries").EnumerateArray()).GetProperty("id").GetInt64());

        using var inspector2 = await factory.SignedInAsync("inspector2@demo.kz");
        var notTheirs = await (await inspector2.GetAsync($"/api/v1/prevention/entries?q={iin}")).JsonAsync();
        Assert.Empty(notTheirs.GetProperty("entries").EnumerateArray());

        var searches = await WithDbAsync(factory, db => db.PersonalDataAccesses.Where(a => a.RecordKind == "prevention-register").Select(a => a.Purpose).ToListAsync());
        Assert.Contains("register search by IIN", searches);
        Assert.DoesNotContain(searches, p => p.Contains(iin, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheSameIinTwice_IsShownToTheSupervisorAsAPossibleDuplicate_NeverMerged()
    {
        var category = await CategoryAsync(factory);
        var birth = new DateOnly(1979, 11, 30);
        var iin = IinFor(birth, Seed());
        var first = (await PutOnRecordAsync(factory, Entry(category, NewName(), birth, iin, PutOn))).GetProperty("id").GetInt64();
        var second = (await PutOnRecordAsync(factory, Entry(category, NewName(), birth, iin, PutOn))).GetProperty("id").GetInt64();

        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");
        var file = await (await supervisor.GetAsync($"/api/v1/prevention/entries/{second}")).JsonAsync();
        var duplicate = Assert.Single(file.GetProperty("duplicates").EnumerateArray());
        Assert.Equal(first, duplicate.GetProperty("entryId").GetInt64());
        Assert.Equal("SameIin", duplicate.GetProperty("reason").GetString());
        Assert.Equal(2, await WithDbAsync(factory, db => db.PreventionEntries.CountAsync(e => e.Id == first || e.Id == second)));
    }

    [Fact]
    public async Task AVisitDone_IsRecordedForTheOfficer_AndTheNextVisitIsDueOneIntervalLaterOnAWorkingDay()
    {
        var category = await CategoryAsync(factory, interval: "Weeks", intervalCount: 2);
        var file = await PutOnRecordAsync(factory, Entry(category, NewName(), new DateOnly(1985, 2, 2), null, PutOn));
        var id = file.GetProperty("id").GetInt64();
        var visit = file.GetProperty("plan")[0].GetProperty("id").GetInt64();

        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        var refused = await inspector.PostAsJsonAsync($"/api/v1/prevention/actions/{visit}/done", new { doneOn = Today.AddDays(1), place = "", note = "" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var errors = (await refused.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("doneOn", out _) && errors.TryGetProperty("place", out _) && errors.TryGetProperty("note", out _));

        // Done on Saturday 31 October: two weeks later is Saturday 14 November, so the next visit lands on Monday 16 November.
        var done = await inspector.PostAsJsonAsync($"/api/v1/prevention/actions/{visit}/done",
            new { doneOn = new DateOnly(2026, 10, 31), place = "Төле би к-сі, 59", note = "Поговорили о работе, обещал прийти в центр занятости." });
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);

        var plan = (await (await inspector.GetAsync($"/api/v1/prevention/entries/{id}")).JsonAsync()).GetProperty("plan").EnumerateArray().ToList();
        Assert.Equal(2, plan.Count);
        Assert.Equal("Done", plan[0].GetProperty("status").GetString());
        Assert.Equal("Поговорили о работе, обещал прийти в центр занятости.", plan[0].GetProperty("note").GetString());
        Assert.Equal("2026-11-16", plan[1].GetProperty("due").GetString());
        var (officer, _, _) = await ScopeOfAsync(factory, "inspector1@demo.kz");
        var stored = await WithDbAsync(factory, db => db.PreventionActions.AsNoTracking().SingleAsync(a => a.Id == visit));
        Assert.Equal(officer, stored.DoneByOfficerId);
        Assert.DoesNotContain("центр", stored.ProtectedNote);

        var again = await inspector.PostAsJsonAsync($"/api/v1/prevention/actions/{visit}/done", new { doneOn = Today, place = "x", note = "y" });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
    }

    [Fact]
    public async Task AMoveToAnotherBeat_TakesTheFileFromTheOldInspectorAtOnce()
    {
        var category = await CategoryAsync(factory);
        var id = (await PutOnRecordAsync(factory, Entry(category, NewName(), new DateOnly(1982, 8, 8), null, PutOn))).GetProperty("id").GetInt64();
        var (_, otherBeat, _) = await ScopeOfAsync(factory, "inspector2@demo.kz");

        using var inspector1 = await factory.SignedInAsync("inspector1@demo.kz");
        var same = await inspector1.PostAsJsonAsync($"/api/v1/prevention/entries/{id}/events", new { kind = "MovedToBeat", occurredOn = Today, toBeatId = (await ScopeOfAsync(factory, "inspector1@demo.kz")).BeatId });
        Assert.Equal(HttpStatusCode.BadRequest, same.StatusCode);
        var moved = await inspector1.PostAsJsonAsync($"/api/v1/prevention/entries/{id}/events", new { kind = "MovedToBeat", occurredOn = Today, toBeatId = otherBeat });
        Assert.Equal(HttpStatusCode.NoContent, moved.StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await inspector1.GetAsync($"/api/v1/prevention/entries/{id}")).StatusCode);
        using var inspector2 = await factory.SignedInAsync("inspector2@demo.kz");
        var file = await (await inspector2.GetAsync($"/api/v1/prevention/entries/{id}")).JsonAsync();
        Assert.Equal(otherBeat, file.GetProperty("beatId").GetInt32());
        Assert.Contains(file.GetProperty("events").EnumerateArray(), e => e.GetProperty("kind").GetString() == "MovedToBeat");
    }

    [Fact]
    public async Task Removal_NeedsAReason_CancelsTheOpenActions_AndSetsThePurgeDayFromTheCategory()
    {
        var category = await CategoryAsync(factory, retention: "Months", retentionCount: 6);
        var id = (await PutOnRecordAsync(factory, Entry(category, NewName(), new DateOnly(1981, 1, 1), null, PutOn))).GetProperty("id").GetInt64();
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");

        var noReason = await inspector.PostAsJsonAsync($"/api/v1/prevention/entries/{id}/events", new { kind = "Removed", occurredOn = Today });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.True((await noReason.JsonAsync()).GetProperty("errors").TryGetProperty("reason", out _));

        var removed = await inspector.PostAsJsonAsync($"/api/v1/prevention/entries/{id}/events", new { kind = "Removed", occurredOn = Today, reason = "Срок надзора истёк" });
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        var file = await (await inspector.GetAsync($"/api/v1/prevention/entries/{id}")).JsonAsync();
        Assert.Equal("Removed", file.GetProperty("state").GetString());
        Assert.Equal("2027-05-02", file.GetProperty("purgeDueOn").GetString());
        Assert.All(file.GetProperty("plan").EnumerateArray(), a => Assert.Equal("Cancelled", a.GetProperty("status").GetString()));
        var onRecord = await (await inspector.GetAsync("/api/v1/prevention/entries?take=200")).JsonAsync();
        Assert.DoesNotContain(onRecord.GetProperty("entries").EnumerateArray(), e => e.GetProperty("id").GetInt64() == id);

        var after = await inspector.PostAsJsonAsync($"/api/v1/prevention/entries/{id}/events", new { kind = "NewOffence", occurredOn = Today });
        Assert.Equal(HttpStatusCode.BadRequest, after.StatusCode);
    }

    [Fact]
    public async Task TheDay_ListsDueAndOverdueActionsOnTheInspectorsBeats_AndTheBoardCountsThemPerInspector()
    {
        var category = await CategoryAsync(factory);
        var name = NewName();
        var file = await PutOnRecordAsync(factory, Entry(category, name, new DateOnly(1977, 6, 6), null, PutOn));
        var visit = file.GetProperty("plan")[0].GetProperty("id").GetInt64();
        var (officer, _, district) = await ScopeOfAsync(factory, "inspector1@demo.kz");

        using var inspector1 = await factory.SignedInAsync("inspector1@demo.kz");
        var dayReads = () => WithDbAsync(factory, db => db.PersonalDataAccesses.CountAsync(a => a.RecordKind == "prevention-day" && a.RecordId == officer.ToString()));
        var readsBefore = await dayReads();
        var day = await (await inspector1.GetAsync("/api/v1/prevention/day")).JsonAsync();
        // The same list shown again to the same reader adds nothing to the log; a new list is logged again.
        Assert.Equal(readsBefore + 1, await dayReads());
        Assert.Equal(day.GetRawText(), (await (await inspector1.GetAsync("/api/v1/prevention/day")).JsonAsync()).GetRawText());
        Assert.Equal(readsBefore + 1, await dayReads());
        var stop = Assert.Single(day.GetProperty("stops").EnumerateArray(), s => s.GetProperty("actionId").GetInt64() == visit);
        Assert.True(stop.GetProperty("overdue").GetBoolean());
        Assert.Equal(name, stop.GetProperty("fullName").GetString());
        var orders = day.GetProperty("stops").EnumerateArray().Select(s => s.GetProperty("order").GetInt32()).ToList();
        Assert.Equal(Enumerable.Range(1, orders.Count), orders);

        using var inspector2 = await factory.SignedInAsync("inspector2@demo.kz");
        var theirs = await (await inspector2.GetAsync("/api/v1/prevention/day")).JsonAsync();
        Assert.DoesNotContain(theirs.GetProperty("stops").EnumerateArray(), s => s.GetProperty("actionId").GetInt64() == visit);
        Assert.Equal(HttpStatusCode.NotFound, (await inspector2.GetAsync($"/api/v1/prevention/day?officerId={officer}")).StatusCode);

        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/v1/prevention/day?officerId={officer}")).StatusCode);
        var board = await (await supervisor.GetAsync($"/api/v1/prevention/overdue?districtId={district}")).JsonAsync();
        var row = Assert.Single(board.EnumerateArray(), r => r.GetProperty("officerId").GetInt32() == officer);
        Assert.True(row.GetProperty("overdue").GetInt32() >= 1);
        Assert.Equal(HttpStatusCode.NotFound, (await inspector1.GetAsync($"/api/v1/prevention/overdue?districtId={district}")).StatusCode);

        var done = await inspector1.PostAsJsonAsync($"/api/v1/prevention/actions/{visit}/done", new { doneOn = Today, place = "Дома", note = "Беседа проведена." });
        Assert.Equal(HttpStatusCode.NoContent, done.StatusCode);
        var later = await (await inspector1.GetAsync("/api/v1/prevention/day")).JsonAsync();
        Assert.DoesNotContain(later.GetProperty("stops").EnumerateArray(), s => s.GetProperty("actionId").GetInt64() == visit);
        if (later.GetProperty("stops").GetArrayLength() > 0) Assert.True(await dayReads() > readsBefore + 1);
    }

    [Fact]
    public async Task ADayAhead_ListsWhatWillBeDueByThen_AndADayOutOfReachIsRefusedInTheCallersLanguage()
    {
        var category = await CategoryAsync(factory);
        var id = (await PutOnRecordAsync(factory, Entry(category, NewName(), new DateOnly(1979, 4, 4), null, PutOn))).GetProperty("id").GetInt64();
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        var thursday = Today.AddDays(3);
        Assert.Equal(HttpStatusCode.NoContent, (await inspector.PostAsJsonAsync($"/api/v1/prevention/entries/{id}/actions", new { kind = "FamilyVisit", due = thursday })).StatusCode);
        bool Lists(JsonElement day) => day.GetProperty("stops").EnumerateArray()
            .Any(s => s.GetProperty("entryId").GetInt64() == id && s.GetProperty("due").GetString() == thursday.ToString("yyyy-MM-dd"));

        Assert.False(Lists(await (await inspector.GetAsync("/api/v1/prevention/day")).JsonAsync()));
        var ahead = await (await inspector.GetAsync($"/api/v1/prevention/day?date={thursday:yyyy-MM-dd}")).JsonAsync();
        Assert.Equal(thursday.ToString("yyyy-MM-dd"), ahead.GetProperty("day").GetString());
        Assert.True(Lists(ahead));
        // Today's first visit, still open, is on Thursday's list too, and overdue by then.
        Assert.Contains(ahead.GetProperty("stops").EnumerateArray(), s => s.GetProperty("entryId").GetInt64() == id && s.GetProperty("overdue").GetBoolean());

        using var russian = await factory.SignedInAsync("inspector1@demo.kz", language: "ru");
        // The same day, kept per language: the inspector's name as each reader's language writes it.
        var inRussian = await (await russian.GetAsync($"/api/v1/prevention/day?date={thursday:yyyy-MM-dd}")).JsonAsync();
        Assert.Matches("^[A-Za-z .'-]+$", ahead.GetProperty("inspector").GetString());
        Assert.Matches("[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]", inRussian.GetProperty("inspector").GetString());
        foreach (var date in new[] { Today.AddDays(-1), Today.AddDays(15) })
        {
            var refused = await russian.GetAsync($"/api/v1/prevention/day?date={date:yyyy-MM-dd}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.StartsWith("Список дня можно открыть", (await refused.JsonAsync()).GetProperty("errors").GetProperty("date")[0].GetString());
        }
        Assert.Equal(HttpStatusCode.OK, (await inspector.GetAsync($"/api/v1/prevention/day?date={Today.AddDays(14):yyyy-MM-dd}")).StatusCode);
    }

    [Fact]
    public async Task TheRegister_PagesInNameOrder_WithTheNextCursor()
    {
        var category = await CategoryAsync(factory);
        var prefix = "Ааа" + Guid.NewGuid().ToString("N")[..6];
        foreach (var suffix in new[] { "В", "А", "Б" })
            await PutOnRecordAsync(factory, Entry(category, $"{prefix} {suffix}", new DateOnly(1990, 1, 1), null, PutOn));

        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        var first = await (await inspector.GetAsync($"/api/v1/prevention/entries?category={category}&take=2")).JsonAsync();
        Assert.Equal(new List<string> { $"{prefix} А", $"{prefix} Б" }, first.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("fullName").GetString()!).ToList());
        var next = first.GetProperty("next").GetString()!;
        // The cursor carries the last name encrypted: it never shows in the address, even encoded.
        Assert.DoesNotContain("Ааа", next);
        Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(prefix)).TrimEnd('='), next);
        var second = await (await inspector.GetAsync($"/api/v1/prevention/entries?category={category}&take=2&after={Uri.EscapeDataString(next)}")).JsonAsync();
        Assert.Equal(new List<string> { $"{prefix} В" }, second.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("fullName").GetString()!).ToList());
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);

        // A cursor the app did not make (edited, or a bare id as before) is refused in the reader's language, not read as the start.
        var tampered = next[..^2] + (next[^2] == 'A' ? "B" : "A") + next[^1];
        inspector.DefaultRequestHeaders.AcceptLanguage.Clear();
        inspector.DefaultRequestHeaders.AcceptLanguage.ParseAdd("ru");
        foreach (var bad in new[] { tampered, "12345" })
        {
            var refused = await inspector.GetAsync($"/api/v1/prevention/entries?category={category}&take=2&after={Uri.EscapeDataString(bad)}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("Ссылка на эту страницу больше не действует", (await refused.JsonAsync()).GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task TheRegisterPage_FollowsItsNextLink_AndShowsTheFirstPageWithANoteForABadCursor()
    {
        var category = await CategoryAsync(factory);
        var prefix = "Ааб" + Guid.NewGuid().ToString("N")[..6];
        // One more than the page's 50, so the page has a next link.
        for (var i = 0; i < PreventionRegisterPageSize + 1; i++)
            await PutOnRecordAsync(factory, Entry(category, $"{prefix} {i:D3}", new DateOnly(1991, 2, 2), null, PutOn));
        using var inspector = await factory.SignedInWithCookieAsync("inspector1@demo.kz", language: "kk");

        var first = System.Net.WebUtility.HtmlDecode(await inspector.GetStringAsync($"/prevention?category={category}"));
        Assert.Contains($"{prefix} 049", first);
        Assert.DoesNotContain($"{prefix} 050", first);
        var next = NextPageLink().Match(first);
        Assert.True(next.Success, "the first page has a next link");
        Assert.DoesNotContain(prefix, next.Groups[1].Value);
        var second = System.Net.WebUtility.HtmlDecode(await inspector.GetStringAsync(next.Groups[1].Value));
        Assert.Contains($"{prefix} 050", second);
        Assert.DoesNotContain($"{prefix} 049", second);

        var bad = await inspector.GetAsync($"/prevention?category={category}&after=forged");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badHtml = System.Net.WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
        Assert.Contains("id=\"cursor-invalid\"", badHtml);
        Assert.Contains("Бұл беттің сілтемесі енді жарамсыз", badHtml);
        Assert.Contains($"{prefix} 000", badHtml);
    }

    private const int PreventionRegisterPageSize = 50;

    [System.Text.RegularExpressions.GeneratedRegex("id=\"next-page\" href=\"([^\"]+)\"")]
    private static partial System.Text.RegularExpressions.Regex NextPageLink();

    [Fact]
    public async Task TheAdministrator_ReadsButDoesNotChangeAFile()
    {
        var category = await CategoryAsync(factory);
        var file = await PutOnRecordAsync(factory, Entry(category, NewName(), new DateOnly(1986, 12, 12), null, PutOn));
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var response = await admin.PostAsJsonAsync($"/api/v1/prevention/actions/{file.GetProperty("plan")[0].GetProperty("id").GetInt64()}/done",
            new { doneOn = Today, place = "x", note = "y" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task OpenData_CountsTheRegisterPerDistrictAndCategory_HidingSmallCounts_AndNamesNoOne()
    {
        var few = await CategoryAsync(factory);
        var many = await CategoryAsync(factory);
        var names = new List<string>();
        for (var i = 0; i < 3; i++) names.Add((await PutOnRecordAsync(factory, Entry(few, NewName(), new DateOnly(1980, 1, 1 + i), null, PutOn))).GetProperty("fullName").GetString()!);
        for (var i = 0; i < 5; i++) names.Add((await PutOnRecordAsync(factory, Entry(many, NewName(), new DateOnly(1981, 1, 1 + i), IinFor(new DateOnly(1981, 1, 1 + i), Seed()), PutOn))).GetProperty("fullName").GetString()!);

        using var anyone = factory.Client();
        var json = await (await anyone.GetAsync("/api/v1/open-data/prevention.json")).Content.ReadAsStringAsync();
        var rows = JsonDocument.Parse(json).RootElement.EnumerateArray().Where(r => r.GetProperty("district").GetString() == "almaly").ToList();
        Assert.Equal(JsonValueKind.Null, rows.Single(r => r.GetProperty("category").GetString() == few).GetProperty("onRecord").ValueKind);
        Assert.Equal(5, rows.Single(r => r.GetProperty("category").GetString() == many).GetProperty("onRecord").GetInt32());
        var csv = await (await anyone.GetAsync("/api/v1/open-data/prevention.csv")).Content.ReadAsStringAsync();
        Assert.Contains($"almaly,{many},5", csv);
        foreach (var name in names) Assert.DoesNotContain(name, json + csv);
        Assert.DoesNotContain("43.25", json + csv);
    }

    [Fact]
    public async Task ADuplicateInAnotherDistrict_IsShownToTheSupervisorWithoutItsNameOrId_AndTheCursorNeverCrossesScope()
    {
        var category = await CategoryAsync(factory);
        var birth = new DateOnly(1976, 10, 10);
        var iin = IinFor(birth, Seed());
        var (_, _, almaly) = await ScopeOfAsync(factory, "inspector1@demo.kz");
        var other = await WithDbAsync(factory, db => db.Beats.Where(b => b.DistrictId != almaly && b.IsActive && b.InspectorId != null).OrderBy(b => b.Id)
            .Select(b => new { b.DistrictId, b.CentreLatitude, b.CentreLongitude, District = b.District.Code }).FirstAsync());
        var supervisorB = await factory.CreateStaffAsync("Supervisor", other.DistrictId);
        var theirName = "Дальнев " + Guid.NewGuid().ToString("N")[..6];
        var theirs = (await PutOnRecordAsync(factory, Entry(category, theirName, birth, iin, PutOn, other.CentreLatitude, other.CentreLongitude), supervisorB)).GetProperty("id").GetInt64();
        var ours = (await PutOnRecordAsync(factory, Entry(category, NewName(), birth, iin, PutOn))).GetProperty("id").GetInt64();

        using var supervisorA = await factory.SignedInAsync("supervisor.almaly@demo.kz");
        var response = await supervisorA.GetAsync($"/api/v1/prevention/entries/{ours}");
        var duplicate = Assert.Single((await response.JsonAsync()).GetProperty("duplicates").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, duplicate.GetProperty("entryId").ValueKind);
        Assert.Equal(JsonValueKind.Null, duplicate.GetProperty("fullName").ValueKind);
        Assert.Equal(other.District, duplicate.GetProperty("district").GetString());
        Assert.DoesNotContain(theirName, await response.Content.ReadAsStringAsync());

        // The cursor is no id: one cannot be made for a stranger's file (it would tell where his name falls).
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisorA.GetAsync($"/api/v1/prevention/entries?after={theirs}")).StatusCode);

        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        var otherBeat = await WithDbAsync(factory, db => db.Beats.Where(b => b.DistrictId == other.DistrictId && b.IsActive).Select(b => b.Id).FirstAsync());
        var moved = await inspector.PostAsJsonAsync($"/api/v1/prevention/entries/{ours}/events", new { kind = "MovedToBeat", occurredOn = Today, toBeatId = otherBeat });
        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
        Assert.True((await moved.JsonAsync()).GetProperty("errors").TryGetProperty("toBeatId", out _));
    }
}

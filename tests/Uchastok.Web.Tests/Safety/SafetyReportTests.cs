using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.Safety;
using Uchastok.Web.Safety;
using Uchastok.Web.Tests.Support;
using static Uchastok.Web.Tests.Safety.SafetyTestData;

namespace Uchastok.Web.Tests.Safety;

/// <summary>
/// Residents' quick reports over HTTP (issue 19): filed anonymously and signed, through the API and the page (its
/// danger step included), refused with nothing stored on bad input, limited per network, and anonymous for real —
/// no account, address, browser or cookie of the sender in the rows, the response or the logs.
/// </summary>
public sealed class SafetyReportTests(SafetyFactory factory) : IClassFixture<SafetyFactory>
{
    private static int _network;

    /// <summary>A network (/24) no other test of this class uses, and an address in it.</summary>
    private static string NewNetwork(int host = 10) => $"198.19.{Interlocked.Increment(ref _network)}.{host}";

    private HttpClient Anonymous(string language = "en") => factory.Client(language).From(NewNetwork());

    [Fact]
    public async Task FileReport_Anonymously_StoresTheReportStepAndNothingOfTheSender()
    {
        using var client = Anonymous();
        client.DefaultRequestHeaders.UserAgent.ParseAdd("SafetyProbeAgent/7.3");
        var address = client.DefaultRequestHeaders.GetValues(TestNetwork.Header).Single();

        var response = await client.PostAsJsonAsync("/api/v1/safety/reports", Report("Two men try car doors along the street at night"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"), "an anonymous API report sets no cookie");
        var receipt = await response.JsonAsync();
        var reference = receipt.GetProperty("reference").GetString()!;
        Assert.True(SubmitSafetyReportCommand.IsReference(reference), reference);
        Assert.True(receipt.GetProperty("placeLocated").GetBoolean());
        Assert.False(receipt.GetProperty("signed").GetBoolean());

        var (beatId, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        var incident = await WithDbAsync(factory, db => db.SafetyIncidents.AsNoTracking().SingleAsync(i => i.Reference == reference));
        // Every column, so a column added later has to be looked at here.
        Assert.Equal(
            ["AccountId", "AcknowledgedAtUtc", "AcknowledgedByUserId", "AddressText", "AppealNumber", "BeatId", "Category", "ClosedAtUtc", "ClosedByUserId",
             "CreatedAtUtc", "DeviceEventId", "DeviceId", "DistrictId", "EscalationLevel", "Id", "Kind", "Latitude", "Longitude", "MediaUrl", "OccurredAtUtc",
             "Outcome", "OutcomePatrol", "PlaceLocated", "Reference", "Status", "Text"],
            typeof(SafetyIncident).GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Null(incident.AccountId);
        // The duty console's columns are about the staff who work the incident, and empty until they do.
        Assert.Equal((null, null, 0, null, null, null, null, null),
            (incident.AcknowledgedByUserId, incident.AcknowledgedAtUtc, incident.EscalationLevel, incident.ClosedByUserId, incident.ClosedAtUtc, incident.Outcome, incident.OutcomePatrol, incident.AppealNumber));
        // The alarm's columns stay empty for a report: nothing there can carry the sender either.
        Assert.Equal(((int?)null, (string?)null, (DateTime?)null, (string?)null), (incident.DeviceId, incident.DeviceEventId, incident.OccurredAtUtc, incident.MediaUrl));
        Assert.Equal(SafetyIncidentKind.Report, incident.Kind);
        Assert.Equal(SafetyCategory.SuspiciousBehaviour, incident.Category);
        Assert.Equal((Lat, Lon), (incident.Latitude, incident.Longitude));
        Assert.True(incident.PlaceLocated);
        Assert.Equal((beatId, districtId), (incident.BeatId, incident.DistrictId));
        Assert.Equal("Two men try car doors along the street at night", incident.Text);
        Assert.Equal(SafetyIncidentStatus.Open, incident.Status);
        Assert.NotEqual(default, incident.CreatedAtUtc);
        Assert.DoesNotContain(address, incident.AddressText ?? "");

        var steps = await WithDbAsync(factory, db => db.SafetyIncidentSteps.AsNoTracking().Where(s => s.IncidentId == incident.Id).ToListAsync());
        Assert.Equal(["AtUtc", "ByUserId", "Id", "IncidentId", "Note", "Step"], typeof(SafetyIncidentStep).GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        var step = Assert.Single(steps);
        Assert.Equal((SafetySteps.Received, (string?)null, (string?)null), (step.Step, step.ByUserId, step.Note));

        // What the app logs for the request (hosting, routing, EF, the command) carries neither the address nor the browser.
        var lines = factory.Logs.Lines.ToArray();
        Assert.Contains(lines, l => l.Contains($"Safety report {incident.Id}", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains(address, StringComparison.Ordinal) || l.Contains("SafetyProbeAgent", StringComparison.Ordinal));
        // Nor the personal-data log: filing reads nobody's data.
        Assert.False(await WithDbAsync(factory, db => db.PersonalDataAccesses.AnyAsync(a => a.RecordKind == SafetyReportQueries.RecordKind && a.RecordId == incident.Id.ToString())));
    }

    [Fact]
    public async Task ReportPage_Anonymously_WithPhotoThroughTheDangerStep_KeepsOnlyTheAntiforgeryCookieAndAPhotoWithoutMetadata()
    {
        var network = NewNetwork();
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies };
        using var client = factory.CreateDefaultClient(factory.ClientOptions.BaseAddress, new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(cookies));
        client.DefaultRequestHeaders.Add(TestNetwork.Header, network);
        client.DefaultRequestHeaders.UserAgent.ParseAdd("SafetyProbeAgent/7.4");
        var page = await client.GetAsync("/safety/report");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("href=\"tel:102\"", html);
        Assert.Contains("href=\"tel:112\"", html);
        var setCookies = page.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        // The antiforgery cookie and nothing else; a session cookie (no Expires / Max-Age), gone when the browser closes.
        var cookie = Assert.Single(setCookies);
        Assert.StartsWith(".AspNetCore.Antiforgery.", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("expires", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("max-age", cookie, StringComparison.OrdinalIgnoreCase);

        var photo = Uchastok.Rules.Tests.Safety.SafetyTestPhotos.JpegWithExif();
        MultipartFormDataContent Form(string token)
        {
            var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent("suspicious-behaviour"), "category" },
                { new StringContent("43.2510"), "lat" },
                { new StringContent("76.9210"), "lon" },
                { new StringContent("A man with a knife scared children by the school yesterday"), "text" },
            };
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "photo", "IMG_0001.jpg");
            return form;
        }
        var before = await CountAsync(factory);

        var ask = await client.PostAsync("/safety/report", Form(CookieSession.AntiforgeryToken(html)));

        Assert.Equal(HttpStatusCode.OK, ask.StatusCode);
        var askHtml = await ask.Content.ReadAsStringAsync();
        Assert.Contains("id=\"danger-ask\"", askHtml);
        Assert.Contains("id=\"call-102\"", askHtml);
        Assert.Equal(before, await CountAsync(factory));
        Assert.False(ask.Headers.Contains("Set-Cookie") && ask.Headers.GetValues("Set-Cookie").Any(c => !c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal)));

        // "No, send my report": the confirm form carries every field, the cleaned photo as base64.
        var confirm = new Dictionary<string, string>();
        foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(askHtml, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\""))
            confirm[match.Groups[1].Value] = WebUtility.HtmlDecode(match.Groups[2].Value);
        Assert.Equal("true", confirm["notHappeningNow"]);
        Assert.True(confirm.ContainsKey(SafetyForm.CarriedPhotoField));
        confirm["__RequestVerificationToken"] = CookieSession.AntiforgeryToken(askHtml);
        var sent = await client.PostAsync("/safety/report", new FormUrlEncodedContent(confirm));

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var location = sent.Headers.Location!.OriginalString;
        Assert.StartsWith("/safety/report/sent/SR-", location, StringComparison.Ordinal);
        Assert.False(sent.Headers.Contains("Set-Cookie"));
        var reference = location["/safety/report/sent/".Length..].Split('?')[0];
        var done = await client.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains(reference, await done.Content.ReadAsStringAsync());
        Assert.False(done.Headers.Contains("Set-Cookie"));

        var incident = await WithDbAsync(factory, db => db.SafetyIncidents.AsNoTracking().SingleAsync(i => i.Reference == reference));
        Assert.Null(incident.AccountId);
        var stored = await WithDbAsync(factory, db => db.SafetyIncidentPhotos.AsNoTracking().SingleAsync(p => p.IncidentId == incident.Id));
        Assert.Equal(["Content", "ContentType", "Id", "IncidentId", "SizeBytes"], typeof(SafetyIncidentPhoto).GetProperties().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());
        Assert.Equal("image/jpeg", stored.ContentType);
        Assert.Equal(stored.Content.Length, stored.SizeBytes);
        Assert.Equal(-1, stored.Content.AsSpan().IndexOf(Encoding.ASCII.GetBytes(Uchastok.Rules.Tests.Safety.SafetyTestPhotos.Model)));
        Assert.Equal(-1, stored.Content.AsSpan().IndexOf("GPSLatitude"u8));
        Assert.Equal(-1, stored.Content.AsSpan().IndexOf("IMG_0001"u8));
        Assert.DoesNotContain(factory.Logs.Lines, l => l.Contains(network, StringComparison.Ordinal) || l.Contains("SafetyProbeAgent", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FileReport_SignedInResident_IsSignedOnlyWhenHeAsks()
    {
        using var resident = (await factory.SignedInAsync("resident1@demo.kz")).From(NewNetwork());
        var residentId = await WithDbAsync(factory, db => db.Users.Where(u => u.Email == "resident1@demo.kz").Select(u => u.Id).SingleAsync());

        var unsigned = await FileAsync(resident, Report());
        var signed = await FileAsync(resident, new { category = "unlit-place", lat = Lat, lon = Lon, text = "The lamp at the entrance is out", sign = true });

        Assert.False(unsigned.GetProperty("signed").GetBoolean());
        Assert.True(signed.GetProperty("signed").GetBoolean());
        Assert.Null(await WithDbAsync(factory, db => db.SafetyIncidents.Where(i => i.Reference == unsigned.GetProperty("reference").GetString()).Select(i => i.AccountId).SingleAsync()));
        Assert.Equal(residentId, await WithDbAsync(factory, db => db.SafetyIncidents.Where(i => i.Reference == signed.GetProperty("reference").GetString()).Select(i => i.AccountId).SingleAsync()));

        // A staff member cannot sign as a resident: his report is anonymous like anyone's.
        using var inspector = (await factory.SignedInAsync("inspector2@demo.kz")).From(NewNetwork());
        var staff = await FileAsync(inspector, new { category = "other", lat = Lat, lon = Lon, text = "Broken bench", sign = true });
        Assert.False(staff.GetProperty("signed").GetBoolean());
    }

    public static TheoryData<string, string> BadReports() => new()
    {
        { """{"category":"fire","lat":43.2510,"lon":76.9210,"text":"x"}""", "category" },
        { """{"category":"3","lat":43.2510,"lon":76.9210,"text":"x"}""", "category" },
        { """{"category":"other","lat":51.1694,"lon":71.4491,"text":"In Astana"}""", "lat" },
        { """{"category":"other","lat":95,"lon":76.9,"text":"Off the globe"}""", "lat" },
        { """{"category":"other","lat":43.2510,"text":"No longitude"}""", "lat" },
        { """{"category":"other","lat":43.2510,"lon":76.9210,"text":"   "}""", "text" },
        { $$"""{"category":"other","lat":43.2510,"lon":76.9210,"text":"{{new string('a', SafetyCategories.MaxTextLength + 1)}}"}""", "text" },
        { """{"category":"other","text":"Nowhere"}""", "place" },
        { """{"category":"other","addressText":"Nowhere street 999999","districtId":999999,"text":"x"}""", "districtId" },
        // A value of the wrong type names its field, as the appeal API does (the one JSON reader of Shared serves both).
        { """{"category":"other","lat":"abc","lon":76.9210,"text":"x"}""", "lat" },
        { """{"category":"other","lat":43.2510,"lon":76.9210,"text":"x","notHappeningNow":"perhaps"}""", "notHappeningNow" },
    };

    [Theory]
    [MemberData(nameof(BadReports))]
    public async Task FileReport_BadInput_IsRefusedInTheCallersLanguage_AndNothingIsStored(string body, string field)
    {
        using var client = Anonymous("ru");
        var before = await CountAsync(factory);

        var response = await client.PostAsync("/api/v1/safety/reports", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        var message = problem.GetProperty("errors").GetProperty(field)[0].GetString()!;
        Assert.Matches("[а-яА-Я]", message);
        Assert.Equal(before, await CountAsync(factory));
    }

    [Fact]
    public async Task FileReport_PhotoTooLargeOrNotAnImage_IsRefusedAndNothingIsStored()
    {
        using var client = Anonymous("kk");
        var before = await CountAsync(factory);

        foreach (var (bytes, name) in new[] { (new byte[SafetyPhoto.MaxBytes + 1], "big.jpg"), ("%PDF-1.7 not a photo"u8.ToArray(), "photo.jpg"), ([0xFF, 0xD8, 0xFF, 0xE1, 0xFF, 0xFF], "broken.jpg") })
        {
            if (bytes.Length > 10) bytes[0] = 0xFF;
            using var form = new MultipartFormDataContent
            {
                { new StringContent("yard-safety"), "category" },
                { new StringContent("43.2510"), "lat" },
                { new StringContent("76.9210"), "lon" },
                { new StringContent("An open manhole in the yard"), "text" },
                { new ByteArrayContent(bytes), "photo", name },
            };

            var response = await client.PostAsync("/api/v1/safety/reports", form);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var message = (await response.JsonAsync()).GetProperty("errors").GetProperty("photo")[0].GetString()!;
            Assert.Matches("[әғқңөұүһі]|фото", message.ToLowerInvariant());
        }
        Assert.Equal(before, await CountAsync(factory));
    }

    [Fact]
    public async Task FileReport_DangerText_IsAnsweredWithTheCallTo102_UntilTheSenderSaysItIsNotHappeningNow()
    {
        using var client = Anonymous("kk");
        var before = await CountAsync(factory);

        var asked = await client.PostAsJsonAsync("/api/v1/safety/reports", Report("Аулада біреу пышақпен жүр"));

        Assert.Equal(HttpStatusCode.Conflict, asked.StatusCode);
        Assert.Contains("102", (await asked.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(before, await CountAsync(factory));

        var filed = await FileAsync(client, new { category = "suspicious-behaviour", lat = Lat, lon = Lon, text = "Аулада біреу пышақпен жүр", notHappeningNow = true });
        Assert.True(SubmitSafetyReportCommand.IsReference(filed.GetProperty("reference").GetString()));
    }

    [Fact]
    public async Task FileReport_TypedAddress_IsPlacedWhenKnown_KeptInTheChosenDistrictOrWithoutOneWhenNot()
    {
        using var client = Anonymous();
        var (_, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        var known = await WithDbAsync(factory, db => db.Addresses.AsNoTracking().Include(a => a.Street).OrderBy(a => a.Id).FirstAsync());

        var placed = await FileAsync(client, new { category = "unlit-place", addressText = $"{known.Street.NameRu} {known.HouseNumber}", text = "Dark entrance" });
        var inDistrict = await FileAsync(client, new { category = "unlit-place", addressText = "behind the old garages by the river", districtId, text = "Dark passage" });
        var nowhere = await FileAsync(client, new { category = "unlit-place", addressText = "behind the old garages by the river", text = "Dark passage" });

        Assert.True(placed.GetProperty("placeLocated").GetBoolean());
        Assert.False(inDistrict.GetProperty("placeLocated").GetBoolean());
        Assert.Equal(JsonValueKind.String, inDistrict.GetProperty("district").ValueKind);
        Assert.Equal(JsonValueKind.Null, nowhere.GetProperty("district").ValueKind);
        var rows = await WithDbAsync(factory, db => db.SafetyIncidents.AsNoTracking()
            .Where(i => i.Reference == inDistrict.GetProperty("reference").GetString() || i.Reference == nowhere.GetProperty("reference").GetString()).ToListAsync());
        Assert.Contains(rows, r => r.DistrictId == districtId && r.BeatId is null && r.AddressText == "behind the old garages by the river");
        Assert.Contains(rows, r => r.DistrictId is null && r.BeatId is null && !r.PlaceLocated);
    }

    [Fact]
    public async Task TheLimit_BitesPerNetwork_AndAnotherNetworkIsUnaffected()
    {
        var network = NewNetwork(host: 5);
        using var first = factory.Client("ru").From(network);
        for (var i = 0; i < SafetyFactory.Limit; i++) await FileAsync(first, Report($"Report {i}"));

        var refused = await first.PostAsJsonAsync("/api/v1/safety/reports", Report());
        using var other = Anonymous();
        var otherFiled = await other.PostAsJsonAsync("/api/v1/safety/reports", Report());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Matches("[а-яА-Я]", (await refused.JsonAsync()).GetProperty("detail").GetString()!);
        Assert.Equal(HttpStatusCode.Created, otherFiled.StatusCode);

        // The page's form counts against the same limit and answers in the reader's language.
        var page = await first.PostAsync("/safety/report", new FormUrlEncodedContent(new Dictionary<string, string> { ["category"] = "other" }));
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Matches("[а-яА-Я]", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Reports_TheBeatsInspectorAndTheSupervisorSeeIt_AnotherBeatsInspectorDoesNot_AndEveryReadIsLogged()
    {
        using var client = Anonymous();
        var text = $"Suspicious van {Guid.NewGuid():N}";
        var reference = (await FileAsync(client, Report(text))).GetProperty("reference").GetString();
        var (beatId, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        var other = await factory.OtherInspectorAsync(districtId, beatId);

        async Task<List<JsonElement>> ListAsync(string who)
        {
            using var reader = await factory.SignedInAsync(who);
            var page = await (await reader.GetAsync("/api/v1/safety/reports?take=200")).JsonAsync();
            return page.GetProperty("reports").EnumerateArray().ToList();
        }

        var mine = await ListAsync("inspector1@demo.kz");
        var theirs = await ListAsync(other);
        var supervisor = await ListAsync("supervisor.almaly@demo.kz");
        var admin = await ListAsync("admin@demo.kz");

        var seen = Assert.Single(mine, r => r.GetProperty("reference").GetString() == reference);
        Assert.Equal(text, seen.GetProperty("text").GetString());
        Assert.Equal("suspicious-behaviour", seen.GetProperty("category").GetString());
        Assert.True(mine.SequenceEqual(mine.OrderByDescending(r => r.GetProperty("id").GetInt64())));
        Assert.DoesNotContain(theirs, r => r.GetProperty("reference").GetString() == reference);
        Assert.Contains(supervisor, r => r.GetProperty("reference").GetString() == reference);
        Assert.Contains(admin, r => r.GetProperty("reference").GetString() == reference);
        var id = seen.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var inspectorId = await WithDbAsync(factory, db => db.Users.Where(u => u.Email == "inspector1@demo.kz").Select(u => u.Id).SingleAsync());
        Assert.True(await WithDbAsync(factory, db => db.PersonalDataAccesses.AnyAsync(a => a.RecordKind == SafetyReportQueries.RecordKind && a.RecordId == id && a.ReaderUserId == inspectorId)));
    }

    [Fact]
    public async Task ReportsPage_ShowsTheBeatsReports_AndThePhotoOnlyToThoseWhoMaySeeIt()
    {
        using var client = Anonymous();
        using var form = new MultipartFormDataContent
        {
            { new StringContent("yard-safety"), "category" },
            { new StringContent("43.2510"), "lat" },
            { new StringContent("76.9210"), "lon" },
            { new StringContent("Broken <b>swing</b> in the yard"), "text" },
            { new ByteArrayContent(Uchastok.Rules.Tests.Safety.SafetyTestPhotos.PngWithText()), "photo", "swing.png" },
        };
        var filed = await client.PostAsync("/api/v1/safety/reports", form);
        Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        var reference = (await filed.JsonAsync()).GetProperty("reference").GetString()!;
        var id = await WithDbAsync(factory, db => db.SafetyIncidents.Where(i => i.Reference == reference).Select(i => i.Id).SingleAsync());

        using var inspector = await factory.SignedInWithCookieAsync("inspector1@demo.kz", language: "kk");
        var html = await inspector.GetStringAsync("/safety/reports");
        Assert.Contains(reference, html);
        Assert.Contains("Broken &lt;b&gt;swing&lt;/b&gt;", html);
        Assert.Contains($"/api/v1/safety/reports/{id}/photo", html);
        var photo = await inspector.GetAsync($"/api/v1/safety/reports/{id}/photo");
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/png", photo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(-1, (await photo.Content.ReadAsByteArrayAsync()).AsSpan().IndexOf("tEXt"u8));

        using var resident = await factory.SignedInAsync("resident1@demo.kz");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync($"/api/v1/safety/reports/{id}/photo")).StatusCode);
        using var anonymous = factory.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/safety/reports/{id}/photo")).StatusCode);
    }
}

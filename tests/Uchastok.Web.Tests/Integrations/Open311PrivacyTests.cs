using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Integrations;

/// <summary>
/// What Open311 shows the public: never the applicant's name, phone, e-mail or IIN, never the
/// exact place, the text only with consent, and nothing at all of a complaint about an officer.
/// </summary>
public sealed class Open311PrivacyTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    private const string Lat = "43.25123", Lon = "76.92177";

    [Fact]
    public async Task EveryGetAnswer_CarriesNoPersonalDataOfTheApplicant_NorTheExactPlace()
    {
        var key = await factory.CreateApiKeyAsync();
        using var client = factory.Client();
        var applicants = new List<Dictionary<string, string>>();
        var numbers = new List<string>();
        foreach (var publish in new[] { "yes", "no" })
        {
            var fields = Open311Client.ValidRequest(key);
            (fields["lat"], fields["long"]) = (Lat, Lon);
            (fields["first_name"], fields["last_name"]) = ("Жанар" + publish, "Тулегенова" + publish);
            fields["phone"] = "+7 701 555 12 3" + (publish == "yes" ? "4" : "5");
            fields["attribute[iin]"] = publish == "yes" ? "900101300027" : "850615400016";
            fields["attribute[publish]"] = publish;
            // The applicant writes her own name and contacts into the text, as people do.
            fields["description"] = $"Шум каждую ночь. Жанар{publish} Тулегенова{publish}, тел. {fields["phone"]}, {fields["email"]}, ИИН {fields["attribute[iin]"]}.";
            numbers.Add(await client.FileOpen311Async(fields));
            applicants.Add(fields);
        }
        var token = await Open311ConformanceTests.TrackingTokenAsync(factory, applicants[0]["email"]);

        var paths = new List<string> { "services", "services/noise", "discovery", $"tokens/{token}" };
        foreach (var query in new[] { "", "?extensions=true", $"?service_request_id={string.Join(',', numbers)}&extensions=true", "?status=open&service_code=noise" })
            paths.Add("requests" + query);
        foreach (var number in numbers) paths.AddRange([$"requests/{number}", $"requests/{number}?extensions=true"]);

        foreach (var path in paths)
        {
            foreach (var format in new[] { "json", "xml" })
            {
                var url = path.Contains('?', StringComparison.Ordinal) ? path.Replace("?", $".{format}?", StringComparison.Ordinal) : $"{path}.{format}";
                var response = await client.GetAsync($"/open311/v2/{url}");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var body = await response.Content.ReadAsStringAsync();
                foreach (var applicant in applicants)
                {
                    foreach (var personal in new[] { applicant["first_name"], applicant["last_name"], applicant["email"], applicant["attribute[iin]"], Digits(applicant["phone"]) })
                        Assert.DoesNotContain(personal, Digits(body) + body, StringComparison.OrdinalIgnoreCase);
                }
                Assert.DoesNotContain(Lat, body, StringComparison.Ordinal);
                Assert.DoesNotContain(Lon, body, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task WithConsent_TheTextIsShownAndThePlaceIsOnA100MetreGrid_WithoutIt_NeitherIs()
    {
        var key = await factory.CreateApiKeyAsync();
        using var client = factory.Client();
        var published = new Dictionary<string, System.Text.Json.JsonElement>();
        foreach (var publish in new[] { "yes", "no" })
        {
            var fields = Open311Client.ValidRequest(key, "marker-" + publish);
            (fields["lat"], fields["long"]) = (Lat, Lon);
            fields["attribute[publish]"] = publish;
            var number = await client.FileOpen311Async(fields);
            published[publish] = (await (await client.GetAsync($"/open311/v2/requests/{number}.json")).JsonAsync())[0];
        }
        var beat = await (await client.GetAsync($"/api/v1/beats/{(await factory.BeatAtAsync(Lat, Lon)).BeatId}")).JsonAsync();

        Assert.Contains("marker-yes", published["yes"].GetProperty("description").GetString(), StringComparison.Ordinal);
        var (lat, lon) = (published["yes"].GetProperty("lat").GetDouble(), published["yes"].GetProperty("long").GetDouble());
        var metres = Math.Sqrt(Math.Pow((lat - double.Parse(Lat, CultureInfo.InvariantCulture)) * 111_320, 2)
            + Math.Pow((lon - double.Parse(Lon, CultureInfo.InvariantCulture)) * 111_320 * Math.Cos(lat * Math.PI / 180), 2));
        Assert.InRange(metres, 0.5, 72);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, published["no"].GetProperty("description").ValueKind);
        Assert.NotEqual(lat, published["no"].GetProperty("lat").GetDouble());
        Assert.Equal(beat.GetProperty("centre").GetProperty("lat").GetDouble(), published["no"].GetProperty("lat").GetDouble(), 6);
    }

    [Fact]
    public async Task AComplaintAboutAnOfficer_IsNeitherListedNorFoundById()
    {
        var key = await factory.CreateApiKeyAsync();
        using var client = factory.Client();
        var fields = Open311Client.ValidRequest(key);
        fields["service_code"] = "officer-conduct";
        fields["attribute[about_police_officer]"] = "yes";
        fields["attribute[publish]"] = "yes";

        var number = await client.FileOpen311Async(fields);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/open311/v2/requests/{number}.json")).StatusCode);
        foreach (var query in new[] { "", $"?service_request_id={number}", "?service_code=officer-conduct" })
        {
            var listed = await (await client.GetAsync($"/open311/v2/requests.json{query}")).JsonAsync();
            Assert.DoesNotContain(listed.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == number);
        }
    }

    [Theory]
    [InlineData("domestic")]
    [InlineData("minors")]
    public async Task ASensitiveCategory_IsNeitherListedNorFoundById_EvenWithConsent(string category)
    {
        var key = await factory.CreateApiKeyAsync();
        using var client = factory.Client();
        var fields = Open311Client.ValidRequest(key);
        fields["service_code"] = category;
        fields["attribute[publish]"] = "yes";
        (fields["lat"], fields["long"]) = (Lat, Lon);

        var number = await client.FileOpen311Async(fields);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/open311/v2/requests/{number}.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/open311/v2/requests/{number}.xml")).StatusCode);
        foreach (var query in new[] { "", $"?service_request_id={number}", $"?service_code={category}", "?status=open" })
        {
            var listed = await (await client.GetAsync($"/open311/v2/requests.json{query}")).JsonAsync();
            Assert.DoesNotContain(listed.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == number);
        }
    }

    [Fact]
    public async Task ACategoryAnAdministratorFlagsSensitive_LeavesEveryPublicList()
    {
        var key = await factory.CreateApiKeyAsync();
        using var client = factory.Client();
        var fields = Open311Client.ValidRequest(key);
        fields["service_code"] = "animals";
        var number = await client.FileOpen311Async(fields);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/open311/v2/requests/{number}.json")).StatusCode);

        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var animals = (await (await admin.GetAsync("/api/v1/admin/appeal-categories")).JsonAsync()).EnumerateArray().Single(c => c.GetProperty("code").GetString() == "animals");
        var flag = await admin.PutAsJsonAsync($"/api/v1/admin/appeal-categories/{animals.GetProperty("id").GetInt32()}", new
        {
            code = "animals", nameKk = animals.GetProperty("nameKk").GetString(), nameRu = animals.GetProperty("nameRu").GetString(), nameEn = animals.GetProperty("nameEn").GetString(),
            isActive = true, sortOrder = animals.GetProperty("sortOrder").GetInt32(), isSensitive = true,
        });
        Assert.Equal(HttpStatusCode.OK, flag.StatusCode);
        try
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/open311/v2/requests/{number}.json")).StatusCode);
            var listed = await (await client.GetAsync("/open311/v2/requests.json")).JsonAsync();
            Assert.DoesNotContain(listed.EnumerateArray(), r => r.GetProperty("service_request_id").GetString() == number);
        }
        finally
        {
            await admin.PutAsJsonAsync($"/api/v1/admin/appeal-categories/{animals.GetProperty("id").GetInt32()}", new
            {
                code = "animals", nameKk = animals.GetProperty("nameKk").GetString(), nameRu = animals.GetProperty("nameRu").GetString(), nameEn = animals.GetProperty("nameEn").GetString(),
                isActive = true, sortOrder = animals.GetProperty("sortOrder").GetInt32(), isSensitive = false,
            });
        }
    }

    [Fact]
    public async Task PublicTimes_AreRoundedToTheDay()
    {
        var key = await factory.CreateApiKeyAsync();
        using var client = factory.Client();
        var number = await client.FileOpen311Async(Open311Client.ValidRequest(key));

        foreach (var request in new[] { (await (await client.GetAsync($"/open311/v2/requests/{number}.json")).JsonAsync())[0],
                     (await (await client.GetAsync($"/open311/v2/requests.json?service_request_id={number}")).JsonAsync())[0] })
        {
            Assert.EndsWith("T00:00:00+05:00", request.GetProperty("requested_datetime").GetString());
            Assert.EndsWith("T00:00:00+05:00", request.GetProperty("updated_datetime").GetString());
        }
    }

    [Fact]
    public async Task AnAppealFiledOnTheApi_IsPublishedOnlyWhenItsApplicantAgreed()
    {
        using var guest = factory.Client();
        var shown = await factory.AppealBodyAsync();
        shown["publish"] = true;
        var hidden = await factory.AppealBodyAsync();
        var (shownNumber, _, _) = await factory.FileAppealAsync(guest, shown);
        var (hiddenNumber, _, _) = await factory.FileAppealAsync(guest, hidden);

        var requests = (await (await guest.GetAsync($"/open311/v2/requests.json?service_request_id={shownNumber},{hiddenNumber}")).JsonAsync())
            .EnumerateArray().ToDictionary(r => r.GetProperty("service_request_id").GetString()!, r => r.GetProperty("description"));

        Assert.Equal((string)shown["text"]!, requests[shownNumber].GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, requests[hiddenNumber].ValueKind);
    }

    private static string Digits(string text) => new(text.Where(char.IsDigit).ToArray());
}

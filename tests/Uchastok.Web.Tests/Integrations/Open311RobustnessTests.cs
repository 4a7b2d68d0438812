using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Integrations;

/// <summary>What FixMyStreet's client and codeforamerica/three found: answers that broke, redirects taken for success, a notice that named the wrong officer.</summary>
public sealed class Open311RobustnessTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task ControlCharactersAndLoneSurrogates_InAPublishedText_NeverBreakTheXmlOrJsonAnswers()
    {
        using var guest = factory.Client();
        var body = await factory.AppealBodyAsync();
        body["publish"] = true;
        body["text"] = "Noise\vevery\u0001night after 23:00";
        var (number, _, _) = await factory.FileAppealAsync(guest, body);
        var (older, _, _) = await factory.FileAppealAsync(guest, await WithPublishAsync());
        // As a text kept before input was cleaned would be: a vertical tab, and a lone surrogate where the
        // database can hold one (SQLite can; PostgreSQL refuses it on the way in).
        var sqlite = UchastokAppFactory.Provider != "postgres";
        var stored = sqlite ? "Broken\v text \uD800 here" : "Broken\v text \u0001\uFFFD here";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
            await db.Appeals.Where(a => a.Number == older).ExecuteUpdateAsync(u => u.SetProperty(a => a.Text, stored));
        }

        foreach (var path in new[] { "/open311/v2/requests.xml", $"/open311/v2/requests.xml?service_request_id={number},{older}", $"/open311/v2/requests/{older}.xml" })
        {
            var response = await guest.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Contains(xml.Descendants("description"), d => d.Value == "Broken text \uFFFD here" || d.Value == "Noiseeverynight after 23:00");
        }
        foreach (var path in new[] { "/open311/v2/requests.json", $"/open311/v2/requests.json?service_request_id={number},{older}", $"/open311/v2/requests/{older}.json" })
        {
            var response = await guest.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains((await response.JsonAsync()).EnumerateArray(), r => r.GetProperty("description").GetString() is "Broken text \uFFFD here" or "Noiseeverynight after 23:00");
        }
    }

    private async Task<Dictionary<string, object?>> WithPublishAsync()
    {
        var body = await factory.AppealBodyAsync();
        body["publish"] = true;
        return body;
    }

    [Theory]
    [InlineData("GET", "/open311/v2/nothing-here.xml", HttpStatusCode.NotFound, "xml")]
    [InlineData("GET", "/open311/v2/nothing/here.json", HttpStatusCode.NotFound, "json")]
    [InlineData("POST", "/open311/v2/services.json", HttpStatusCode.MethodNotAllowed, "json")]
    [InlineData("DELETE", "/open311/v2/requests.xml", HttpStatusCode.MethodNotAllowed, "xml")]
    [InlineData("PUT", "/open311/v2/requests/ALM-2026-000001.json", HttpStatusCode.MethodNotAllowed, "json")]
    [InlineData("OPTIONS", "/open311/v2/discovery.json", HttpStatusCode.MethodNotAllowed, "json")]
    [InlineData("OPTIONS", "/open311/v2/requests.xml", HttpStatusCode.MethodNotAllowed, "xml")]
    public async Task UnknownPathsAndMethods_AnswerInTheOpen311ErrorFormat_NeverWithTheSignInRedirect(string method, string path, HttpStatusCode expected, string format)
    {
        using var client = factory.Client();
        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(expected, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        if (format == "json")
        {
            Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal((int)expected, (await response.JsonAsync())[0].GetProperty("code").GetInt32());
        }
        else
        {
            Assert.Equal("text/xml", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(((int)expected).ToString(System.Globalization.CultureInfo.InvariantCulture), XDocument.Parse(text).Root!.Element("error")!.Element("code")!.Value);
        }
        if (expected == HttpStatusCode.MethodNotAllowed) Assert.NotEmpty(response.Content.Headers.Allow);
    }

    [Fact]
    public async Task Head_OnAMethod_Is405_NotARedirect()
    {
        using var client = factory.Client();
        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/open311/v2/services.xml"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("GET", response.Content.Headers.Allow);
    }

    [Theory]
    [InlineData("en", "head of the district police service")]
    [InlineData("ru", "начальнику службы участковых")]
    [InlineData("kk", "қызметінің бастығына")]
    public async Task AComplaintAboutAnOfficer_ItsNoticeSaysItWentToTheHead_NotTheInspector(string locale, string expected)
    {
        var key = await factory.CreateApiKeyAsync();
        using var client = factory.Client();
        var fields = Open311Client.ValidRequest(key);
        fields["service_code"] = "officer-conduct";
        fields["attribute[about_police_officer]"] = "yes";
        fields["locale"] = locale;

        var response = await client.PostRequestAsync(fields);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var notice = (await response.JsonAsync())[0].GetProperty("service_notice").GetString()!;
        Assert.Contains(expected, notice, StringComparison.Ordinal);
        Assert.DoesNotContain(locale switch { "en" => "district inspector", "ru" => "участковому инспектору:", _ => "учаскелік инспекторға" }, notice, StringComparison.Ordinal);
    }
}

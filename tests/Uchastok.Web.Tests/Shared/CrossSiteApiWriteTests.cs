using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Shared;

/// <summary>
/// A change to the API made with the sign-in cookie needs the page's antiforgery token in a header
/// and, when the browser names one, an Origin of this site; a bearer token or no sign-in at all
/// needs neither.
/// </summary>
public sealed class CrossSiteApiWriteTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    private const string EvilOrigin = "https://evil.example";

    [Fact]
    public async Task CrossOriginMultipartImport_AsAdminWithTheCookie_IsRefusedAndStoresNothing()
    {
        // What a page on another site can make the administrator's browser send: a multipart form, the cookie, no token.
        using var admin = await factory.SignedInWithCookieAsync("admin@demo.kz", language: "ru", apiToken: false);
        var marker = Guid.NewGuid().ToString("N")[..12];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/incidents/import?format=police-uk") { Content = IncidentFile(marker) };
        request.Headers.Add("Origin", EvilOrigin);

        var response = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal("Изменение, отправленное с другого сайта, отклонено.", problem.GetProperty("detail").GetString());
        Assert.Equal(0, await IncidentsMarkedAsync(marker));
    }

    [Fact]
    public async Task CrossOriginImport_EvenWithAToken_IsRefused()
    {
        using var admin = await factory.SignedInWithCookieAsync("admin@demo.kz");
        var marker = Guid.NewGuid().ToString("N")[..12];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/incidents/import?format=police-uk") { Content = IncidentFile(marker) };
        request.Headers.Add("Origin", EvilOrigin);

        var response = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await IncidentsMarkedAsync(marker));
    }

    [Fact]
    public async Task CookieWrite_WithoutTheHeader_IsRefusedInTheUsersLanguage_AndWithItGoesThrough()
    {
        using var bare = await factory.SignedInWithCookieAsync("admin@demo.kz", language: "kk", apiToken: false);
        using var page = await factory.SignedInWithCookieAsync("admin@demo.kz");
        var refusedMarker = Guid.NewGuid().ToString("N")[..12];
        var takenMarker = Guid.NewGuid().ToString("N")[..12];

        var refused = await bare.PostAsync("/api/v1/incidents/import?format=police-uk", IncidentFile(refusedMarker));
        // Same origin, as a page's script sends it, with the page's token.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/incidents/import?format=police-uk") { Content = IncidentFile(takenMarker) };
        request.Headers.Add("Origin", factory.Server.BaseAddress.GetLeftPart(UriPartial.Authority));
        var taken = await page.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.JsonAsync();
        Assert.Equal("https://uchastok.kz/problems/Antiforgery.ApiHeader", problem.GetProperty("type").GetString());
        Assert.Contains("RequestVerificationToken", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Сұрау дұрыс емес", problem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Equal(0, await IncidentsMarkedAsync(refusedMarker));
        Assert.Equal(1, await IncidentsMarkedAsync(takenMarker));
    }

    [Fact]
    public async Task CookieWrite_WithAForgedToken_IsRefused()
    {
        using var admin = await factory.SignedInWithCookieAsync("admin@demo.kz", apiToken: false);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/incidents/import?format=police-uk") { Content = IncidentFile("forged") };
        request.Headers.Add("RequestVerificationToken", "CfDJ8forged");

        var response = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task BearerAndAnonymousWrites_NeedNoToken_FromAnyOrigin()
    {
        using var bearer = await factory.SignedInAsync("admin@demo.kz");
        var marker = Guid.NewGuid().ToString("N")[..12];
        using var imported = new HttpRequestMessage(HttpMethod.Post, "/api/v1/incidents/import?format=police-uk") { Content = IncidentFile(marker) };
        imported.Headers.Add("Origin", EvilOrigin);
        using var anonymous = factory.Client();
        using var filed = new HttpRequestMessage(HttpMethod.Post, "/api/v1/appeals") { Content = JsonContent.Create(await factory.AppealBodyAsync()) };
        filed.Headers.Add("Origin", EvilOrigin);

        Assert.Equal(HttpStatusCode.OK, (await bearer.SendAsync(imported)).StatusCode);
        Assert.Equal(1, await IncidentsMarkedAsync(marker));
        Assert.Equal(HttpStatusCode.Created, (await anonymous.SendAsync(filed)).StatusCode);
    }

    private static MultipartFormDataContent IncidentFile(string marker)
    {
        var csv = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context\n"
            + $"{marker}-1,2026-10,Almaty,Almaty,76.921000,43.251000,On or near Tole bi,,,Burglary,Under investigation,\n";
        return new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "incidents.csv" } };
    }

    private async Task<int> IncidentsMarkedAsync(string marker)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UchastokDbContext>().Incidents.CountAsync(i => i.ExternalId!.StartsWith(marker));
    }
}

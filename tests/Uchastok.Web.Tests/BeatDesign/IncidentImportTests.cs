using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.BeatDesign;

/// <summary>Incident import: police.uk files exactly as published and files with named columns; every refused row reported, nothing stored from a refused file.</summary>
public sealed class IncidentImportTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    private const string PoliceUkHeader = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context";

    [Fact]
    public async Task PoliceUkFileInAlmaty_PlacesEachIncidentInItsSmallAreaAndBeat_AndReportsTheRest()
    {
        var marker = Guid.NewGuid().ToString("N")[..12];
        var csv = new StringBuilder(PoliceUkHeader).Append('\n')
            .Append($"{marker}-1,2026-10,Almaty,Almaty,76.921000,43.251000,\"On or near Tole bi, 59\",,,Burglary,Under investigation,\n")
            .Append($"{marker}-2,2026-10,Almaty,Almaty,76.921500,43.251200,On or near Abylai Khan,,,Anti-social behaviour,,\n")
            .Append($"{marker}-3,2026-10,Almaty,Almaty,,,No location,,,Burglary,,\n")
            .Append($"{marker}-4,2026-10,Almaty,Almaty,-0.1246,51.5007,London,,,Burglary,,\n")
            .Append($"{marker}-5,10/2026,Almaty,Almaty,76.9215,43.2512,On or near,,,Burglary,,\n");
        using var admin = await factory.SignedInAsync("admin@demo.kz");

        var response = await admin.PostAsync("/api/v1/incidents/import?format=police-uk", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.JsonAsync();
        Assert.Equal(5, report.GetProperty("rowsRead").GetInt32());
        Assert.Equal(2, report.GetProperty("rowsTaken").GetInt32());
        Assert.Equal(3, report.GetProperty("rowsRefused").GetInt32());
        var refusals = report.GetProperty("refusals").EnumerateArray().Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("reason").GetString())).ToList();
        Assert.Equal([(4, "MissingCoordinates"), (5, "OutsideTerritory"), (6, "BadDate")], refusals);
        var (beatId, _) = await factory.BeatAtAsync("43.2510", "76.9210");
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        var stored = await db.Incidents.Where(i => i.ExternalId!.StartsWith(marker))
            .Join(db.SmallAreas, i => i.SmallAreaId, a => a.Id, (i, a) => new { i.OccurredOn, a.BeatId }).ToListAsync();
        Assert.Equal(2, stored.Count);
        Assert.All(stored, i => Assert.Equal(beatId, i.BeatId));
        Assert.Equal(new DateOnly(2026, 10, 1), stored[0].OccurredOn);
    }

    [Fact]
    public async Task RealPoliceUkFileOfLondon_IsReadToTheLastRow_AndEveryRowIsReportedOutsideTheTerritory()
    {
        var path = Path.Combine(SharedData.Path, "london", "police-uk-monthly", "2024-10-metropolitan-street.csv");
        var rows = File.ReadLines(path).Count() - 1;
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        using var form = new MultipartFormDataContent { { new StreamContent(File.OpenRead(path)), "file", "2024-10-metropolitan-street.csv" } };

        var response = await admin.PostAsync("/api/v1/incidents/import?format=police-uk", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.JsonAsync();
        Assert.Equal(rows, report.GetProperty("rowsRead").GetInt32());
        Assert.Equal(0, report.GetProperty("rowsTaken").GetInt32());
        Assert.Equal(rows, report.GetProperty("rowsRefused").GetInt32());
        Assert.Equal(rows, report.GetProperty("refusedByReason").EnumerateObject().Sum(p => p.Value.GetInt32()));
    }

    [Fact]
    public async Task GenericFile_WithNamedColumns_IsTaken_AndAFileWithoutThemIsRefusedWhole()
    {
        var marker = Guid.NewGuid().ToString("N")[..12];
        using var admin = await factory.SignedInAsync("admin@demo.kz", language: "ru");
        var csv = $"ид;когда;что;шир;долг\n{marker};05.11.2026;Кража;43.2510;76.9210\n";

        var taken = await admin.PostAsync("/api/v1/incidents/import?format=generic&longitude=долг&latitude=шир&type=что&date=когда&id=ид", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var refused = await admin.PostAsync("/api/v1/incidents/import?format=generic&longitude=lon&latitude=lat&type=что&date=когда", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var unknown = await admin.PostAsync("/api/v1/incidents/import?format=excel", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Equal(1, (await taken.JsonAsync()).GetProperty("rowsTaken").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("lon, lat", (await refused.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<UchastokDbContext>().Incidents.CountAsync(i => i.ExternalId == marker));
    }

    [Fact]
    public async Task ADateTimeInUtc_IsStoredAsTheDayAndHourOnAlmatysClock()
    {
        var marker = Guid.NewGuid().ToString("N")[..12];
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var csv = $"id,lon,lat,kind,at\n{marker},76.9210,43.2510,Theft,2026-11-05T21:30:00Z\n";

        var response = await admin.PostAsync("/api/v1/incidents/import?format=generic&longitude=lon&latitude=lat&type=kind&date=at&id=id", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var scope = factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<UchastokDbContext>().Incidents.SingleAsync(i => i.ExternalId == marker);
        // 21:30 UTC is 02:30 the next morning in Almaty (UTC+5).
        Assert.Equal(new DateOnly(2026, 11, 6), stored.OccurredOn);
        Assert.Equal(new TimeOnly(2, 30), stored.OccurredAt);
    }

    [Fact]
    public async Task AnEmptyFile_IsRefusedWhole_InTheCallersLanguage()
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz", language: "ru");

        var response = await admin.PostAsync("/api/v1/incidents/import?format=police-uk", new StringContent("", Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Файл пуст: нужны строка заголовков и строки данных.", (await response.JsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task AFileSavedInWindows1251_IsRefusedWhole_AndTheMessageSaysHowToSaveIt()
    {
        var marker = Guid.NewGuid().ToString("N")[..12];
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var csv = Encoding.GetEncoding(1251).GetBytes($"id,lon,lat,kind,day\n{marker},76.9210,43.2510,Кража,2026-11-05\n");
        using var admin = await factory.SignedInAsync("admin@demo.kz", language: "ru");

        var response = await admin.PostAsync("/api/v1/incidents/import?format=generic&longitude=lon&latitude=lat&type=kind&date=day&id=id",
            new ByteArrayContent(csv) { Headers = { ContentType = new("text/csv") } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("сохраните его как «CSV UTF-8»", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<UchastokDbContext>().Incidents.CountAsync(i => i.ExternalId == marker));
    }

    [Theory]
    [InlineData("supervisor.almaly@demo.kz", HttpStatusCode.Forbidden)]
    [InlineData("inspector1@demo.kz", HttpStatusCode.Forbidden)]
    [InlineData("anonymous", HttpStatusCode.Unauthorized)]
    public async Task OnlyAdministrators_Import(string who, HttpStatusCode expected)
    {
        using var client = who == "anonymous" ? factory.Client() : await factory.SignedInAsync(who);

        var response = await client.PostAsync("/api/v1/incidents/import?format=police-uk", new StringContent(PoliceUkHeader + "\n", Encoding.UTF8, "text/csv"));

        Assert.Equal(expected, response.StatusCode);
    }
}

using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.BeatDesign;
using Uchastok.Rules.CrimeAnalytics;
using Uchastok.Rules.Territory;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Web;
using Uchastok.Web.Territory;

namespace Uchastok.Web.BeatDesign;

/// <summary>A refused row as the report shows it.</summary>
public sealed record IncidentRefusalView(int Row, string Reason, string? Value);

public sealed record IncidentImportReport(int? ImportId, int RowsRead, int RowsTaken, int RowsRefused, IReadOnlyDictionary<string, int> RefusedByReason, IReadOnlyList<IncidentRefusalView> Refusals, string? FileProblem);

/// <summary>
/// Imports recorded incidents from CSV: the police.uk street-level file exactly as published, or
/// any file whose columns are named. Each incident is placed in the small area (and so the beat
/// and district) that holds its point. A row without coordinates, with bad ones, without a type or
/// date, or outside every small area is refused and reported with its row number and reason;
/// nothing is dropped silently. The rows taken are stored in one transaction.
/// </summary>
public sealed class ImportIncidentsCommand(UchastokDbContext db, TimeProvider clock, IncidentCategoryMap categories, ILogger<ImportIncidentsCommand> logger)
{
    public const int MaxRows = 500_000;
    public const int MaxRefusalsKept = 1000;

    public async Task<IncidentImportReport> ExecuteAsync(Stream csv, string fileName, IncidentColumns columns, string format, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var records = new List<IncidentRecord>();
        var refusals = new List<IncidentRowRefusal>();
        var file = await CsvRows.ReadAsync(csv, columns.Required, MaxRows, trimHeader: false, (row, field) =>
        {
            var (record, refusal) = IncidentRows.Read(row, field, columns);
            if (record is not null) records.Add(record);
            else refusals.Add(refusal!);
        }, cancellationToken);
        if (file.Problem is { } problem)
            return FileProblem(problem.ToString(), problem == CsvFileProblem.TooManyRows ? MaxRows.ToString("N0", CultureInfo.InvariantCulture) : file.MissingColumns);
        var read = file.Rows;

        // Place each incident in its small area; the small areas tile the districts.
        var areas = await db.SmallAreas.AsNoTracking().Select(a => new { a.Id, a.DistrictId, a.BoundaryGeoJson }).ToListAsync(cancellationToken);
        var locator = new BeatLocator(areas.Select(a => (a.Id, GeoJson.ReadGeometry(a.BoundaryGeoJson))));
        var byId = areas.ToDictionary(a => a.Id);
        var import = new IncidentImport
        {
            FileName = Path.GetFileName(fileName).Length > 200 ? Path.GetFileName(fileName)[..200] : Path.GetFileName(fileName), Format = format,
            ImportedAtUtc = clock.GetUtcNow().UtcDateTime, ImportedByUserId = user.FindFirstValue(ClaimTypes.NameIdentifier), RefusalsJson = "[]",
        };
        var incidents = new List<Incident>();
        foreach (var record in records)
        {
            if (locator.Locate(record.Longitude, record.Latitude) is not { } areaId)
            {
                refusals.Add(new IncidentRowRefusal(record.Row, IncidentRefusal.OutsideTerritory, FormattableString.Invariant($"{record.Longitude}, {record.Latitude}")));
                continue;
            }
            var area = byId[areaId];
            incidents.Add(new Incident
            {
                Type = record.Type, Category = categories.CategoryOf(record.Type), OccurredOn = record.OccurredOn, OccurredAt = record.OccurredAt, Latitude = record.Latitude, Longitude = record.Longitude,
                SmallAreaId = area.Id, DistrictId = area.DistrictId, ExternalId = record.ExternalId,
            });
        }
        refusals.Sort((a, b) => a.Row.CompareTo(b.Row));
        import.RowsRead = read;
        import.RowsTaken = incidents.Count;
        import.RowsRefused = refusals.Count;
        var kept = refusals.Take(MaxRefusalsKept).Select(r => new IncidentRefusalView(r.Row, r.Reason.ToString(), r.Value)).ToList();
        import.RefusalsJson = JsonSerializer.Serialize(kept);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.IncidentImports.Add(import);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var incident in incidents) incident.ImportId = import.Id;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Incidents.AddRange(incidents);
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Incidents imported from {File} ({Format}) by {UserId}: {Read} rows, {Taken} taken, {Refused} refused", import.FileName, format, import.ImportedByUserId, read, incidents.Count, refusals.Count);
        return new IncidentImportReport(import.Id, import.RowsRead, import.RowsTaken, import.RowsRefused,
            refusals.GroupBy(r => r.Reason.ToString()).ToDictionary(g => g.Key, g => g.Count()), kept, null);
    }

    private static IncidentImportReport FileProblem(string problem, string? detail = null) =>
        new(null, 0, 0, 0, new Dictionary<string, int>(), [], detail is null ? problem : $"{problem}:{detail}");
}

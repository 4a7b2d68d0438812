using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.Territory;
using Uchastok.Rules.Territory.DemoCity;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Accounts;
using Uchastok.Web.Territory;

namespace Uchastok.Web.Demo;

/// <summary>A demo login printed by <c>./run.sh</c> and listed in the README.</summary>
public sealed record DemoLogin(string Email, string Role, string Description);

/// <summary>
/// Fills an empty database with the demo city (see <see cref="DemoCityGenerator"/>) and the
/// demo accounts. Roles are ensured on every start; the city only when there are no districts.
/// </summary>
public sealed class DemoCitySeeder(UchastokDbContext db, UserManager<ApplicationUser> users, RoleManager<IdentityRole> roles, TimeProvider clock, ILogger<DemoCitySeeder> logger)
{
    public const string DemoPassword = "Demo123!";

    /// <summary>The generator is deterministic: a process that seeds several databases (the test suites do) builds the city once.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<DemoCity>> GeneratedCities = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<IReadOnlyList<GeneratedSmallArea>>> GeneratedSmallAreas = new();

    /// <summary>The point that must lie in inspector1's beat: central Almaly, near Tole bi street.</summary>
    public const double InspectorOneLatitude = 43.2510, InspectorOneLongitude = 76.9210;

    public static readonly IReadOnlyList<DemoLogin> Logins =
    [
        new("admin@demo.kz", Roles.Admin, "administrator of the whole city"),
        new("supervisor.almaly@demo.kz", Roles.Supervisor, "head of the local police service of Almaly district"),
        new("inspector1@demo.kz", Roles.Inspector, "district inspector of the Almaly beat at 43.2510 N, 76.9210 E (Tole bi street)"),
        new("inspector2@demo.kz", Roles.Inspector, "district inspector of another Almaly beat (the next by number): sees none of inspector1's files"),
        new("juvenile.almaly@demo.kz", Roles.JuvenileInspector, "juvenile inspector of Almaly district"),
        new("women.almaly@demo.kz", Roles.WomenProtectionOfficer, "women-protection officer of Almaly district"),
        new("duty.almaly@demo.kz", Roles.DutyOfficer, "duty officer of Almaly district's duty unit: the live safety console"),
        new("licensing@demo.kz", Roles.Licensing, "licensing-and-permits officer of the city: the weapons registers"),
        new("resident1@demo.kz", Roles.Resident, "resident"),
        new("resident2@demo.kz", Roles.Resident, "resident"),
    ];

    public Task EnsureRolesAsync() => AccountRoles.EnsureAsync(roles);

    public async Task<bool> SeedAsync(string sharedDataPath, CancellationToken cancellationToken = default)
    {
        await EnsureRolesAsync();
        if (await db.Districts.AnyAsync(cancellationToken))
        {
            await AddMissingSmallAreasAsync(sharedDataPath, cancellationToken);
            return false;
        }

        var started = clock.GetTimestamp();
        var city = CityOf(sharedDataPath);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var districts = city.Districts.Select(d => new District
        {
            Code = d.Code, NameKk = d.NameKk, NameRu = d.NameRu, NameEn = d.NameEn, Population = d.Population,
            BoundaryGeoJson = GeoJson.Write(d.Boundary),
        }).ToList();
        db.Districts.AddRange(districts);
        var districtByCode = districts.ToDictionary(d => d.Code);

        var streets = city.Streets.Select(s => new Street
        {
            NameKk = s.NameKk, NameRu = s.NameRu, NameEn = s.NameEn, Kind = s.Kind,
            SearchKey = string.Join('|', AddressQuery.Normalize(s.NameKk), AddressQuery.Normalize(s.NameRu), AddressQuery.Normalize(s.NameEn)),
        }).ToList();
        db.Streets.AddRange(streets);
        await db.SaveChangesAsync(cancellationToken);

        var addresses = city.Addresses.Select(a => new Address
        {
            StreetId = streets[a.StreetIndex].Id, HouseNumber = a.HouseNumber, Latitude = a.Latitude, Longitude = a.Longitude,
        }).ToList();
        db.Addresses.AddRange(addresses);
        await db.SaveChangesAsync(cancellationToken);

        var points = city.ReceptionPoints.Select(p => new ReceptionPoint
        {
            DistrictId = districtByCode[p.DistrictCode].Id, Number = p.Number, AddressId = addresses[p.AddressIndex].Id, Hours = p.Hours,
        }).ToList();
        db.ReceptionPoints.AddRange(points);

        var officers = city.Officers.Select(o => new Officer
        {
            Surname = o.Name.Surname, GivenName = o.Name.GivenName, Patronymic = o.Name.Patronymic, Rank = o.Rank, Phone = o.Phone,
            DistrictId = districtByCode[o.DistrictCode].Id,
            Position = o.HeadsDistrict ? OfficerPosition.HeadOfDistrictService
                : o.Rank >= PoliceRank.Captain ? OfficerPosition.SeniorDistrictInspector : OfficerPosition.DistrictInspector,
        }).ToList();
        db.Officers.AddRange(officers);
        await db.SaveChangesAsync(cancellationToken);

        var beats = city.Beats.Select(b =>
        {
            var beat = new Beat
            {
                Code = b.Code, Number = b.Number, DistrictId = districtByCode[b.DistrictCode].Id, Population = b.Population,
                BoundaryGeoJson = string.Empty, InspectorId = officers[b.OfficerIndex].Id, ReceptionPointId = points[b.ReceptionPointIndex].Id,
            };
            ReplaceBeatsCommand.SetBoundary(beat, b.Boundary);
            return beat;
        }).ToList();
        db.Beats.AddRange(beats);
        await db.SaveChangesAsync(cancellationToken);

        var smallAreas = SmallAreasOf(sharedDataPath, city);
        db.SmallAreas.AddRange(SmallAreaRows(smallAreas, i => beats[i]));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = true;

        await SeedAccountsAsync(city, beats, officers, districtByCode);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Demo city seeded: {Districts} districts, {Beats} beats, {SmallAreas} small areas, {Addresses} addresses in {Elapsed}",
            districts.Count, beats.Count, smallAreas.Count, addresses.Count, clock.GetElapsedTime(started));
        return true;
    }

    /// <summary>
    /// A demo city seeded before small areas existed gets them now, as long as its beats are still
    /// the generated ones; a territory of its own (imported beats) is left for its administrators.
    /// </summary>
    private async Task AddMissingSmallAreasAsync(string sharedDataPath, CancellationToken cancellationToken)
    {
        if (await db.SmallAreas.AnyAsync(cancellationToken)) return;
        var city = CityOf(sharedDataPath);
        var beats = await db.Beats.Where(b => b.IsActive).ToDictionaryAsync(b => b.Code, cancellationToken);
        if (beats.Count != city.Beats.Count || city.Beats.Any(b => !beats.ContainsKey(b.Code))) return;
        var smallAreas = SmallAreasOf(sharedDataPath, city);
        db.SmallAreas.AddRange(SmallAreaRows(smallAreas, i => beats[city.Beats[i].Code]));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Small areas added to the demo city: {SmallAreas}", smallAreas.Count);
    }

    private async Task SeedAccountsAsync(DemoCity city, List<Beat> beats, List<Officer> officers, Dictionary<string, District> districtByCode)
    {
        var almaly = districtByCode["almaly"];
        var locator = new BeatLocator(city.Beats.Select((b, i) => (i, b.Boundary)));
        var inspectorBeat = locator.Locate(InspectorOneLongitude, InspectorOneLatitude)
            ?? throw new InvalidOperationException("The demo city has no beat at inspector1's point.");
        var inspectorOfficer = beats[inspectorBeat].InspectorId;
        var head = officers.First(o => o.DistrictId == almaly.Id && o.Position == OfficerPosition.HeadOfDistrictService);

        string Name(Officer o) => $"{o.Surname} {o.GivenName}";
        await CreateAsync("admin@demo.kz", "Әкімші / Администратор", Roles.Admin, null, null);
        await CreateAsync("supervisor.almaly@demo.kz", Name(head), Roles.Supervisor, almaly.Id, head.Id);
        await CreateAsync("inspector1@demo.kz", Name(officers.First(o => o.Id == inspectorOfficer)), Roles.Inspector, almaly.Id, inspectorOfficer);
        // A second inspector of the same district, on another beat, so that "another beat's inspector" can sign in and be refused.
        var otherOfficer = beats.Where(b => b.DistrictId == almaly.Id && b.InspectorId is not null && b.InspectorId != inspectorOfficer)
            .OrderBy(b => b.Number).Select(b => b.InspectorId!.Value).First();
        await CreateAsync("inspector2@demo.kz", Name(officers.First(o => o.Id == otherOfficer)), Roles.Inspector, almaly.Id, otherOfficer);
        await CreateAsync("juvenile.almaly@demo.kz", "Кәмелетке толмағандар инспекторы / ИДН Алмалы", Roles.JuvenileInspector, almaly.Id, null);
        await CreateAsync("women.almaly@demo.kz", "Әйелдерді қорғау / Защита прав женщин Алмалы", Roles.WomenProtectionOfficer, almaly.Id, null);
        await CreateAsync("duty.almaly@demo.kz", "Кезекші бөлім / Дежурная часть Алмалы", Roles.DutyOfficer, almaly.Id, null);
        await CreateAsync("licensing@demo.kz", "Лицензиялық-рұқсат беру жұмысы / ЛРР", Roles.Licensing, null, null);
        await CreateAsync("resident1@demo.kz", "Айгүл Сәрсенова", Roles.Resident, null, null);
        await CreateAsync("resident2@demo.kz", "Иван Петров", Roles.Resident, null, null);
    }

    private async Task CreateAsync(string email, string name, string role, int? districtId, int? officerId)
    {
        var user = new ApplicationUser
        {
            UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, DistrictId = districtId, OfficerId = officerId,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime, PreferredLanguage = "kk",
        };
        var result = await users.CreateAsync(user, DemoPassword);
        if (!result.Succeeded) throw new InvalidOperationException($"Demo account {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        await users.AddToRoleAsync(user, role);
    }

    /// <summary>The generated city, made once per process and shared data folder (the tests seed many databases).</summary>
    private static DemoCity CityOf(string sharedDataPath) =>
        GeneratedCities.GetOrAdd(Path.GetFullPath(sharedDataPath), path => new(() => DemoCityGenerator.Generate(AlmatyDistrictSource.Load(path)))).Value;

    private static IReadOnlyList<GeneratedSmallArea> SmallAreasOf(string sharedDataPath, DemoCity city) =>
        GeneratedSmallAreas.GetOrAdd(Path.GetFullPath(sharedDataPath), _ => new(() => DemoSmallAreas.Subdivide(city.Beats))).Value;

    /// <summary>The rows of the generated small areas, each in the stored beat <paramref name="beatOf"/> gives for its generated beat's index.</summary>
    private static IEnumerable<SmallArea> SmallAreaRows(IReadOnlyList<GeneratedSmallArea> areas, Func<int, Beat> beatOf) => areas.Select(a =>
    {
        var beat = beatOf(a.BeatIndex);
        var area = new SmallArea { Code = a.Code, DistrictId = beat.DistrictId, BeatId = beat.Id, Population = a.Population, BoundaryGeoJson = string.Empty };
        SetBoundary(area, a.Boundary);
        return area;
    });

    internal static void SetBoundary(SmallArea area, NetTopologySuite.Geometries.Geometry boundary)
    {
        (area.BoundaryGeoJson, area.AreaSquareKilometres, area.CentreLatitude, area.CentreLongitude) = GeoJson.Outline(boundary);
    }
}

using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Safety;
using Uchastok.Rules.Territory;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Web;
using Uchastok.Web.Territory;

namespace Uchastok.Web.Safety;

/// <summary>
/// The administrators' SOS devices (issue 19): registered on the beat their point lies on (a point on no beat is
/// refused), given a new key (which replaces the old one at once), revoked for good. A key is in the answer that makes
/// it and nowhere else: only its SHA-256 is stored (<see cref="DeviceKeys.Hash"/>).
/// </summary>
public sealed class SafetyDeviceRegistry(
    UchastokDbContext db, TerritorySnapshotCache territory, TerritoryText territoryText, IStringLocalizer<SharedResource> localizer,
    TimeProvider clock, ILogger<SafetyDeviceRegistry> logger)
{
    public const int MaxNameLength = 100;
    public const int MaxPlaceLength = 200;

    public static string KindName(SafetyDeviceKind kind) => kind switch
    {
        SafetyDeviceKind.StreetPost => "street-post",
        SafetyDeviceKind.HighwayPost => "highway-post",
        _ => "building-panic-button",
    };

    /// <summary>A kind by its API name (case and spaces ignored); numbers and enum names are refused, as for report categories.</summary>
    public static SafetyDeviceKind? ParseKind(string? name) =>
        Enum.GetValues<SafetyDeviceKind>().Cast<SafetyDeviceKind?>().FirstOrDefault(k => string.Equals(KindName(k!.Value), name?.Trim(), StringComparison.OrdinalIgnoreCase));

    public async Task<IReadOnlyList<SafetyDeviceView>> ListAsync(CancellationToken cancellationToken = default)
    {
        var devices = await db.SafetyDevices.AsNoTracking().OrderBy(d => d.RevokedAtUtc != null).ThenBy(d => d.Name).ThenBy(d => d.Id).ToListAsync(cancellationToken);
        var beatIds = devices.Select(d => d.BeatId).Distinct().ToList();
        var beats = await db.Beats.AsNoTracking().Where(b => beatIds.Contains(b.Id)).ToDictionaryAsync(b => b.Id, b => b.Code, cancellationToken);
        var districts = (await db.Districts.AsNoTracking().ToListAsync(cancellationToken)).ToDictionary(d => d.Id, territoryText.DistrictName);
        return devices.Select(d => View(d, beats.GetValueOrDefault(d.BeatId), districts.GetValueOrDefault(d.DistrictId))).ToList();
    }

    public async Task<SafetyDeviceView?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).FirstOrDefault(d => d.Id == id);

    public async Task<(SafetyDeviceKeyView? Created, FieldErrors Errors)> RegisterAsync(SafetyDeviceInput input, ClaimsPrincipal admin, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var kind = ParseKind(input.Kind);
        if (kind is null) errors.Add("kind", localizer["SafetyDevices.KindUnknown"]);
        var name = InputText.Printable(input.Name)?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add("name", localizer["SafetyDevices.NameRequired"]);
        else if (name.Length > MaxNameLength) errors.Add("name", localizer["SafetyDevices.NameTooLong", MaxNameLength]);
        var place = InputText.Printable(input.Place)?.Trim();
        if (string.IsNullOrEmpty(place)) errors.Add("place", localizer["SafetyDevices.PlaceRequired"]);
        else if (place.Length > MaxPlaceLength) errors.Add("place", localizer["SafetyDevices.PlaceTooLong", MaxPlaceLength]);
        Beat? beat = null;
        if (input.Lat is not { } lat || input.Lon is not { } lon || !Coordinates.AreValid(lat, lon)) errors.Add("lat", localizer["SafetyDevices.PointInvalid"]);
        else
        {
            var snapshot = await territory.GetAsync(cancellationToken);
            beat = snapshot.Locator.Locate(lon, lat) is { } beatId ? snapshot.Beat(beatId) : null;
            if (beat is null) errors.Add("lat", localizer["SafetyDevices.PointOnNoBeat"]);
        }
        if (errors.Count > 0) return (null, errors);

        var key = DeviceKeys.NewKey();
        var now = clock.GetUtcNow().UtcDateTime;
        var device = new SafetyDevice
        {
            Kind = kind!.Value, Name = name!, PlaceDescription = place!, Latitude = input.Lat!.Value, Longitude = input.Lon!.Value,
            BeatId = beat!.Id, DistrictId = beat.DistrictId, HasCamera = input.HasCamera, HasSpeaker = input.HasSpeaker,
            KeyHash = DeviceKeys.Hash(key), KeyIssuedAtUtc = now, CreatedAtUtc = now, CreatedByUserId = admin.FindFirstValue(ClaimTypes.NameIdentifier),
        };
        db.SafetyDevices.Add(device);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("SOS device {DeviceId} registered on beat {BeatId} by {UserId}", device.Id, device.BeatId, device.CreatedByUserId);
        return (new SafetyDeviceKeyView(View(device, beat.Code, territoryText.DistrictName(beat.District)), key, Authorization(device.Id, key)), errors);
    }

    /// <summary>A new key for an active device; the old one stops working with this save. Null when there is no such active device.</summary>
    public async Task<SafetyDeviceKeyView?> NewKeyAsync(int id, ClaimsPrincipal admin, CancellationToken cancellationToken = default)
    {
        var key = DeviceKeys.NewKey();
        var now = clock.GetUtcNow().UtcDateTime;
        // One statement, conditional on the device being active: a revocation at the same moment cannot be undone by it.
        var changed = await db.SafetyDevices.Where(d => d.Id == id && d.RevokedAtUtc == null)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.KeyHash, DeviceKeys.Hash(key)).SetProperty(x => x.KeyIssuedAtUtc, now), cancellationToken);
        if (changed == 0) return null;
        logger.LogInformation("SOS device {DeviceId} given a new key by {UserId}", id, admin.FindFirstValue(ClaimTypes.NameIdentifier));
        return await FindAsync(id, cancellationToken) is { } view ? new SafetyDeviceKeyView(view, key, Authorization(id, key)) : null;
    }

    /// <summary>Revokes a device for good: its events are refused from this save on. False when there is no such active device.</summary>
    public async Task<bool> RevokeAsync(int id, ClaimsPrincipal admin, CancellationToken cancellationToken = default)
    {
        var userId = admin.FindFirstValue(ClaimTypes.NameIdentifier);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.SafetyDevices.Where(d => d.Id == id && d.RevokedAtUtc == null)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.RevokedAtUtc, now).SetProperty(x => x.RevokedByUserId, userId), cancellationToken);
        if (changed == 0) return false;
        logger.LogInformation("SOS device {DeviceId} revoked by {UserId}", id, userId);
        return true;
    }

    /// <summary>The header value the device sends, ready to paste into its configuration.</summary>
    public static string Authorization(int id, string key) => $"{DeviceKeys.Scheme} {id.ToString(System.Globalization.CultureInfo.InvariantCulture)}:{key}";

    private SafetyDeviceView View(SafetyDevice d, string? beatCode, string? districtName) =>
        new(d.Id, KindName(d.Kind), localizer[$"SafetyDevices.Kind.{d.Kind}"], d.Name, d.PlaceDescription, d.Latitude, d.Longitude,
            d.BeatId, beatCode, d.DistrictId, districtName, d.HasCamera, d.HasSpeaker,
            DateTime.SpecifyKind(d.CreatedAtUtc, DateTimeKind.Utc), DateTime.SpecifyKind(d.KeyIssuedAtUtc, DateTimeKind.Utc),
            d.RevokedAtUtc is { } revoked ? DateTime.SpecifyKind(revoked, DateTimeKind.Utc) : null);
}

using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Prevention;
using Uchastok.Web.Shared.Localization;

namespace Uchastok.Web.Pages.Prevention;

/// <summary>Juvenile work on the user's beats: minors taken home and the places where groups of minors gather, on a staff-only map.</summary>
public sealed class JuvenilesModel(JuvenileRecords juveniles, TimeProvider clock, IStringLocalizer<SharedResource> localizer) : PreventionPageModel
{
    public IReadOnlyList<JuvenileDeliveryView> Deliveries { get; private set; } = [];
    public IReadOnlyList<GatheringPlaceView> Places { get; private set; } = [];
    public IReadOnlyList<(int Id, string Code)> Beats { get; private set; } = [];
    public JuvenileDeliveryRequest Delivery { get; private set; } = new(null, null, null, null, null, null, null, null, null);
    public GatheringPlaceRequest Place { get; private set; } = new(null, null, null, null);
    public string? FailedForm { get; private set; }
    public DateTime NowLocal => KazakhstanTime.ToLocal(clock.GetUtcNow().UtcDateTime).DateTime;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDeliveryAsync(int? beatId, string? minorName, DateOnly? minorBirthDate, string? reason, string? foundAt, string? deliveredTo,
        string? deliveredAt, string? deliveredBy, CancellationToken cancellationToken)
    {
        // The officer types the local time; the record keeps the instant.
        DateTimeOffset? at = DateTime.TryParseExact(deliveredAt, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, KazakhstanTime.Offset) : null;
        Delivery = new JuvenileDeliveryRequest(beatId, null, minorName, minorBirthDate, reason, foundAt, deliveredTo, at, deliveredBy);
        var (saved, errors, result) = await juveniles.RecordDeliveryAsync(User, Delivery, cancellationToken);
        return await AfterAsync(result, errors, "delivery", "PreventionJuveniles.DeliveryRecorded", cancellationToken);
    }

    public async Task<IActionResult> OnPostPlaceAsync(double? lat, double? lon, string? description, DateOnly? observedOn, CancellationToken cancellationToken)
    {
        Place = new GatheringPlaceRequest(lat, lon, description, observedOn);
        var (_, errors, result) = await juveniles.AddPlaceAsync(User, Place, cancellationToken);
        return await AfterAsync(result, errors, "place", "PreventionJuveniles.PlaceRecorded", cancellationToken);
    }

    public async Task<IActionResult> OnPostCloseAsync(int placeId, CancellationToken cancellationToken) =>
        await AfterAsync(await juveniles.ClosePlaceAsync(User, placeId, cancellationToken), new(), "place", "PreventionJuveniles.PlaceClosed", cancellationToken);

    private async Task<IActionResult> AfterAsync(PreventionWriteResult result, Uchastok.Web.Shared.Web.FieldErrors errors, string form, string savedKey, CancellationToken cancellationToken)
    {
        if (Outcome(result, errors) is { } refused) return refused;
        if (result == PreventionWriteResult.Done)
        {
            Saved = localizer[savedKey].Value;
            return Redirect("/prevention/juveniles");
        }
        FailedForm = form;
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var deliveries = await juveniles.DeliveriesAsync(User, cancellationToken: cancellationToken);
        var places = await juveniles.PlacesAsync(User, cancellationToken);
        if (deliveries is null || places is null) return false;
        (Deliveries, Places) = (deliveries, places);
        Beats = await juveniles.BeatsAsync(User, cancellationToken);
        if (Delivery.DeliveredBy is null) Delivery = Delivery with { DeliveredBy = User.FindFirstValue("name") };
        return true;
    }

    public string PlacesJson() => JsonSerializer.Serialize(Places.Where(p => p.IsActive).Select(p => new { lat = p.Latitude, lon = p.Longitude, label = p.Description }));
}

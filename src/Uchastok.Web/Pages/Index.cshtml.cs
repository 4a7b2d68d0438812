using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Territory;
using Uchastok.Rules.Territory;

namespace Uchastok.Web.Pages;

/// <summary>
/// Find my inspector. Works as a plain form (address in, card out) and with the map, whose
/// click only fills <c>lat</c>/<c>lon</c> and reloads: one server-rendered answer for both.
/// </summary>
public sealed class IndexModel(TerritoryQueries queries, AddressSearch addresses, Web.Community.MeetingSchedule meetings, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Lat { get; set; }
    [BindProperty(SupportsGet = true)] public string? Lon { get; set; }

    public IReadOnlyList<AddressHit> Hits { get; private set; } = [];
    public AddressHit? ChosenAddress { get; private set; }
    public BeatCard? Card { get; private set; }
    public string? Message { get; private set; }
    public (double Lat, double Lon)? Point { get; private set; }
    /// <summary>The gazetteer address nearest to a tapped point, when one is near.</summary>
    public string? NearestLine { get; private set; }
    /// <summary>The beat's next announced meeting with residents, shown with the inspector.</summary>
    public Web.Community.MeetingView? NextMeeting { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (Lat is not null || Lon is not null)
        {
            if (!Coordinates.TryParse(Lat, Lon, out var latitude, out var longitude))
            {
                Message = localizer["Locate.BadCoordinates"];
                return;
            }
            await ShowAsync(latitude, longitude, cancellationToken);
            NearestLine = (await addresses.NearestAsync(latitude, longitude, cancellationToken))?.Line;
            return;
        }

        if (string.IsNullOrWhiteSpace(Q)) return;
        Hits = await addresses.SearchAsync(Q, 10, cancellationToken);
        if (Hits.Count == 0)
        {
            Message = localizer["Find.NoAddress", Q];
        }
        else if (Hits is [{ ExactHouse: false, StreetSpansBeats: true } street])
        {
            // One street, no house number, and several beats along it: any house we picked would name the wrong inspector for most of it.
            Message = localizer["Find.AddHouseNumber", street.Line.Split(',')[0]];
            Hits = [];
        }
        else if (Hits.Count == 1 || Hits.Count(h => h.ExactHouse) == 1)
        {
            ChosenAddress = Hits.Count == 1 ? Hits[0] : Hits.Single(h => h.ExactHouse);
            Hits = [];
            await ShowAsync(ChosenAddress.Latitude, ChosenAddress.Longitude, cancellationToken);
        }
    }

    private async Task ShowAsync(double latitude, double longitude, CancellationToken cancellationToken)
    {
        Point = (latitude, longitude);
        Card = await queries.LocateAsync(latitude, longitude, cancellationToken);
        if (Card is null) Message = localizer["Locate.NoBeat"];
        else if (await meetings.UpcomingAsync(Card.Id, cancellationToken) is { Count: > 0 } upcoming) NextMeeting = upcoming[0];
    }
}

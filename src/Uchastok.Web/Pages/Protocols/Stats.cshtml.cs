using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Protocols;
using Uchastok.Web.Territory;
using Uchastok.Web.Shared.Security;

namespace Uchastok.Web.Pages.Protocols;

/// <summary>
/// The supervisor's view of a district (<see cref="ProtocolRegister.StatsAsync"/>, the API's figures): protocols per
/// officer and type, refusals per missing element by name — what to train on — and the figure that must stay 0,
/// signed personal searches without both witnesses' drawn signatures, flagged when it is not. The district supervisor sees his
/// district; the administrator picks one; nobody else learns the page exists.
/// </summary>
public sealed class StatsModel(ProtocolRegister register, ProtocolDrafters drafters, TerritoryQueries territory, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? District { get; set; }

    public ProtocolStatsView Stats { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<DistrictSummary> Districts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        int? district;
        if (User.IsInRole(Roles.Admin))
        {
            Districts = await territory.ListDistrictsAsync(cancellationToken);
            // The administrator has no district of his own: the one asked for, or the first, so the page always shows figures.
            district = District is { } asked && Districts.Any(d => d.Id == asked) ? asked : Districts.Count > 0 ? Districts[0].Id : null;
        }
        else district = User.IsInRole(Roles.Supervisor) ? ScopeClaims.District(User) : null;
        if (district is null || !ScopeClaims.ManagesDistrict(User, district.Value)) return NotFound();
        District = district;
        Stats = await register.StatsAsync(district.Value, cancellationToken);
        Names = await drafters.NamesAsync(Stats.PerOfficer.Select(r => r.UserId), cancellationToken);
        return Page();
    }

    public string OfficerName(string userId) => Names.TryGetValue(userId, out var name) ? name : "—";

    /// <summary>A refusal code's name as the inspector saw it: the missing element's or the refusal's text.</summary>
    public string CodeName(ProtocolRefusalCount refusal) =>
        localizer[refusal.Kind == "refused" ? $"Protocol.Refused.{refusal.Code}" : $"Protocol.Missing.{refusal.Code}"].Value;
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Territory;

namespace Uchastok.Web.Pages.Territory;

/// <summary>The beats of one district and who serves each; the assignment goes through the same scoped command as the API.</summary>
public sealed class BeatsModel(UchastokDbContext db, TerritoryText text, AssignInspectorCommand assign, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)] public int District { get; set; }
    public string DistrictName { get; private set; } = string.Empty;
    public List<Row> Beats { get; private set; } = [];
    public List<(int Id, string Name)> Officers { get; private set; } = [];
    public string? Message { get; private set; }

    public sealed record Row(int Id, string Code, string Name, int Population, int? InspectorId);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFoundOrForbid();

    public async Task<IActionResult> OnPostAsync(int beatId, int? officerId, CancellationToken cancellationToken)
    {
        var result = await assign.ExecuteAsync(User, beatId, officerId, cancellationToken);
        if (result == AssignInspectorResult.Forbidden) return Forbid();
        Message = localizer[result == AssignInspectorResult.Assigned ? "Territory.Assigned" : $"Territory.{result}"];
        return await LoadAsync(cancellationToken) ? Page() : NotFoundOrForbid();
    }

    private IActionResult NotFoundOrForbid() => DistrictName.Length == 0 ? NotFound() : Forbid();

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var district = await db.Districts.AsNoTracking().SingleOrDefaultAsync(d => d.Id == District, cancellationToken);
        if (district is null) return false;
        DistrictName = text.DistrictName(district);
        if (!User.IsInRole(Roles.Admin) && ScopeClaims.District(User) != district.Id) return false;

        var beats = await db.Beats.AsNoTracking().Where(b => b.DistrictId == District && b.IsActive)
            .OrderBy(b => b.Number).ToListAsync(cancellationToken);
        Beats = beats.Select(b => new Row(b.Id, b.Code, text.BeatName(b), b.Population, b.InspectorId)).ToList();
        var officers = await db.Officers.AsNoTracking().Where(o => o.DistrictId == District)
            .OrderBy(o => o.Surname).ThenBy(o => o.GivenName).ToListAsync(cancellationToken);
        Officers = officers.Select(o => (o.Id, $"{text.OfficerName(o)}, {text.Rank(o.Rank)}")).ToList();
        return true;
    }
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Community;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Pages.Community;

/// <summary>Write to subscribers of a beat or the district in three languages, and see how each mailing fared.</summary>
public sealed class MailingsModel(Mailings mailings, CommunityRecords records, UchastokDbContext db) : PageModel
{
    public IReadOnlyList<MailingView> Sent { get; private set; } = [];
    public IReadOnlyList<RecordableBeat> Beats { get; private set; } = [];
    public (int Id, string Name)? District { get; private set; }
    public FieldErrors Errors { get; private set; } = new();
    public bool Done { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(string? scope, MailingInput input, CancellationToken cancellationToken)
    {
        // The scope comes as "beat:12" or "district:3".
        var parts = (scope ?? string.Empty).Split(':');
        int? id = parts.Length == 2 && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
        input = input with { BeatId = parts[0] == "beat" ? id : null, DistrictId = parts[0] == "district" ? id : null };
        var (mailing, errors) = await mailings.SendAsync(input, User, cancellationToken);
        (Done, Errors) = (mailing is not null, errors);
        if (!Done) Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Sent = await mailings.ForStaffAsync(User, cancellationToken);
        Beats = (await records.BeatsAsync(User, cancellationToken)).Where(b => ScopeClaims.IsInspector(User, b.InspectorId) || !User.IsInRole(Roles.Inspector)).ToList();
        if (ScopeClaims.District(User) is { } district && ScopeClaims.ManagesDistrict(User, district))
        {
            var d = await db.Districts.AsNoTracking().Where(x => x.Id == district).Select(x => new { x.Id, x.NameKk, x.NameRu, x.NameEn }).SingleAsync(cancellationToken);
            District = (d.Id, LocalizationSetup.Pick(d.NameKk, d.NameRu, d.NameEn));
        }
    }

    public string? Error(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}

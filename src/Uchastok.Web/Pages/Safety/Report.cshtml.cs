using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.Safety;
using Uchastok.Web.Safety;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;
using Uchastok.Web.Territory;

namespace Uchastok.Web.Pages.Safety;

/// <summary>
/// The resident's quick report (issue 19), in at most three screens: the form; "is this happening now? call 102"
/// when the text reads like danger (its "No, send my report" carries every field, the cleaned photo included, so it
/// works without JavaScript and nothing waits on the server); the confirmation with the reference. The map pin and
/// the device's location are added by script; without it the typed address does the same.
/// <para>
/// Anonymity: the page sets no cookie of its own. The antiforgery cookie every Uchastok form carries is the only one:
/// a random token, the same for everyone who is not signed in, tied to no account, stored with nothing, and gone when
/// the browser closes (a session cookie), so it cannot be used to tie two reports to one person.
/// </para>
/// </summary>
[RequestSizeLimit(16 * 1024 * 1024)]
[RequestFormLimits(ValueLengthLimit = SafetyForm.CarriedPhotoLimit + 1024, MultipartBodyLengthLimit = 16 * 1024 * 1024)]
[EnableRateLimiting(SafetyReportRateLimitPolicy.Name)]
public sealed class ReportModel(SubmitSafetyReportCommand command, UchastokDbContext db, TerritoryText territory) : PageModel
{
    public string? Category { get; private set; }
    public double? Lat { get; private set; }
    public double? Lon { get; private set; }
    public string? AddressText { get; private set; }
    public int? DistrictId { get; private set; }
    public string? Text { get; private set; }
    public bool Sign { get; private set; }
    /// <summary>The cleaned photo, as base64, carried through the "is this happening now?" step.</summary>
    public string? CarriedPhoto { get; private set; }
    public bool AskEmergency { get; private set; }
    public FieldErrors Errors { get; private set; } = new();
    public IReadOnlyList<(int Id, string Name)> Districts { get; private set; } = [];
    public bool SignedInResident => User.IsInRole(Roles.Resident);

    public async Task OnGetAsync(string? category, CancellationToken cancellationToken)
    {
        Category = SafetyCategories.Parse(category) is { } known ? SafetyCategories.ApiName(known) : null;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var input = await SafetyForm.ReadAsync(await Request.ReadFormAsync(cancellationToken), cancellationToken);
        (Category, Lat, Lon, AddressText, DistrictId, Text, Sign) = (input.Category, input.Lat, input.Lon, input.AddressText, input.DistrictId, input.Text, input.Sign);
        var result = await command.ExecuteAsync(input, User, cancellationToken);
        switch (result.Outcome)
        {
            case SafetyReportOutcome.Filed:
                var receipt = result.Receipt!;
                return Redirect($"/safety/report/sent/{receipt.Reference}" + (receipt.DistrictName is null ? "?district=none" : receipt.PlaceLocated ? "" : "?place=district"));
            case SafetyReportOutcome.AskEmergency:
                AskEmergency = true;
                CarriedPhoto = result.Photo is { } photo ? Convert.ToBase64String(photo.Content) : null;
                break;
            default:
                Errors = result.Errors;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public string? Error(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Districts = (await db.Districts.AsNoTracking().OrderBy(d => d.Code).ToListAsync(cancellationToken)).Select(d => (d.Id, territory.DistrictName(d))).ToList();
}

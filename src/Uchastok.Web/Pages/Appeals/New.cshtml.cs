using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Uchastok.Rules.Appeals;
using Uchastok.Web.Appeals;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Territory;
using Uchastok.Web.Shared.Web;
using Uchastok.Web.Shared.Security;

namespace Uchastok.Web.Pages.Appeals;

/// <summary>
/// The resident's appeal form. Works without JavaScript (address typed, or district chosen); with
/// it, a map click fills the point. A formal appeal goes through <see cref="FileAppealCommand"/>;
/// "anonymous" turns it into a tip for the district's duty list. A hidden key generated with the
/// form makes a double click file one appeal.
/// </summary>
[RequestSizeLimit(30 * 1024 * 1024)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(AppealFilingRateLimitPolicy.Name)]
public sealed class NewModel(
    UchastokDbContext db, AppealCatalog catalog, AppealText text, TerritoryText territory,
    FileAppealCommand file, SubmitTipCommand tips) : PageModel
{
    public AppealInput Input { get; private set; } = new() { Kind = "application" };
    public bool Anonymous { get; private set; }
    public string IdempotencyKey { get; private set; } = Guid.NewGuid().ToString("N");
    public FieldErrors Errors { get; private set; } = new();
    public IReadOnlyList<(int Id, string Name)> Categories { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Districts { get; private set; } = [];
    public IReadOnlyList<(string Value, string Label)> Kinds { get; private set; } = [];
    public string? TipMessage { get; private set; }
    /// <summary>Why nothing was filed: the contact was named by too many appeals today.</summary>
    public string? LimitMessage { get; private set; }
    public bool SignedInResident => User.IsInRole(Roles.Resident);

    public async Task OnGetAsync(double? lat, double? lon, CancellationToken cancellationToken)
    {
        Input.Lat = lat;
        Input.Lon = lon;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var form = await Request.ReadFormAsync(cancellationToken);
        Input = AppealForm.Bind(form);
        Anonymous = form["anonymous"].Any(v => v == "true");
        IdempotencyKey = form["idempotencyKey"].ToString() is { Length: > 0 and <= 100 } key ? key : Guid.NewGuid().ToString("N");

        if (Anonymous)
        {
            var tip = await tips.ExecuteAsync(new TipInput
            {
                CategoryId = Input.CategoryId, Text = Input.Text, Lat = Input.Lat, Lon = Input.Lon,
                AddressText = Input.AddressText, DistrictId = Input.DistrictId,
            }, cancellationToken);
            if (tip.Succeeded)
            {
                TipMessage = HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>()["Tip.Received"];
                Input = new AppealInput { Kind = "application" };
                Anonymous = false;
                IdempotencyKey = Guid.NewGuid().ToString("N");
            }
            else
            {
                Errors = tip.Errors;
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }
            await LoadAsync(cancellationToken);
            return Page();
        }

        var files = new List<AttachmentUpload>();
        foreach (var upload in form.Files.Where(f => f.Name == "attachments" && f.Length > 0))
            files.Add(await AppealForm.ReadAsync(upload, cancellationToken));
        var result = await file.ExecuteAsync(Input, files, User, IdempotencyKey, FilingSource.Site, cancellationToken);
        if (result.Succeeded) return Redirect($"/appeals/track/{result.Filed!.TrackingToken}?filed=true");
        if (result.TooMany)
        {
            LimitMessage = HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>()["Appeal.TooManyForContact"];
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            await LoadAsync(cancellationToken);
            return Page();
        }

        Errors = result.Errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public string? Error(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Categories = (await catalog.CategoriesAsync(cancellationToken)).Where(c => c.IsActive).Select(c => (c.Id, text.Category(c))).ToList();
        Districts = (await db.Districts.AsNoTracking().OrderBy(d => d.Code).ToListAsync(cancellationToken)).Select(d => (d.Id, territory.DistrictName(d))).ToList();
        Kinds = Enum.GetValues<AppealKind>().Select(k => (AppealText.ApiName(k), text.Kind(k))).ToList();
        if (SignedInResident && Request.Method == HttpMethods.Get)
        {
            var id = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
            var account = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
            if (account is not null) (Input.Name, Input.Email, Input.Phone) = (account.DisplayName, account.Email, account.PhoneNumber);
        }
    }
}

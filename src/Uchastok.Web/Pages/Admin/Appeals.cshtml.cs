using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.Appeals;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Pages.Admin;

/// <summary>Appeal reference data: categories (added, renamed, deactivated) and the term of each kind.</summary>
public sealed class AppealsModel(AppealAdministration administration, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<CategoryView> Categories { get; private set; } = [];
    public IReadOnlyList<KindTermView> Kinds { get; private set; } = [];
    public FieldErrors Errors { get; private set; } = new();
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <remarks>The form always shows the flag as it stands, so an unticked box clears it.</remarks>
    public async Task<IActionResult> OnPostCategoryAsync(int? id, string? code, string? nameKk, string? nameRu, string? nameEn, bool isActive, int sortOrder, bool isSensitive, CancellationToken cancellationToken)
    {
        var (saved, errors) = await administration.SaveCategoryAsync(id, new CategoryInput(code, nameKk, nameRu, nameEn, isActive, sortOrder, isSensitive), cancellationToken);
        if (saved is null && errors.Count == 0) return NotFound();
        Errors = errors;
        Message = saved is null ? null : localizer["Admin.Saved"].Value;
        if (saved is null) Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostKindAsync(string? kind, int? workingDays, CancellationToken cancellationToken)
    {
        Errors = await administration.SetKindTermAsync(kind, workingDays, cancellationToken);
        Message = Errors.Count == 0 ? localizer["Admin.Saved"].Value : null;
        if (Errors.Count > 0) Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public string? Error(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Categories = await administration.CategoriesAsync(cancellationToken);
        Kinds = await administration.KindTermsAsync(cancellationToken);
    }
}

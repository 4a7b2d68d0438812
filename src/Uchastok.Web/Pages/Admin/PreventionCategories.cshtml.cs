using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Prevention;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Pages.Admin;

/// <summary>The categories of the preventive register: the list, and one form to add a category or change the one picked.</summary>
public sealed class PreventionCategoriesModel(PreventionCategoryAdministration categories, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<PreventionCategoryView> Categories { get; private set; } = [];
    /// <summary>What the form shows: the category picked, what was typed when it was refused, or an empty new one.</summary>
    public PreventionCategoryRequest Form { get; private set; } = Empty;
    public int? EditingId { get; private set; }
    public FieldErrors Errors { get; private set; } = new();
    public string? Message { get; private set; }

    /// <summary>No unit and no count: the law gives no period, so the administrator picks each one.</summary>
    private static readonly PreventionCategoryRequest Empty = new(null, null, null, null, null, null, null, null, null, SortOrder: 1000);

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is { } editing)
        {
            if (await categories.FindAsync(editing, cancellationToken) is not { } found) return NotFound();
            EditingId = editing;
            Form = new(found.Code, found.NameKk, found.NameRu, found.NameEn, found.LegalBasis, found.VisitIntervalCount, found.VisitIntervalUnit,
                found.RetentionCount, found.RetentionUnit, found.Juvenile, found.DomesticViolenceOffender, found.HealthRelated, found.IsActive, found.SortOrder);
        }
        Categories = await categories.ListAsync(cancellationToken);
        return Page();
    }

    /// <remarks>Unticked boxes are not sent, so each flag is false unless ticked; the form always shows them as they stand.</remarks>
    public async Task<IActionResult> OnPostAsync(
        int? id, string? code, string? nameKk, string? nameRu, string? nameEn, string? legalBasis,
        int? visitIntervalCount, string? visitIntervalUnit, int? retentionCount, string? retentionUnit,
        bool juvenile, bool domesticViolenceOffender, bool healthRelated, bool isActive, int sortOrder, CancellationToken cancellationToken)
    {
        var input = new PreventionCategoryRequest(code, nameKk, nameRu, nameEn, legalBasis, visitIntervalCount, visitIntervalUnit,
            retentionCount, retentionUnit, juvenile, domesticViolenceOffender, healthRelated, isActive, sortOrder);
        var (saved, errors) = await categories.SaveAsync(id, input, cancellationToken);
        if (saved is null && errors.Count == 0) return NotFound();
        if (saved is null)
        {
            Errors = errors;
            Form = input;
            EditingId = id;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else
        {
            Message = localizer["Admin.Saved"].Value;
        }
        Categories = await categories.ListAsync(cancellationToken);
        return Page();
    }

    public string? Error(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public static string Name(PreventionCategoryView category) => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName switch
    {
        "kk" => category.NameKk,
        "ru" => category.NameRu,
        _ => category.NameEn,
    };
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Web;
using Uchastok.Web.WeaponSeizures;

namespace Uchastok.Web.Pages.Seizures;

/// <summary>
/// Recording a seizure (issue 21): the same command as the API's, so the page refuses exactly what the API refuses, every
/// problem at once in the reader's language, with nothing saved. Only those who record seizures see the page; everyone
/// else is told it does not exist, as the API does.
/// </summary>
public sealed class NewModel(WeaponSeizureRegister register, TimeProvider clock) : PageModel
{
    [BindProperty] public SeizureForm Form { get; set; } = new();

    public FieldErrors Errors { get; private set; } = new();

    public IActionResult OnGet()
    {
        if (!WeaponSeizureScope.MayRecord(User)) return NotFound();
        Form.SeizedOn = KazakhstanTime.Today(clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Form.EnsureRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!WeaponSeizureScope.MayRecord(User)) return NotFound();
        var result = await register.RecordAsync(User, Form.ToRequest(), cancellationToken);
        if (result.Outcome == SeizureOutcome.Created) return Redirect($"/seizures/{result.Seizure!.Id}?recorded=true");
        if (result.Outcome != SeizureOutcome.Invalid) return NotFound();
        Errors = result.Errors;
        Form.EnsureRows();
        // A refusal is an answer of its own, as the API's 400 is: the form comes back with what was typed and why.
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>More item rows, keeping what was typed.</summary>
    public IActionResult OnPostRows()
    {
        if (!WeaponSeizureScope.MayRecord(User)) return NotFound();
        Form.EnsureRows(SeizureForm.RowStep);
        return Page();
    }

    public string? Error(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public string? ItemError(int row, string field) => Form.RequestIndex(row) is { } index ? Error($"items[{index}].{field}") : null;

    public IEnumerable<string> AllErrors => Errors.Values.SelectMany(m => m);
}

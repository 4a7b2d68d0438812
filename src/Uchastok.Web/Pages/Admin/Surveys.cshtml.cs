using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Trust;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Pages.Admin;

/// <summary>Questionnaires (made empty or from the standard trust questions) and the places their QR posters hang.</summary>
public sealed class SurveysModel(SurveyAdministration administration, UchastokDbContext db) : PageModel
{
    public IReadOnlyList<SurveyView> Surveys { get; private set; } = [];
    public IReadOnlyList<PlaceView> Places { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Beats { get; private set; } = [];
    public FieldErrors Errors { get; private set; } = new();
    public string? Message { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(SurveyInput input, CancellationToken cancellationToken)
    {
        var (survey, errors) = await administration.CreateAsync(input, User, cancellationToken);
        if (survey is not null) return Redirect($"/admin/surveys/{survey.Id}");
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostPlaceAsync(PlaceInput input, CancellationToken cancellationToken)
    {
        var (place, errors) = await administration.AddPlaceAsync(input, cancellationToken);
        Errors = errors;
        if (place is null) Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostPlaceActiveAsync(int id, bool active, CancellationToken cancellationToken)
    {
        if (!await administration.SetPlaceActiveAsync(id, active, cancellationToken)) return NotFound();
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Surveys = await administration.ListAsync(cancellationToken);
        Places = await administration.PlacesAsync(cancellationToken);
        Beats = (await db.Beats.AsNoTracking().Where(b => b.IsActive).OrderBy(b => b.DistrictId).ThenBy(b => b.Number).Select(b => new { b.Id, b.Code, b.Name }).ToListAsync(cancellationToken))
            .Select(b => (b.Id, b.Name is null ? b.Code : $"{b.Code} {b.Name}")).ToList();
    }

    public string? Error(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}

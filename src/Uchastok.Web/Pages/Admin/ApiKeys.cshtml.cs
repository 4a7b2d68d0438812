using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.Integrations;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Pages.Admin;

/// <summary>Integration keys for Open311 partners: made (the key shown this once), listed with their use, revoked.</summary>
public sealed class ApiKeysModel(ApiKeyAdministration administration, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<ApiKeyView> Keys { get; private set; } = [];
    public FieldErrors Errors { get; private set; } = new();
    public CreatedApiKey? Created { get; private set; }
    public string? Message { get; private set; }
    public ApiKeyInput Input { get; private set; } = new(null, null, ApiKeyAdministration.DefaultPermitsPerWindow);

    public async Task OnGetAsync(CancellationToken cancellationToken) => Keys = await administration.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(string? name, string? contact, string? permitsPerWindow, CancellationToken cancellationToken)
    {
        Input = new ApiKeyInput(name, contact, int.TryParse(permitsPerWindow, System.Globalization.CultureInfo.InvariantCulture, out var permits) ? permits : -1);
        (Created, Errors) = await administration.CreateAsync(Input, User, cancellationToken);
        if (Created is null) Response.StatusCode = StatusCodes.Status400BadRequest;
        else Input = new(null, null, ApiKeyAdministration.DefaultPermitsPerWindow);
        Keys = await administration.ListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id, CancellationToken cancellationToken)
    {
        if (!await administration.RevokeAsync(id, User, cancellationToken)) return NotFound();
        Message = localizer["AdminApiKeys.Revoked"];
        Keys = await administration.ListAsync(cancellationToken);
        return Page();
    }

    public string? Error(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}

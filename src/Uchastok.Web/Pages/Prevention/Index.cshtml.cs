using Microsoft.AspNetCore.Mvc;
using Uchastok.Rules.Prevention;
using Uchastok.Web.Prevention;

namespace Uchastok.Web.Pages.Prevention;

/// <summary>The preventive register in the user's scope: filters, a page of people in name order, the way to the next page.</summary>
public sealed class IndexModel(PreventionRegister register, PreventionRegisterCursor cursors, PreventionCategoryAdministration categories, PreventionScope scope) : PreventionPageModel
{
    [BindProperty(SupportsGet = true)] public int? Beat { get; set; }
    [BindProperty(SupportsGet = true)] public string? Category { get; set; }
    [BindProperty(SupportsGet = true)] public bool Removed { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    /// <summary>Set when the <c>after</c> cursor was not one this app made (an edited or very old link): the first page is shown with a note.</summary>
    public bool CursorInvalid { get; private set; }

    public PreventionRegisterPage Register { get; private set; } = new([], null);
    public IReadOnlyList<PreventionCategoryView> Categories { get; private set; } = [];
    /// <summary>Whether the user may put people on record (everyone who sees a register but the administrator).</summary>
    public bool MayAdd { get; private set; }
    public bool HasDay { get; private set; }
    /// <summary>Whether the user works with juveniles (the beat's inspector, the district's juvenile inspector and supervisor, the administrator).</summary>
    public bool HasJuveniles { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var position = string.IsNullOrEmpty(After) ? null : cursors.Read(After);
        CursorInvalid = !string.IsNullOrEmpty(After) && position is null;
        var page = await register.ListAsync(User, new PreventionRegisterFilter(null, Beat, Category, Removed, Overdue, Q, position), cancellationToken);
        if (page is null) return NotFound();
        Register = page;
        Categories = await categories.ListAsync(cancellationToken);
        var actor = await scope.ActorAsync(User, cancellationToken);
        MayAdd = actor.Kind != PreventionActorKind.Admin;
        HasDay = actor.Kind == PreventionActorKind.Inspector;
        HasJuveniles = actor.Kind is PreventionActorKind.Inspector or PreventionActorKind.Supervisor or PreventionActorKind.JuvenileInspector or PreventionActorKind.Admin;
        return Page();
    }

    /// <summary>The link to the next page: the same filters, after the last person shown.</summary>
    public string NextLink(string after)
    {
        var query = new Dictionary<string, string?> { ["beat"] = Beat?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["category"] = Category, ["q"] = Q,
            ["removed"] = Removed ? "true" : null, ["overdue"] = Overdue ? "true" : null, ["after"] = after };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/prevention", query.Where(p => p.Value is not null)!);
    }
}

using Microsoft.AspNetCore.Mvc;
using Uchastok.Rules.Weapons;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Weapons;

namespace Uchastok.Web.Pages.Weapons;

/// <summary>
/// A storage site with its schedule and inspections, and the form that records an inspection: every checklist item
/// answered, up to <see cref="BreachBlocks"/> breaches each with its requirement and due date (blocks left empty are
/// no breach). Works without JavaScript.
/// </summary>
public sealed class SiteModel(StorageSites sites, TimeProvider clock) : WeaponsPageModel
{
    public const int BreachBlocks = 3;

    public StorageSiteView? Site { get; private set; }
    public IReadOnlyList<ChecklistItemView> Checklist { get; private set; } = [];
    public string? ChecklistSource { get; private set; }
    public DateOnly Today { get; private set; }
    public bool Saved { get; private set; }
    /// <summary>What the refused form carried, to show it again.</summary>
    public StorageInspectionRequest? Form { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, bool saved, CancellationToken cancellationToken)
    {
        if (!Reads) return NotFound();
        Saved = saved;
        return await LoadAsync(id, "a storage site", cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(long id, DateOnly? inspectedOn, CancellationToken cancellationToken)
    {
        if (!Reads) return NotFound();
        var checklist = sites.Checklist().Where(i => Request.Form.ContainsKey($"item.{i.Code}")).ToDictionary(i => i.Code, i => Request.Form[$"item.{i.Code}"].ToString());
        var breaches = new List<BreachRequest>();
        for (var i = 0; i < BreachBlocks; i++)
        {
            var text = Request.Form[$"breachText{i}"].ToString();
            var requirement = Request.Form[$"breachRequirement{i}"].ToString();
            var dueText = Request.Form[$"breachDue{i}"].ToString();
            if (string.IsNullOrWhiteSpace(text) && string.IsNullOrWhiteSpace(requirement) && string.IsNullOrWhiteSpace(dueText)) continue;
            DateOnly? due = DateOnly.TryParseExact(dueText, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;
            breaches.Add(new BreachRequest(text, requirement, due));
        }
        Form = new StorageInspectionRequest(inspectedOn, checklist, breaches);
        var (site, errors, forbidden) = await sites.InspectAsync(id, Form, User, cancellationToken);
        if (forbidden) return Forbid();
        if (site is not null) return Redirect($"/weapons/sites/{id}?saved=true");
        if (errors.Count == 0) return NotFound();
        Errors = errors;
        return await LoadAsync(id, "a storage site after a refused inspection", cancellationToken);
    }

    private async Task<IActionResult> LoadAsync(long id, string purpose, CancellationToken cancellationToken)
    {
        Site = await sites.GetAsync(User, id, purpose, cancellationToken);
        if (Site is null) return NotFound();
        Checklist = sites.Checklist();
        ChecklistSource = sites.Terms().ChecklistSource;
        Today = KazakhstanTime.Today(clock);
        return Page();
    }

    public string? FirstErrorFor(string prefix) =>
        Errors.Where(e => e.Key.StartsWith(prefix, StringComparison.Ordinal)).SelectMany(e => e.Value).FirstOrDefault();
}

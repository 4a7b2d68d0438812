using Uchastok.Rules.Weapons;

namespace Uchastok.Web.Weapons;

/// <summary>
/// The terms the document does not give (SEED-NOTES C17: "civilian permit expiry and storage-inspection schedules"),
/// each an administrator's setting with the text of its source (section <c>Weapons</c> of the configuration). A term
/// left empty is not applied: no reminder is sent, no site is overdue; the pages say "set by the administrator".
/// </summary>
public sealed class WeaponsSettings
{
    /// <summary>Days before a permit's expiry the beat's inspector is reminded; empty: nobody is reminded.</summary>
    public int? PermitExpiryReminderDays { get; set; }
    /// <summary>Where the number of days comes from (an order, an instruction): shown beside it.</summary>
    public string? PermitExpiryReminderDaysSource { get; set; }

    /// <summary>Days between inspections per site kind by its API name (organisation, production-site, …), each with its source.</summary>
    public Dictionary<string, WeaponsTerm> InspectionIntervals { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The items an inspection answers, in kk/ru/en; the list an administrator keeps, with its source.</summary>
    public List<ChecklistItemSetting> Checklist { get; set; } = [];
    public string? ChecklistSource { get; set; }

    public WeaponsTerm? IntervalFor(StorageSiteKind kind) =>
        InspectionIntervals.TryGetValue(WeaponsNames.Of(kind), out var term) && term.Days is > 0 ? term : null;

    public IReadOnlyList<string> ChecklistCodes => Checklist.Select(i => i.Code).ToList();
}

public sealed class WeaponsTerm
{
    public int? Days { get; set; }
    public string? Source { get; set; }
}

public sealed class ChecklistItemSetting
{
    public string Code { get; set; } = string.Empty;
    public string Kk { get; set; } = string.Empty;
    public string Ru { get; set; } = string.Empty;
    public string En { get; set; } = string.Empty;
}

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Appeals;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Appeals;

/// <param name="IsSensitive">Leave its appeals out of every public list; null keeps what the category had (a new one: no).</param>
public sealed record CategoryInput(string? Code, string? NameKk, string? NameRu, string? NameEn, bool IsActive = true, int SortOrder = 0, bool? IsSensitive = null);

public sealed record CategoryView(int Id, string Code, string NameKk, string NameRu, string NameEn, bool IsActive, int SortOrder, bool IsSensitive);

public sealed record KindTermView(string Kind, string Label, int WorkingDays);

/// <summary>The administrator's side of appeals: categories and the term of each kind.</summary>
public sealed partial class AppealAdministration(UchastokDbContext db, AppealCatalog catalog, AppealText text, IStringLocalizer<SharedResource> localizer)
{
    public const int MinWorkingDays = 1;
    public const int MaxWorkingDays = 60;

    public async Task<IReadOnlyList<CategoryView>> CategoriesAsync(CancellationToken cancellationToken = default) =>
        (await db.AppealCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(cancellationToken))
            .Select(c => new CategoryView(c.Id, c.Code, c.NameKk, c.NameRu, c.NameEn, c.IsActive, c.SortOrder, c.IsSensitive)).ToList();

    /// <summary>Adds a category (id null) or changes one. Categories are never deleted, only deactivated, so old appeals keep theirs.</summary>
    public async Task<(CategoryView? Category, FieldErrors Errors)> SaveCategoryAsync(int? id, CategoryInput input, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var code = input.Code?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(code) || code.Length > 40 || !CodePattern().IsMatch(code)) errors.Add("code", localizer["Category.CodeInvalid"]);
        foreach (var (field, value) in new[] { ("nameKk", input.NameKk), ("nameRu", input.NameRu), ("nameEn", input.NameEn) })
        {
            if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > 200) errors.Add(field, localizer["Category.NameRequired"]);
        }
        AppealCategory? category = null;
        if (id is { } existing)
        {
            category = await db.AppealCategories.SingleOrDefaultAsync(c => c.Id == existing, cancellationToken);
            if (category is null) return (null, errors);
        }
        if (code is not null && await db.AppealCategories.AnyAsync(c => c.Code == code && c.Id != (id ?? 0), cancellationToken))
            errors.Add("code", localizer["Category.CodeTaken"]);
        if (errors.Count > 0) return (null, errors);

        category ??= db.AppealCategories.Add(new AppealCategory { Code = code!, NameKk = "", NameRu = "", NameEn = "" }).Entity;
        category.Code = code!;
        category.NameKk = input.NameKk!.Trim();
        category.NameRu = input.NameRu!.Trim();
        category.NameEn = input.NameEn!.Trim();
        category.IsActive = input.IsActive;
        category.SortOrder = input.SortOrder;
        if (input.IsSensitive is { } sensitive) category.IsSensitive = sensitive;
        await db.SaveChangesAsync(cancellationToken);
        catalog.Invalidate();
        return (new CategoryView(category.Id, category.Code, category.NameKk, category.NameRu, category.NameEn, category.IsActive, category.SortOrder, category.IsSensitive), errors);
    }

    public async Task<IReadOnlyList<KindTermView>> KindTermsAsync(CancellationToken cancellationToken = default)
    {
        var settings = await db.AppealKindSettings.AsNoTracking().ToDictionaryAsync(k => k.Kind, k => k.WorkingDays, cancellationToken);
        return Enum.GetValues<AppealKind>().Select(k => new KindTermView(AppealText.ApiName(k), text.Kind(k),
            settings.GetValueOrDefault(k, AppealDeadlinePolicy.Default.DefaultWorkingDays))).ToList();
    }

    /// <summary>Sets the working days to decide a kind of appeal; applies to appeals filed from now on.</summary>
    public async Task<FieldErrors> SetKindTermAsync(string? kindName, int? workingDays, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        if (!AppealText.TryParseApiName<AppealKind>(kindName, out var kind)) errors.Add("kind", localizer["Appeal.KindRequired"]);
        if (workingDays is not (>= MinWorkingDays and <= MaxWorkingDays)) errors.Add("workingDays", localizer["Kind.WorkingDaysRange", MinWorkingDays, MaxWorkingDays]);
        if (errors.Count > 0) return errors;
        var setting = await db.AppealKindSettings.SingleOrDefaultAsync(k => k.Kind == kind, cancellationToken);
        if (setting is null) db.AppealKindSettings.Add(new AppealKindSetting { Kind = kind, WorkingDays = workingDays!.Value });
        else setting.WorkingDays = workingDays!.Value;
        await db.SaveChangesAsync(cancellationToken);
        catalog.Invalidate();
        return errors;
    }

    /// <summary>Marks a tip reviewed, with what was done about it; only the district's supervisor or an administrator.</summary>
    public async Task<bool> ReviewTipAsync(System.Security.Claims.ClaimsPrincipal user, long tipId, string? note, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        var access = AppealAccess.For(user);
        var tip = await db.Tips.SingleOrDefaultAsync(t => t.Id == tipId, cancellationToken);
        if (tip is null || !(access.IsAdmin || (access.IsSupervisor && access.DistrictId == tip.DistrictId))) return false;
        tip.ReviewedAtUtc = clock.GetUtcNow().UtcDateTime;
        tip.ReviewedByUserId = access.UserId;
        tip.ReviewNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(note.Trim().Length, 2000)];
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial System.Text.RegularExpressions.Regex CodePattern();
}

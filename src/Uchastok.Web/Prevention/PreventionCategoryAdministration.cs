using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Prevention;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Prevention;

/// <summary>
/// The categories of the preventive register: the list staff read, and the administrator's add and change.
/// The rules' <see cref="PreventionCategoryValidator"/> decides what a valid category is; this class adds
/// what only the database knows (a code already taken) and the names in three languages, and turns every
/// <see cref="PreventionProblem"/> into a sentence in the caller's language naming the field.
/// </summary>
public sealed class PreventionCategoryAdministration(UchastokDbContext db, IStringLocalizer<SharedResource> localizer)
{
    public const int MaxNameLength = 200;

    public async Task<IReadOnlyList<PreventionCategoryView>> ListAsync(CancellationToken cancellationToken = default) =>
        (await db.PreventionCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(cancellationToken))
            .Select(PreventionCategoryView.From).ToList();

    public async Task<PreventionCategoryView?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        await db.PreventionCategories.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken) is { } found
            ? PreventionCategoryView.From(found)
            : null;

    /// <summary>
    /// Adds a category (id null) or changes one. Returns the saved category, or the field errors; neither
    /// when the id names no category. A code another category has is a field error on <c>code</c>, as for
    /// appeal categories. Nothing is written unless every field is valid.
    /// </summary>
    public async Task<(PreventionCategoryView? Category, FieldErrors Errors)> SaveAsync(int? id, PreventionCategoryRequest input, CancellationToken cancellationToken = default)
    {
        var errors = new FieldErrors();
        var validation = PreventionCategoryValidator.Validate(new PreventionCategoryInput(
            input.Code, input.LegalBasis,
            input.VisitIntervalCount, Unit(input.VisitIntervalUnit),
            input.RetentionCount, Unit(input.RetentionUnit),
            input.Juvenile, input.DomesticViolenceOffender, input.HealthRelated));
        foreach (var error in validation.Errors) Add(errors, error.Field, error.Problem);
        foreach (var (field, value) in new[] { ("nameKk", input.NameKk), ("nameRu", input.NameRu), ("nameEn", input.NameEn) })
        {
            if (string.IsNullOrWhiteSpace(value)) Add(errors, field, PreventionProblem.Required);
            else if (value.Trim().Length > MaxNameLength) Add(errors, field, PreventionProblem.TooLong);
        }

        PreventionCategoryRecord? record = null;
        if (id is { } existing)
        {
            record = await db.PreventionCategories.SingleOrDefaultAsync(c => c.Id == existing, cancellationToken);
            if (record is null) return (null, errors);
        }
        if (validation.Category is { } valid && await db.PreventionCategories.AnyAsync(c => c.Code == valid.Code && c.Id != (id ?? 0), cancellationToken))
            errors.Add("code", localizer["Prevention.CodeTaken"]);
        if (errors.Count > 0) return (null, errors);

        var category = validation.Category!;
        record ??= db.PreventionCategories.Add(new PreventionCategoryRecord { Code = category.Code, NameKk = "", NameRu = "", NameEn = "", LegalBasis = "" }).Entity;
        record.Code = category.Code;
        record.NameKk = input.NameKk!.Trim();
        record.NameRu = input.NameRu!.Trim();
        record.NameEn = input.NameEn!.Trim();
        record.LegalBasis = category.LegalBasis;
        record.VisitIntervalCount = category.VisitInterval.Count;
        record.VisitIntervalUnit = category.VisitInterval.Unit;
        record.RetentionCount = category.RetentionAfterRemoval.Count;
        record.RetentionUnit = category.RetentionAfterRemoval.Unit;
        record.Juvenile = category.Juvenile;
        record.DomesticViolenceOffender = category.DomesticViolenceOffender;
        record.HealthRelated = category.HealthRelated;
        record.IsActive = input.IsActive;
        record.SortOrder = input.SortOrder;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            // Another administrator saved the same code between the check and the write.
            db.ChangeTracker.Clear();
            errors.Add("code", localizer["Prevention.CodeTaken"]);
            return (null, errors);
        }
        return (PreventionCategoryView.From(record), errors);
    }

    /// <summary>A unit by its name, any case; a name that is no unit becomes an undefined value the validator refuses as invalid.</summary>
    internal static PeriodUnit? Unit(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        foreach (var unit in Enum.GetValues<PeriodUnit>())
        {
            if (string.Equals(unit.ToString(), name.Trim(), StringComparison.OrdinalIgnoreCase)) return unit;
        }
        return (PeriodUnit)(-1);
    }

    private void Add(FieldErrors errors, string field, PreventionProblem problem) => PreventionMessages.Add(localizer, errors, new(field, problem));
}

namespace Uchastok.Web.Prevention;

/// <summary>
/// A category of the preventive register as the API shows it; the same fields as <see cref="PreventionCategoryRequest"/>,
/// so a client can change what it read and send it back. Units are <c>Days</c>, <c>Weeks</c>, <c>Months</c> or <c>Years</c>.
/// </summary>
public sealed record PreventionCategoryView(
    int Id,
    string Code,
    string NameKk,
    string NameRu,
    string NameEn,
    string LegalBasis,
    int VisitIntervalCount,
    string VisitIntervalUnit,
    int RetentionCount,
    string RetentionUnit,
    bool Juvenile,
    bool DomesticViolenceOffender,
    bool HealthRelated,
    bool IsActive,
    int SortOrder)
{
    internal static PreventionCategoryView From(PreventionCategoryRecord c) => new(
        c.Id, c.Code, c.NameKk, c.NameRu, c.NameEn, c.LegalBasis,
        c.VisitIntervalCount, c.VisitIntervalUnit.ToString(), c.RetentionCount, c.RetentionUnit.ToString(),
        c.Juvenile, c.DomesticViolenceOffender, c.HealthRelated, c.IsActive, c.SortOrder);
}

/// <summary>
/// What an administrator sends to add or change a category. Both periods are required and have no default:
/// the law names the categories but gives neither a visit frequency nor a retention period.
/// </summary>
/// <param name="VisitIntervalUnit">Days, Weeks, Months or Years (any case).</param>
/// <param name="RetentionCount">How many units the file is kept after the person is removed from the register.</param>
public sealed record PreventionCategoryRequest(
    string? Code,
    string? NameKk,
    string? NameRu,
    string? NameEn,
    string? LegalBasis,
    int? VisitIntervalCount,
    string? VisitIntervalUnit,
    int? RetentionCount,
    string? RetentionUnit,
    bool Juvenile = false,
    bool DomesticViolenceOffender = false,
    bool HealthRelated = false,
    bool IsActive = true,
    int SortOrder = 0);

using Uchastok.Rules.Prevention;

namespace Uchastok.Web.Prevention;

/// <summary>
/// A category of the preventive register (профучёт) as administrators keep it: its names, the legal basis
/// it rests on, how often its people are visited and how long a file is kept after removal. The law gives
/// no numbers for either period, so both are required settings with no default (see
/// <see cref="PreventionCategory"/>). Named "Record" beside the rule's <see cref="PreventionCategory"/>.
/// </summary>
public sealed class PreventionCategoryRecord
{
    public int Id { get; set; }
    /// <summary>Lowercase, stable across languages: <c>parole</c>, <c>dv-offender</c>.</summary>
    public required string Code { get; set; }
    public required string NameKk { get; set; }
    public required string NameRu { get; set; }
    public required string NameEn { get; set; }
    /// <summary>The law, article or order the category and its terms rest on, as the administrator copied it.</summary>
    public required string LegalBasis { get; set; }
    public int VisitIntervalCount { get; set; }
    public PeriodUnit VisitIntervalUnit { get; set; }
    public int RetentionCount { get; set; }
    public PeriodUnit RetentionUnit { get; set; }
    public bool Juvenile { get; set; }
    public bool DomesticViolenceOffender { get; set; }
    /// <summary>Alcohol or drug abuse: being in the category is health data.</summary>
    public bool HealthRelated { get; set; }
    /// <summary>Categories are deactivated, never deleted, so files already in one keep it.</summary>
    public bool IsActive { get; set; } = true;
    public int SortOrder { get; set; }

    public CalendarPeriod VisitInterval => new(VisitIntervalCount, VisitIntervalUnit);
    public CalendarPeriod RetentionAfterRemoval => new(RetentionCount, RetentionUnit);
}

using System.Text.RegularExpressions;

namespace Uchastok.Rules.Prevention;

/// <summary>
/// A category of the preventive register (профучёт) as the rules see it. The seed document names the
/// categories (previously convicted, administrative supervision, parole, alcohol, drugs, juveniles,
/// others likely to offend: Korzhumbaeva L2069, L2326; Shumaev L1521) and the laws they rest on
/// (No. 271-IV, L5280; No. 591, L5284), but gives no visit frequency and no retention period. So
/// every one of them is an administrator's setting entered with its source: nothing here has a default.
/// </summary>
/// <param name="Code">Lowercase code, stable across languages: <c>parole</c>, <c>dv-offender</c>.</param>
/// <param name="LegalBasis">The text of the legal basis (law, article, order) the category and its terms rest on.</param>
/// <param name="VisitInterval">How often the person is visited: the cadence of the plan's recurring visits.</param>
/// <param name="RetentionAfterRemoval">How long the file is kept after removal from the register before it is purged.</param>
/// <param name="Juvenile">Juveniles: the district's juvenile inspector reads these files too (Law No. 591).</param>
/// <param name="DomesticViolenceOffender">The register category for the follow-up of domestic-violence cases (C16).</param>
/// <param name="HealthRelated">Alcohol or drug abuse: health data, sensitive, encrypted at rest.</param>
public sealed record PreventionCategory(
    string Code,
    string LegalBasis,
    CalendarPeriod VisitInterval,
    CalendarPeriod RetentionAfterRemoval,
    bool Juvenile = false,
    bool DomesticViolenceOffender = false,
    bool HealthRelated = false)
{
    /// <summary>
    /// Whether being in the category is itself health data, encrypted at rest beyond the IIN every entry
    /// has: the issue names IIN, victim data and health-related categories as the sensitive fields.
    /// </summary>
    public bool IsSensitive => HealthRelated;
}

/// <summary>Why an input was refused; the web layer turns each into a sentence in the user's language.</summary>
public enum PreventionProblem
{
    Required,
    /// <summary>Not the expected form (a code with other characters, an unknown unit).</summary>
    Invalid,
    TooLong,
    /// <summary>A count of zero or less, or a period longer than <see cref="CalendarPeriod.MaxYears"/> years.</summary>
    OutOfRange,
    /// <summary>A date after today where only today or earlier makes sense (something done, something detected).</summary>
    InFuture,
    /// <summary>A date before today where only today or later makes sense (a new due date).</summary>
    InPast,
    /// <summary>A date before the event that must precede it (a visit before the person was put on record).</summary>
    BeforeStart,
    /// <summary>Two fields that must agree do not (an IIN that encodes another birth date).</summary>
    DoesNotMatch,
}

/// <summary>One refused field: its name as in the JSON API (camelCase) and the problem.</summary>
public sealed record PreventionFieldError(string Field, PreventionProblem Problem);

/// <summary>What an administrator typed for a category; nullable because a form may leave anything out.</summary>
public sealed record PreventionCategoryInput(
    string? Code,
    string? LegalBasis,
    int? VisitIntervalCount,
    PeriodUnit? VisitIntervalUnit,
    int? RetentionCount,
    PeriodUnit? RetentionUnit,
    bool Juvenile = false,
    bool DomesticViolenceOffender = false,
    bool HealthRelated = false);

/// <summary>The category when the input is valid, otherwise every problem found.</summary>
public sealed record PreventionCategoryValidation(PreventionCategory? Category, IReadOnlyList<PreventionFieldError> Errors)
{
    public bool IsValid => Category is not null;
}

/// <summary>Checks an administrator's category input; reports every bad field, not just the first.</summary>
public static partial class PreventionCategoryValidator
{
    public const int MaxCodeLength = 40;
    public const int MaxLegalBasisLength = 2000;

    public static PreventionCategoryValidation Validate(PreventionCategoryInput input)
    {
        var errors = new List<PreventionFieldError>();
        var code = input.Code?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(code)) errors.Add(new("code", PreventionProblem.Required));
        else if (code.Length > MaxCodeLength) errors.Add(new("code", PreventionProblem.TooLong));
        else if (!CodePattern().IsMatch(code)) errors.Add(new("code", PreventionProblem.Invalid));

        var basis = input.LegalBasis?.Trim();
        if (string.IsNullOrEmpty(basis)) errors.Add(new("legalBasis", PreventionProblem.Required));
        else if (basis.Length > MaxLegalBasisLength) errors.Add(new("legalBasis", PreventionProblem.TooLong));

        var interval = Period("visitInterval", input.VisitIntervalCount, input.VisitIntervalUnit, errors);
        var retention = Period("retentionPeriod", input.RetentionCount, input.RetentionUnit, errors);

        return errors.Count > 0
            ? new(null, errors)
            : new(new PreventionCategory(code!, basis!, interval!.Value, retention!.Value, input.Juvenile, input.DomesticViolenceOffender, input.HealthRelated), errors);
    }

    private static CalendarPeriod? Period(string field, int? count, PeriodUnit? unit, List<PreventionFieldError> errors)
    {
        if (count is null || unit is null)
        {
            errors.Add(new(field, PreventionProblem.Required));
            return null;
        }
        if (!Enum.IsDefined(unit.Value))
        {
            errors.Add(new(field, PreventionProblem.Invalid));
            return null;
        }
        var period = new CalendarPeriod(count.Value, unit.Value);
        if (!period.IsWithinBounds)
        {
            errors.Add(new(field, PreventionProblem.OutOfRange));
            return null;
        }
        return period;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex CodePattern();
}

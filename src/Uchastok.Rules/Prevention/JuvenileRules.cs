using Uchastok.Rules.Calendar;

namespace Uchastok.Rules.Prevention;

/// <summary>What an officer typed when a minor was taken home (C15, juveniles; Shumaev).</summary>
public sealed record JuvenileDeliveryInput(
    string? MinorName, DateOnly? MinorBirthDate, string? Reason, string? FoundAt, string? DeliveredTo, DateTimeOffset? DeliveredAt, string? DeliveredBy);

/// <summary>What an officer typed to mark a place where groups of minors gather.</summary>
public sealed record GatheringPlaceInput(GeoPoint? Point, string? Description, DateOnly? ObservedOn);

/// <summary>
/// The checks of the juvenile records. A minor is under eighteen (the age of majority, Civil Code art. 17)
/// on the day of the delivery; the delivery is not in the future; the one it was handed to is named
/// (a parent, a guardian, a children's institution), since that is what the record is for.
/// </summary>
public static class JuvenileRules
{
    public const int AgeOfMajority = 18;
    public const int MaxTextLength = 300;
    public const int MaxDescriptionLength = 500;

    public static readonly IReadOnlyList<string> Reasons = ["Intoxicated", "Unattended"];

    public static bool IsMinorOn(DateOnly birthDate, DateOnly day) => day < birthDate.AddYears(AgeOfMajority);

    /// <summary>A moment's date in Kazakhstan (one zone, UTC+5, since 1 March 2024): a birthday and "today" are Kazakhstan dates, whatever offset a client sent.</summary>
    private static DateOnly LocalDate(DateTimeOffset moment) => DateOnly.FromDateTime(moment.ToOffset(AlmatyClock.SingleZoneOffset).DateTime);

    public static IReadOnlyList<PreventionFieldError> ValidateDelivery(JuvenileDeliveryInput input, DateTimeOffset now)
    {
        var errors = new List<PreventionFieldError>();
        Text(errors, "minorName", input.MinorName, 200);
        if (input.MinorBirthDate is not { } birth) errors.Add(new("minorBirthDate", PreventionProblem.Required));
        else if (input.DeliveredAt is { } at && !IsMinorOn(birth, LocalDate(at))) errors.Add(new("minorBirthDate", PreventionProblem.OutOfRange));
        else if (birth > LocalDate(now)) errors.Add(new("minorBirthDate", PreventionProblem.InFuture));
        if (string.IsNullOrWhiteSpace(input.Reason)) errors.Add(new("reason", PreventionProblem.Required));
        else if (!Reasons.Contains(input.Reason.Trim(), StringComparer.OrdinalIgnoreCase)) errors.Add(new("reason", PreventionProblem.Invalid));
        Text(errors, "foundAt", input.FoundAt, MaxTextLength);
        Text(errors, "deliveredTo", input.DeliveredTo, MaxTextLength);
        Text(errors, "deliveredBy", input.DeliveredBy, 200);
        if (input.DeliveredAt is not { } delivered) errors.Add(new("deliveredAt", PreventionProblem.Required));
        else if (delivered > now) errors.Add(new("deliveredAt", PreventionProblem.InFuture));
        return errors;
    }

    public static IReadOnlyList<PreventionFieldError> ValidatePlace(GatheringPlaceInput input, DateOnly today)
    {
        var errors = new List<PreventionFieldError>();
        if (input.Point is not { } point) errors.Add(new("point", PreventionProblem.Required));
        else if (!Territory.Coordinates.AreValid(point.Latitude, point.Longitude)) errors.Add(new("point", PreventionProblem.Invalid));
        Text(errors, "description", input.Description, MaxDescriptionLength);
        if (input.ObservedOn is not { } observed) errors.Add(new("observedOn", PreventionProblem.Required));
        else if (observed > today) errors.Add(new("observedOn", PreventionProblem.InFuture));
        return errors;
    }

    private static void Text(List<PreventionFieldError> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(new(field, PreventionProblem.Required));
        else if (value.Trim().Length > max) errors.Add(new(field, PreventionProblem.TooLong));
    }
}

using Uchastok.Rules.Identity;
using Uchastok.Rules.Territory;

namespace Uchastok.Rules.Prevention;

/// <summary>
/// What an inspector typed to put a person on record (C15). The address on the beat is a gazetteer
/// address or a map point; the IIN may be missing (a person without documents at hand), and then
/// duplicates are found by name and birth date.
/// </summary>
public sealed record PreventionEntryInput(
    string? FullName,
    DateOnly? BirthDate,
    string? Iin,
    long? GazetteerAddressId,
    GeoPoint? Point,
    string? CategoryCode,
    string? Basis,
    DateOnly? PutOnRecord);

/// <summary>Checks a register entry before it is stored; reports every bad field. The IIN is checked with <see cref="Identity.Iin"/> and must encode the birth date given.</summary>
public static class PreventionEntryValidator
{
    public const int MaxNameLength = 200;
    public const int MaxBasisLength = 2000;

    public static IReadOnlyList<PreventionFieldError> Validate(PreventionEntryInput input, DateOnly today)
    {
        var errors = new List<PreventionFieldError>();
        var name = input.FullName?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add(new("fullName", PreventionProblem.Required));
        else if (name.Length > MaxNameLength) errors.Add(new("fullName", PreventionProblem.TooLong));

        if (input.BirthDate is not { } birth) errors.Add(new("birthDate", PreventionProblem.Required));
        else if (birth > today) errors.Add(new("birthDate", PreventionProblem.InFuture));

        if (!string.IsNullOrWhiteSpace(input.Iin))
        {
            var iin = input.Iin.Trim();
            if (!Identity.Iin.IsValid(iin)) errors.Add(new("iin", PreventionProblem.Invalid));
            else if (input.BirthDate is { } given && Identity.Iin.BirthDate(iin) != given) errors.Add(new("iin", PreventionProblem.DoesNotMatch));
        }

        if (input.GazetteerAddressId is null && input.Point is null) errors.Add(new("address", PreventionProblem.Required));
        else if (input.Point is { } point && !Coordinates.AreValid(point.Latitude, point.Longitude)) errors.Add(new("point", PreventionProblem.Invalid));

        if (string.IsNullOrWhiteSpace(input.CategoryCode)) errors.Add(new("category", PreventionProblem.Required));
        var basis = input.Basis?.Trim();
        if (string.IsNullOrEmpty(basis)) errors.Add(new("basis", PreventionProblem.Required));
        else if (basis.Length > MaxBasisLength) errors.Add(new("basis", PreventionProblem.TooLong));

        if (input.PutOnRecord is not { } putOn) errors.Add(new("putOnRecord", PreventionProblem.Required));
        else if (putOn > today) errors.Add(new("putOnRecord", PreventionProblem.InFuture));
        else if (input.BirthDate is { } born && putOn < born) errors.Add(new("putOnRecord", PreventionProblem.BeforeStart));
        return errors;
    }
}

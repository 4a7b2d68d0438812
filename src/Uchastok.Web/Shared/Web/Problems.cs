using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace Uchastok.Web.Shared.Web;

/// <summary>RFC 9457 problem responses with the title and detail in the request's language.</summary>
public static class Problems
{
    public static ProblemHttpResult Status(IStringLocalizer localizer, int status, string key, params object[] arguments) =>
        TypedResults.Problem(
            title: localizer[$"Problem.{status}"],
            detail: localizer[key, arguments],
            statusCode: status,
            type: $"https://uchastok.kz/problems/{key}");

    public static ProblemHttpResult BadRequest(IStringLocalizer localizer, string key, params object[] arguments) =>
        Status(localizer, StatusCodes.Status400BadRequest, key, arguments);

    public static ProblemHttpResult NotFound(IStringLocalizer localizer, string key, params object[] arguments) =>
        Status(localizer, StatusCodes.Status404NotFound, key, arguments);

    public static ValidationProblem Validation(IStringLocalizer localizer, FieldErrors errors) =>
        TypedResults.ValidationProblem(errors, title: localizer["Problem.Validation"]);

    /// <summary>A JSON body's value of the wrong type (<see cref="JsonBodyRead{T}.UnreadableField"/>), named like any other bad field.</summary>
    public static ValidationProblem UnreadableField(IStringLocalizer localizer, string field)
    {
        var errors = new FieldErrors();
        errors.Add(field, localizer["Appeal.FieldUnreadable"]);
        return Validation(localizer, errors);
    }
}

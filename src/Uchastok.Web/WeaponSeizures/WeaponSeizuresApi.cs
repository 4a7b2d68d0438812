using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Trust;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.WeaponSeizures;

/// <summary>
/// The seizures' API (issue 21): recording, linking to a protocol, reading, the supervisor's figures, and the public
/// counts by category. The staff routes ask only for a signed-in account: who reads what is
/// <see cref="WeaponSeizureScope"/>'s decision, and outside it the answer is 404; the public figures are anonymous.
/// </summary>
public static class WeaponSeizuresApi
{
    public static IEndpointRouteBuilder MapWeaponSeizuresApi(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/api/v1/seizures").RequireAuthorization().WithTags("Seizures");
        staff.MapGet("/catalogue", CatalogueAsync).WithSummary("The paper's item categories (with the fields each requires) and the ten determinants, in the reader's language.");
        staff.MapGet(string.Empty, ListAsync).WithSummary("The seizures the caller reads (inspector: his beats' and his own; supervisor: his district's; administrator: all), newest first, of one quarter when given (2026-Q4); no places.");
        staff.MapPost(string.Empty, RecordAsync).WithSummary("Record a seizure on a beat the caller serves (inspector) or in his district (supervisor): every problem named at once in the caller's language, nothing saved.");
        staff.MapGet("/dashboard", DashboardAsync).WithSummary("Items by category, district and quarter as the paper's table, with cases and totals, and cases by determinant and district: the district's supervisor, administrators for any or all districts.");
        staff.MapGet("/{id:long}", ReadAsync).WithSummary("A seizure in full, its place included; the read is logged with its purpose.");
        staff.MapPut("/{id:long}/protocol", LinkProtocolAsync).WithSummary("Link a seizure to the protocol that recorded it, once that protocol is in Uchastok (one of the seizure's district).");

        var open = app.MapGroup("/api/v1/seizures/public").AllowAnonymous().WithTags("Seizures");
        open.MapGet(string.Empty, PublicAsync).WithSummary("Seized items by category for the whole city in the last four ended quarters; counts of 1–4 are not published (null), and no totals.");
        return app;
    }

    private static Results<Ok<SeizureCatalogueView>, ProblemHttpResult> CatalogueAsync(ClaimsPrincipal user, IStringLocalizer<SharedResource> localizer) =>
        WeaponSeizureScope.MayRecord(user) || WeaponSeizureScope.ReadsOnly(user) ? TypedResults.Ok(WeaponSeizureRegister.Catalogue()) : NotFound(localizer);

    private static async Task<Results<Ok<IReadOnlyList<WeaponSeizureSummary>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user, WeaponSeizureRegister register, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken,
        [FromQuery] string? quarter = null, [FromQuery] int take = 100)
    {
        if (quarter is not null && !Quarter.TryParse(quarter, out _)) return QuarterProblem(localizer);
        var list = await register.ListAsync(user, quarter?.ToUpperInvariant(), take, cancellationToken);
        return list is null ? NotFound(localizer) : TypedResults.Ok(list);
    }

    private static async Task<Results<Created<WeaponSeizureSummary>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        WeaponSeizureRequest body, ClaimsPrincipal user, WeaponSeizureRegister register, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var result = await register.RecordAsync(user, body, cancellationToken);
        return result.Outcome switch
        {
            SeizureOutcome.Created => TypedResults.Created($"/api/v1/seizures/{result.Seizure!.Id}", await SummaryAsync(register, user, result.Seizure.Id, cancellationToken)),
            SeizureOutcome.Invalid => Problems.Validation(localizer, result.Errors),
            SeizureOutcome.Forbidden => Problems.Status(localizer, StatusCodes.Status403Forbidden, "Seizures.ReadOnly"),
            _ => NotFound(localizer),
        };
    }

    private static async Task<Results<Ok<WeaponSeizureSummary>, ValidationProblem, ProblemHttpResult>> LinkProtocolAsync(
        long id, WeaponSeizureProtocolRequest body, ClaimsPrincipal user, WeaponSeizureRegister register, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var result = await register.LinkProtocolAsync(user, id, body, cancellationToken);
        return result.Outcome switch
        {
            SeizureOutcome.Updated => TypedResults.Ok(await SummaryAsync(register, user, id, cancellationToken)),
            SeizureOutcome.Invalid => Problems.Validation(localizer, result.Errors),
            SeizureOutcome.Forbidden => Problems.Status(localizer, StatusCodes.Status403Forbidden, "Seizures.ReadOnly"),
            _ => NotFound(localizer),
        };
    }

    private static async Task<Results<Ok<WeaponSeizureView>, ProblemHttpResult>> ReadAsync(
        long id, ClaimsPrincipal user, WeaponSeizureRegister register, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken,
        [FromQuery] string? purpose = null)
    {
        var view = await register.ReadAsync(user, id, Purpose(purpose, "seizure read over the API"), cancellationToken);
        return view is null ? NotFound(localizer) : TypedResults.Ok(view);
    }

    private static async Task<Results<Ok<SeizureDashboardView>, ValidationProblem, ProblemHttpResult>> DashboardAsync(
        ClaimsPrincipal user, WeaponSeizureRegister register, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken,
        [FromQuery] int? districtId = null, [FromQuery] string? quarter = null)
    {
        if (quarter is not null && !Quarter.TryParse(quarter, out _)) return QuarterProblem(localizer);
        var view = await register.DashboardAsync(user, districtId, quarter?.ToUpperInvariant(), cancellationToken);
        return view is null ? NotFound(localizer) : TypedResults.Ok(view);
    }

    private static async Task<Ok<PublicSeizureFigures>> PublicAsync(WeaponSeizureRegister register, CancellationToken cancellationToken) =>
        TypedResults.Ok(await register.PublicAsync(cancellationToken));

    /// <summary>The new or linked seizure as its writer lists it (he reads what he recorded, so this is never null).</summary>
    private static async Task<WeaponSeizureSummary> SummaryAsync(WeaponSeizureRegister register, ClaimsPrincipal user, long id, CancellationToken cancellationToken) =>
        (await register.SummaryAsync(user, id, cancellationToken))!;

    private static ValidationProblem QuarterProblem(IStringLocalizer localizer)
    {
        var errors = new FieldErrors();
        errors.Add("quarter", localizer["Seizures.QuarterInvalid"]);
        return Problems.Validation(localizer, errors);
    }

    private static ProblemHttpResult NotFound(IStringLocalizer localizer) => Problems.NotFound(localizer, "Seizures.NotFound");

    /// <summary>The purpose a client gives for a read, kept short; the default names the channel.</summary>
    private static string Purpose(string? given, string fallback) =>
        string.IsNullOrWhiteSpace(given) ? fallback : given.Trim()[..Math.Min(given.Trim().Length, 200)];
}

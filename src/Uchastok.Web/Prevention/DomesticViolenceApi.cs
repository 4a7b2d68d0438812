using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Prevention;

/// <summary>
/// Domestic-violence cases (C16) under <c>/api/v1/prevention/dv-cases</c>. The group asks only for a signed-in user:
/// who reads which case is decided per case by <c>PreventionAccess</c>, and everyone else (another beat's inspector,
/// the juvenile inspector, a resident, a partner) gets 404, as issue 17 asks, never 403. Measure types and the repeat
/// window are the administrators'.
/// </summary>
public static class DomesticViolenceApi
{
    public static IEndpointRouteBuilder MapDomesticViolenceApi(this IEndpointRouteBuilder app)
    {
        var cases = app.MapGroup("/api/v1/prevention/dv-cases").RequireAuthorization().WithTags("Prevention");
        cases.MapGet("/", ListAsync).WithSummary("The domestic-violence cases the user may read, newest first (no victim data); 404 for anyone who reads none.");
        cases.MapPost("/", OpenAsync).WithSummary("Open a case on detection, without the victim's statement; from an appeal or an anonymous tip give its id.");
        cases.MapGet("/{id:long}", ReadAsync).WithSummary("One case with its evidence, steps, measures and repeat flag; the victim block only for those who may see it. Every read is logged.");
        cases.MapGet("/{id:long}/reads", ReadsAsync).WithSummary("Who read the case, when and why, newest first: for the district's supervisor only.");
        cases.MapPost("/{id:long}/evidence", AddEvidenceAsync).WithSummary("Add a witness's or neighbour's statement, or a video or photo by its SHA-256.");
        cases.MapPost("/{id:long}/steps", StepAsync).WithSummary("Draw up the protocol, send to court (refused with no evidence item), record the court's decision, or close.");
        cases.MapPut("/{id:long}/offender", SetOffenderAsync).WithSummary("Link the offender's file on the preventive register, whose plan carries the follow-up visits.");
        cases.MapPut("/{id:long}/victim", SetVictimAsync).WithSummary("Set the victim's identity, address, contacts and chosen channel (inspector of the beat, supervisor, women-protection officer).");
        cases.MapPost("/{id:long}/messages", MessageVictimAsync).WithSummary("Send the victim a message by her chosen channel, in neutral words only; never to anyone else.");
        cases.MapPost("/{id:long}/referral", ReferAsync).WithSummary("Record a referral to a support organisation, only with her consent recorded.");
        cases.MapPost("/{id:long}/measures", AddMeasureAsync).WithSummary("Apply a measure of an administrator-configured type; its first check falls one check interval after it starts.");
        cases.MapPost("/{id:long}/measures/{measureId:long}/checks", CheckMeasureAsync).WithSummary("Record a check of a measure; the next is due one check interval later.");

        var readers = app.MapGroup("/api/v1/prevention").RequireAuthorization(Policies.Prevention).WithTags("Prevention");
        readers.MapGet("/dv-measure-types", MeasureTypesAsync).WithSummary("The measure types administrators configured, with legal source and check interval.");

        var admin = app.MapGroup("/api/v1/prevention").RequireAuthorization(Policies.Admin).WithTags("Prevention");
        admin.MapPost("/dv-measure-types", AddMeasureTypeAsync).WithSummary("Add a measure type with its legal source and check interval (no default: the document gives none).");
        admin.MapPut("/dv-measure-types/{id:int}", SaveMeasureTypeAsync).WithSummary("Change a measure type (deactivate instead of deleting).");
        admin.MapGet("/dv-settings", SettingsAsync).WithSummary("The repeat window with its source, or none (then every earlier case counts).");
        admin.MapPut("/dv-settings", SaveSettingsAsync).WithSummary("Set the repeat window with its source text, or clear it.");
        return app;
    }

    private const string ReadPurpose = "dv case: read through the API";

    private static async Task<Results<Ok<IReadOnlyList<DvCaseSummaryView>>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user, DomesticViolenceCases cases, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await cases.ListAsync(user, cancellationToken) is { } list ? TypedResults.Ok(list) : Problems.NotFound(localizer, "Dv.NotFound");

    private static async Task<Results<Ok<DvCaseView>, ProblemHttpResult>> ReadAsync(
        long id, string? purpose, ClaimsPrincipal user, DomesticViolenceCases cases, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await cases.ReadAsync(user, id, string.IsNullOrWhiteSpace(purpose) ? ReadPurpose : $"dv case: {purpose.Trim()}", cancellationToken) is { } found
            ? TypedResults.Ok(found)
            : Problems.NotFound(localizer, "Dv.NotFound");

    private static async Task<Results<Ok<IReadOnlyList<DvReadView>>, ProblemHttpResult>> ReadsAsync(
        long id, ClaimsPrincipal user, DomesticViolenceCases cases, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await cases.ReadsAsync(user, id, cancellationToken) is { } reads ? TypedResults.Ok(reads) : Problems.NotFound(localizer, "Dv.NotFound");

    private static async Task<Results<Created<DvCaseView>, ValidationProblem, ProblemHttpResult>> OpenAsync(
        DvOpenRequest body, ClaimsPrincipal user, DomesticViolenceCases cases, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var outcome = await cases.OpenAsync(user, body, cancellationToken);
        return outcome.Status switch
        {
            DvOutcomeStatus.Ok => TypedResults.Created($"/api/v1/prevention/dv-cases/{outcome.Value!.Id}", outcome.Value),
            DvOutcomeStatus.Invalid => Problems.Validation(localizer, outcome.Errors),
            DvOutcomeStatus.Forbidden => Problems.Status(localizer, StatusCodes.Status403Forbidden, "Prevention.ReadOnly"),
            _ => Problems.NotFound(localizer, "Dv.NotFound"),
        };
    }

    private static Task<Results<Ok<DvCaseView>, ValidationProblem, ProblemHttpResult>> AddEvidenceAsync(
        long id, DvEvidenceRequest body, ClaimsPrincipal user, DomesticViolenceCases cases, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        Answer(cases.AddEvidenceAsync(user, id, body, cancellationToken), localizer);

    private static Task<Results<Ok<DvCaseView>, ValidationProblem, ProblemHttpResult>> StepAsync(
        long id, DvStepRequest body, ClaimsPrincipal user, DomesticViolenceCases cases, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        Answer(cases.StepAsync(user, id, body, cancellationToken), localizer);

    private static Task<Results<Ok<DvCaseView>, ValidationProblem, ProblemHttpResult>> SetOffenderAsync(
        long id, DvOffenderRequest body, ClaimsPrincipal user, DomesticViolenceCases cases, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        Answer(cases.SetOffenderAsync(user, id, body, cancellationToken), localizer);

    private static Task<Results<Ok<DvCaseView>, ValidationProblem, ProblemHttpResult>> SetVictimAsync(
        long id, DvVictimRequest body, ClaimsPrincipal user, DomesticViolenceCases cases, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        Answer(cases.SetVictimAsync(user, id, body, cancellationToken), localizer);

    private static Task<Results<Ok<DvCaseView>, ValidationProblem, ProblemHttpResult>> MessageVictimAsync(
        long id, DvMessageRequest body, ClaimsPrincipal user, DomesticViolenceCases cases, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        Answer(cases.MessageVictimAsync(user, id, body, cancellationToken), localizer);

    private static Task<Results<Ok<DvCaseView>, ValidationProblem, ProblemHttpResult>> ReferAsync(
        long id, DvReferralRequest body, ClaimsPrincipal user, DomesticViolenceCases cases, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        Answer(cases.ReferAsync(user, id, body, cancellationToken), localizer);

    private static Task<Results<Ok<DvCaseView>, ValidationProblem, ProblemHttpResult>> AddMeasureAsync(
        long id, DvMeasureRequest body, ClaimsPrincipal user, DomesticViolenceCases cases, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        Answer(cases.AddMeasureAsync(user, id, body, cancellationToken), localizer);

    private static Task<Results<Ok<DvCaseView>, ValidationProblem, ProblemHttpResult>> CheckMeasureAsync(
        long id, long measureId, DvMeasureCheckRequest body, ClaimsPrincipal user, DomesticViolenceCases cases, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        Answer(cases.CheckMeasureAsync(user, id, measureId, body, cancellationToken), localizer);

    private static async Task<Ok<IReadOnlyList<DvMeasureTypeView>>> MeasureTypesAsync(DomesticViolenceCases cases, CancellationToken cancellationToken) =>
        TypedResults.Ok(await cases.MeasureTypesAsync(cancellationToken));

    private static async Task<Results<Created<DvMeasureTypeView>, ValidationProblem>> AddMeasureTypeAsync(
        DvMeasureTypeRequest body, DomesticViolenceCases cases, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (type, errors) = await cases.SaveMeasureTypeAsync(null, body, cancellationToken);
        return type is not null ? TypedResults.Created($"/api/v1/prevention/dv-measure-types/{type.Id}", type) : Problems.Validation(localizer, errors);
    }

    private static async Task<Results<Ok<DvMeasureTypeView>, ValidationProblem, ProblemHttpResult>> SaveMeasureTypeAsync(
        int id, DvMeasureTypeRequest body, DomesticViolenceCases cases, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (type, errors) = await cases.SaveMeasureTypeAsync(id, body, cancellationToken);
        if (type is not null) return TypedResults.Ok(type);
        return errors.Count > 0 ? Problems.Validation(localizer, errors) : Problems.NotFound(localizer, "Dv.MeasureTypeNotFound");
    }

    private static async Task<Ok<DvSettingsView>> SettingsAsync(DomesticViolenceCases cases, CancellationToken cancellationToken) =>
        TypedResults.Ok(await cases.SettingsAsync(cancellationToken));

    private static async Task<Results<Ok<DvSettingsView>, ValidationProblem>> SaveSettingsAsync(
        DvSettingsRequest body, ClaimsPrincipal user, DomesticViolenceCases cases, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (settings, errors) = await cases.SaveSettingsAsync(user, body, cancellationToken);
        return settings is not null ? TypedResults.Ok(settings) : Problems.Validation(localizer, errors);
    }

    private static async Task<Results<Ok<DvCaseView>, ValidationProblem, ProblemHttpResult>> Answer(Task<DvOutcome> command, IStringLocalizer<SharedResource> localizer)
    {
        var outcome = await command;
        return outcome.Status switch
        {
            DvOutcomeStatus.Ok => TypedResults.Ok(outcome.Value!),
            DvOutcomeStatus.Invalid => Problems.Validation(localizer, outcome.Errors),
            DvOutcomeStatus.Conflict => Problems.Status(localizer, StatusCodes.Status409Conflict, "Dv.Conflict"),
            DvOutcomeStatus.Forbidden => Problems.Status(localizer, StatusCodes.Status403Forbidden, "Prevention.ReadOnly"),
            _ => Problems.NotFound(localizer, "Dv.NotFound"),
        };
    }
}

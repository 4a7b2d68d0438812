using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Weapons;

/// <summary>
/// The weapons registers' API (issue 21): signed in only, then <see cref="Uchastok.Rules.Weapons.WeaponsAccess"/> decides
/// per record; whoever reads no register — residents, partners, the duty officer, the juvenile and women-protection
/// officers — is answered "not found", as if nothing were there (ADR 0010). The pages call the same classes.
/// </summary>
public static class WeaponsApi
{
    public static IEndpointRouteBuilder MapWeaponsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/weapons").RequireAuthorization().WithTags("Weapons");
        group.MapGet("/terms", TermsAsync).WithSummary("The settings in force with their sources: the reminder's days before a permit expires, the inspection interval per site kind, the checklist (null: not set by the administrator).");
        group.MapGet("/holders", HoldersAsync).WithSummary("Holders in the caller's scope by name, 50 a page (page=0…); beat= narrows to a beat; search= an exact IIN (by its keyed hash), BIN, serial or permit number, or part of a name. Each holder listed is a logged read (purpose=).");
        group.MapPost("/holders", AddHolderAsync).Accepts<WeaponHolderRequest>("application/json").WithSummary("Add a holder on a beat of the caller's scope with one weapon and its permit; every field is required (an organisation needs its BIN).");
        group.MapPost("/holders/import", ImportAsync).Accepts<string>("text/csv")
            .WithSummary("Import holders from a CSV body (columns holder_kind, name, iin, bin, address, beat, weapon_kind, make, model, calibre, serial_number, permit_number, issuer, valid_from, valid_to): every refused row with its number and reason; the rows taken in one transaction.");
        group.MapGet("/holders/{id:long}", HolderAsync).WithSummary("A holder's file with his weapons and permits; the IIN masked. The read is logged (purpose=).");
        group.MapPut("/holders/{id:long}", EditHolderAsync).Accepts<HolderEditRequest>("application/json").WithSummary("Correct a holder's name or address.");
        group.MapPost("/holders/{id:long}/weapons", AddWeaponAsync).Accepts<CivilWeaponRequest>("application/json").WithSummary("Add another weapon with its permit to a holder.");
        group.MapPost("/permits/{id:long}/verification", VerifyAsync).Accepts<PermitVerificationRequest>("application/json")
            .WithSummary("Set a permit's verification state (unverified, verified, forged-suspected), recorded with who and when.");
        group.MapGet("/sites", SitesAsync).WithSummary("Storage sites in the caller's scope with their next inspection due and whether it is overdue; each site listed is a logged read.");
        group.MapPost("/sites", AddSiteAsync).Accepts<StorageSiteRequest>("application/json").WithSummary("Register a storage site (name, organisation, address, kind, beat) on a beat of the caller's scope.");
        group.MapGet("/sites/{id:long}", SiteAsync).WithSummary("A storage site with its schedule (interval and source) and its inspections; the read is logged.");
        group.MapPost("/sites/{id:long}/inspections", InspectAsync).Accepts<StorageInspectionRequest>("application/json")
            .WithSummary("Record an inspection: the day, an answer for every checklist item (met, not-met, not-applicable), each breach with the requirement and its due date. The beat's inspector or the district's supervisor only.");
        group.MapGet("/day", DayAsync).WithSummary("The caller's permits expiring within the reminder's days and his storage sites whose inspection is overdue.");
        return app;
    }

    private static async Task<Results<Ok<WeaponsTermsView>, ProblemHttpResult>> TermsAsync(ClaimsPrincipal user, StorageSites sites, IStringLocalizer<SharedResource> localizer)
    {
        await Task.CompletedTask;
        return WeaponsScope.ReadsAny(user) ? TypedResults.Ok(sites.Terms()) : NotFound(localizer);
    }

    private static async Task<Results<Ok<WeaponHolderPage>, ProblemHttpResult>> HoldersAsync(
        ClaimsPrincipal user, WeaponsRegister register, IStringLocalizer<SharedResource> localizer, string? beat, string? search, int? page, string? purpose, CancellationToken cancellationToken)
    {
        if (!WeaponsScope.ReadsAny(user)) return NotFound(localizer);
        return TypedResults.Ok(await register.ListAsync(user, beat, search, page ?? 0, Purpose(purpose, "holders listed over the API"), cancellationToken));
    }

    private static Task<Results<Created<WeaponHolderView>, ValidationProblem, ProblemHttpResult>> AddHolderAsync(
        HttpRequest request, ClaimsPrincipal user, WeaponsRegister register, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        WriteAsync<WeaponHolderRequest, Created<WeaponHolderView>>(request, user, localizer, async sent =>
        {
            if (sent is not { } body) return Problems.BadRequest(localizer, "Weapons.BodyRequired");
            var (holder, errors) = await register.AddAsync(body, user, cancellationToken);
            if (holder is null) return Problems.Validation(localizer, errors);
            return TypedResults.Created($"/api/v1/weapons/holders/{holder.Id}", holder);
        }, cancellationToken);

    private static async Task<Results<Ok<HolderImportReport>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, ClaimsPrincipal user, ImportWeaponHoldersCommand import, IStringLocalizer<SharedResource> localizer, string? fileName, CancellationToken cancellationToken)
    {
        if (!WeaponsScope.ReadsAny(user)) return NotFound(localizer);
        var report = await import.ExecuteAsync(request.Body, fileName ?? "upload.csv", user, cancellationToken);
        return report.FileProblem is { } problem ? TypedResults.Problem(title: localizer["Problem.400"], detail: problem, statusCode: StatusCodes.Status400BadRequest) : TypedResults.Ok(report);
    }

    private static async Task<Results<Ok<WeaponHolderView>, ProblemHttpResult>> HolderAsync(
        long id, ClaimsPrincipal user, WeaponsRegister register, IStringLocalizer<SharedResource> localizer, string? purpose, CancellationToken cancellationToken) =>
        await register.GetAsync(user, id, Purpose(purpose, "a holder's file over the API"), cancellationToken) is { } holder ? TypedResults.Ok(holder) : NotFound(localizer);

    private static Task<Results<Ok<WeaponHolderView>, ValidationProblem, ProblemHttpResult>> EditHolderAsync(
        long id, HttpRequest request, ClaimsPrincipal user, WeaponsRegister register, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        WriteAsync<HolderEditRequest, Ok<WeaponHolderView>>(request, user, localizer, async body =>
        {
            var (holder, errors) = await register.EditAsync(id, body ?? new HolderEditRequest(null, null), user, cancellationToken);
            return holder is not null ? TypedResults.Ok(holder) : errors.Count > 0 ? Problems.Validation(localizer, errors) : NotFound(localizer);
        }, cancellationToken);

    private static Task<Results<Ok<WeaponHolderView>, ValidationProblem, ProblemHttpResult>> AddWeaponAsync(
        long id, HttpRequest request, ClaimsPrincipal user, WeaponsRegister register, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        WriteAsync<CivilWeaponRequest, Ok<WeaponHolderView>>(request, user, localizer, async body =>
        {
            var (holder, errors) = await register.AddWeaponAsync(id, body ?? new CivilWeaponRequest(null, null, null, null, null, null, null, null, null), user, cancellationToken);
            return holder is not null ? TypedResults.Ok(holder) : errors.Count > 0 ? Problems.Validation(localizer, errors) : NotFound(localizer);
        }, cancellationToken);

    private static Task<Results<Ok<WeaponHolderView>, ValidationProblem, ProblemHttpResult>> VerifyAsync(
        long id, HttpRequest request, ClaimsPrincipal user, WeaponsRegister register, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        WriteAsync<PermitVerificationRequest, Ok<WeaponHolderView>>(request, user, localizer, async body =>
        {
            var (holder, errors) = await register.VerifyAsync(id, body?.Verification, user, cancellationToken);
            return holder is not null ? TypedResults.Ok(holder) : errors.Count > 0 ? Problems.Validation(localizer, errors) : NotFound(localizer);
        }, cancellationToken);

    private static async Task<Results<Ok<IReadOnlyList<StorageSiteRow>>, ProblemHttpResult>> SitesAsync(
        ClaimsPrincipal user, StorageSites sites, IStringLocalizer<SharedResource> localizer, string? beat, string? purpose, CancellationToken cancellationToken)
    {
        if (!WeaponsScope.ReadsAny(user)) return NotFound(localizer);
        return TypedResults.Ok(await sites.ListAsync(user, beat, Purpose(purpose, "storage sites listed over the API"), cancellationToken));
    }

    private static Task<Results<Created<StorageSiteView>, ValidationProblem, ProblemHttpResult>> AddSiteAsync(
        HttpRequest request, ClaimsPrincipal user, StorageSites sites, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        WriteAsync<StorageSiteRequest, Created<StorageSiteView>>(request, user, localizer, async body =>
        {
            var (site, errors) = await sites.AddAsync(body ?? new StorageSiteRequest(null, null, null, null, null), user, cancellationToken);
            if (site is null) return Problems.Validation(localizer, errors);
            return TypedResults.Created($"/api/v1/weapons/sites/{site.Id}", site);
        }, cancellationToken);

    private static async Task<Results<Ok<StorageSiteView>, ProblemHttpResult>> SiteAsync(
        long id, ClaimsPrincipal user, StorageSites sites, IStringLocalizer<SharedResource> localizer, string? purpose, CancellationToken cancellationToken) =>
        await sites.GetAsync(user, id, Purpose(purpose, "a storage site over the API"), cancellationToken) is { } site ? TypedResults.Ok(site) : NotFound(localizer);

    private static Task<Results<Created<StorageSiteView>, ValidationProblem, ProblemHttpResult>> InspectAsync(
        long id, HttpRequest request, ClaimsPrincipal user, StorageSites sites, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        WriteAsync<StorageInspectionRequest, Created<StorageSiteView>>(request, user, localizer, async body =>
        {
            var (site, errors, forbidden) = await sites.InspectAsync(id, body ?? new StorageInspectionRequest(null, null, null), user, cancellationToken);
            if (forbidden) return Problems.Status(localizer, StatusCodes.Status403Forbidden, "Weapons.InspectForbidden");
            if (site is not null) return TypedResults.Created($"/api/v1/weapons/sites/{site.Id}", site);
            return errors.Count > 0 ? Problems.Validation(localizer, errors) : NotFound(localizer);
        }, cancellationToken);

    private static async Task<Results<Ok<WeaponsDayView>, ProblemHttpResult>> DayAsync(
        ClaimsPrincipal user, StorageSites sites, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (!WeaponsScope.ReadsAny(user)) return NotFound(localizer);
        return TypedResults.Ok(await sites.DayAsync(user, cancellationToken));
    }

    /// <summary>
    /// What every write does first: "not found" for whoever reads no register, a validation problem naming a field that
    /// cannot be read; then the write itself, with the body (null when none was sent).
    /// </summary>
    private static async Task<Results<TDone, ValidationProblem, ProblemHttpResult>> WriteAsync<TBody, TDone>(HttpRequest request, ClaimsPrincipal user,
        IStringLocalizer localizer, Func<TBody?, Task<Results<TDone, ValidationProblem, ProblemHttpResult>>> write, CancellationToken cancellationToken)
        where TBody : class where TDone : IResult
    {
        if (!WeaponsScope.ReadsAny(user)) return NotFound(localizer);
        var read = await JsonBody.ReadAsync<TBody>(request, cancellationToken);
        if (read.UnreadableField is { } field) return Problems.UnreadableField(localizer, field);
        return await write(read.Value);
    }

    private static ProblemHttpResult NotFound(IStringLocalizer localizer) => Problems.NotFound(localizer, "Weapons.NotFound");

    private static string Purpose(string? given, string fallback) => string.IsNullOrWhiteSpace(given) ? fallback : given.Trim().Length > 200 ? given.Trim()[..200] : given.Trim();
}

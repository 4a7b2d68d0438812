using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Integrations;

/// <summary>
/// The integrations API (C6): Open311 GeoReport v2 for partner systems (<see cref="Open311Api"/>),
/// and the administrators' integration keys that let them file.
/// </summary>
public static class IntegrationsApi
{
    public static IEndpointRouteBuilder MapIntegrationsApi(this IEndpointRouteBuilder app)
    {
        app.MapOpen311Api();
        var keys = app.MapGroup("/api/v1/admin/api-keys").RequireAuthorization(Policies.Admin).WithTags("Administration");
        keys.MapGet(string.Empty, ListAsync).WithSummary("Integration keys with their use; never the keys themselves.");
        keys.MapPost(string.Empty, CreateAsync).WithSummary("Make an integration key. The key is in this answer only: it is stored hashed.");
        keys.MapPost("/{id:int}/revoke", RevokeAsync).WithSummary("Revoke a key for good.");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<ApiKeyView>>> ListAsync(ApiKeyAdministration administration, CancellationToken cancellationToken) =>
        TypedResults.Ok(await administration.ListAsync(cancellationToken));

    private static async Task<Results<Created<CreatedApiKey>, ValidationProblem>> CreateAsync(
        ApiKeyInput body, ClaimsPrincipal user, ApiKeyAdministration administration, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (created, errors) = await administration.CreateAsync(body, user, cancellationToken);
        return created is null ? Problems.Validation(localizer, errors) : TypedResults.Created($"/api/v1/admin/api-keys/{created.Key.Id}", created);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        int id, ClaimsPrincipal user, ApiKeyAdministration administration, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        await administration.RevokeAsync(id, user, cancellationToken) ? TypedResults.NoContent() : Problems.NotFound(localizer, "ApiKey.NotFound");
}

using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Protocols;

/// <summary>
/// The protocols' API (issue 18): the rule set for the tablet, drafting, signing, addenda, the offline queue's
/// sync, the lists, the printed copy and the supervisor's figures. The routes ask only for a signed-in
/// account: who may see a protocol is <see cref="ProtocolScope"/>'s decision on the protocol itself, and
/// outside it the answer is 404.
/// </summary>
public static class ProtocolsApi
{
    public static IEndpointRouteBuilder MapProtocolsApi(this IEndpointRouteBuilder app)
    {
        var protocols = app.MapGroup("/api/v1/protocols").RequireAuthorization().WithTags("Protocols");
        protocols.MapGet("/rules", RulesAsync).WithSummary("The rule set with the configured offence articles, the texts of its codes in the reader's language and the drafter's record, for the tablet to evaluate offline.");
        protocols.MapGet("", ListAsync).WithSummary("The protocols in the caller's scope (of one district and one drafter's account when given), newest first, a page at a time (pass the answer's next as after); figures only, no names.");
        protocols.MapPost("", DraftAsync).WithSummary("Start a draft with the tablet's clientId; the same clientId again answers the draft already made.");
        protocols.MapPost("/sync", SyncAsync).WithSummary("A batch of offline items (drafts, signed protocols, addenda), each answered on its own: created, updated, signed, exists, conflict, refused or invalid.")
            .WithMetadata(new RequestSizeLimitAttribute(ProtocolSync.MaxBodyBytes));
        protocols.MapGet("/stats", StatsAsync).WithSummary("A district's figures: protocols per officer and type, refusals per missing element, and signed personal searches without both witnesses' signatures (must be 0).");
        protocols.MapGet("/{id:long}", ReadAsync).WithSummary("A protocol in full with its signatures and addenda; the read is logged with its purpose.");
        protocols.MapPut("/{id:long}", EditAsync).WithSummary("Change a draft's document, naming the version it was edited from (409 when it moved or the protocol is signed).");
        protocols.MapPost("/{id:long}/sign", SignAsync).WithSummary("Sign: the server evaluates the rules, refuses with every missing element named, and checks the hash the tablet computed.");
        protocols.MapPost("/{id:long}/addenda", AddendumAsync).WithSummary("A correction to a signed protocol, with its own clientId, signature and chained hash.");
        protocols.MapGet("/{id:long}/pdf", PdfAsync).ProducesFile("application/pdf").WithSummary("The printable A4 copy in Kazakh or Russian (language=kk|ru); the read is logged.");

        var admin = app.MapGroup("/api/v1/protocols").RequireAuthorization(Policies.Admin).WithTags("Protocols");
        admin.MapPut("/offences/{code}", SetOffenceArticleAsync).WithSummary("Set the article (and its source) of an offence the rule set lists without one.");
        return app;
    }

    private static async Task<Results<Ok<ProtocolRulesView>, ProblemHttpResult>> RulesAsync(
        ClaimsPrincipal user, ProtocolRuleSource rules, ProtocolFacts facts, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (!ProtocolScope.MaySeeRules(user)) return NotFound(localizer);
        var current = await rules.CurrentAsync(cancellationToken);
        var drafter = ProtocolScope.MayDraft(user) ? await facts.DrafterAsync(ProtocolScope.UserId(user), cancellationToken) : null;
        return TypedResults.Ok(new ProtocolRulesView(current.Json, rules.Texts(current.RuleSet),
            drafter is null ? null : new ProtocolDrafterView(drafter.Position, drafter.SurnameInitials, drafter.PositionCode)));
    }

    private static async Task<Results<Ok<ProtocolListPage>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal user, ProtocolRegister register, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken,
        [FromQuery] int? districtId = null, [FromQuery] long? after = null, [FromQuery] int take = ProtocolRegister.DefaultPage, [FromQuery] string? drafter = null)
    {
        var page = await register.ListAsync(user, districtId, after, take, drafter, cancellationToken);
        return page is null ? NotFound(localizer) : TypedResults.Ok(page);
    }

    private static async Task<Results<Created<ProtocolSummary>, Ok<ProtocolSummary>, ValidationProblem, ProblemHttpResult>> DraftAsync(
        ProtocolDraftRequest body, ClaimsPrincipal user, ProtocolRegister register, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var result = await register.DraftAsync(user, body, cancellationToken);
        return result.Outcome switch
        {
            ProtocolOutcome.Created => TypedResults.Created($"/api/v1/protocols/{result.Protocol!.Id}", ProtocolRegister.Summary(result.Protocol)),
            ProtocolOutcome.Exists => TypedResults.Ok(ProtocolRegister.Summary(result.Protocol!)),
            ProtocolOutcome.Invalid => Problems.Validation(localizer, result.Errors),
            _ => Refusal(result.Outcome, localizer),
        };
    }

    private static async Task<Results<Ok<ProtocolSummary>, ValidationProblem, ProblemHttpResult>> EditAsync(
        long id, ProtocolEditRequest body, ClaimsPrincipal user, ProtocolRegister register, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        Written(await register.EditAsync(user, id, body, cancellationToken), localizer);

    private static async Task<Results<Ok<ProtocolSummary>, ValidationProblem, ProblemHttpResult>> SignAsync(
        long id, ProtocolSignRequest body, ClaimsPrincipal user, ProtocolRegister register, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken) =>
        Written(await register.SignAsync(user, id, body, cancellationToken), localizer);

    private static async Task<Results<Created<ProtocolAddendumView>, Ok<ProtocolAddendumView>, ValidationProblem, ProblemHttpResult>> AddendumAsync(
        long id, ProtocolAddendumRequest body, ClaimsPrincipal user, ProtocolRegister register, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (outcome, addendum, errors) = await register.AddAddendumAsync(user, id, body, cancellationToken);
        return outcome switch
        {
            ProtocolOutcome.Created => TypedResults.Created($"/api/v1/protocols/{id}", View(addendum!, body.Text!.Trim())),
            ProtocolOutcome.Exists => TypedResults.Ok(View(addendum!, null)),
            ProtocolOutcome.Invalid => Problems.Validation(localizer, errors),
            ProtocolOutcome.Conflict => Problems.Status(localizer, StatusCodes.Status409Conflict, "Protocol.NotSigned"),
            _ => Refusal(outcome, localizer),
        };
    }

    /// <summary>The addendum as answered to its writer: the text he sent, or none when the answer is to a retry (the first answer had it).</summary>
    private static ProtocolAddendumView View(ProtocolAddendum addendum, string? text) =>
        new(addendum.Id, addendum.ClientId, text ?? "", addendum.SignatureSha256, addendum.PreviousSha256, addendum.Sha256, addendum.AtUtc);

    private static async Task<Results<Ok<ProtocolSyncResponse>, ValidationProblem, ProblemHttpResult>> SyncAsync(
        ProtocolSyncRequest body, ClaimsPrincipal user, ProtocolSync sync, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (!ProtocolScope.MayDraft(user)) return Refusal(user.IsInRole(Roles.Admin) ? ProtocolOutcome.Forbidden : ProtocolOutcome.NotFound, localizer);
        var errors = new FieldErrors();
        if (body.Items is null || body.Items.Count == 0 || body.Items.Count > ProtocolSync.MaxItems)
            errors.Add("items", localizer["Protocol.BatchSize", ProtocolSync.MaxItems]);
        if (errors.Count > 0) return Problems.Validation(localizer, errors);
        return TypedResults.Ok(await sync.SyncAsync(user, body.Items!, cancellationToken));
    }

    private static async Task<Results<Ok<ProtocolStatsView>, ProblemHttpResult>> StatsAsync(
        ClaimsPrincipal user, ProtocolRegister register, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken, [FromQuery] int? districtId = null)
    {
        var district = districtId ?? ScopeClaims.District(user);
        if (district is null || !ScopeClaims.ManagesDistrict(user, district.Value)) return NotFound(localizer);
        return TypedResults.Ok(await register.StatsAsync(district.Value, cancellationToken));
    }

    private static async Task<Results<Ok<ProtocolView>, ProblemHttpResult>> ReadAsync(
        long id, ClaimsPrincipal user, ProtocolRegister register, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken,
        [FromQuery] string? purpose = null)
    {
        var view = await register.ReadAsync(user, id, Purpose(purpose, "protocol read over the API"), cancellationToken);
        return view is null ? NotFound(localizer) : TypedResults.Ok(view);
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> PdfAsync(
        long id, ClaimsPrincipal user, ProtocolRegister register, ProtocolPrint print, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken,
        [FromQuery] string? language = null, [FromQuery] string? purpose = null)
    {
        var chosen = language ?? "ru";
        if (!ProtocolPrint.Languages.Contains(chosen))
        {
            var errors = new FieldErrors();
            errors.Add("language", localizer["Protocol.PdfLanguage"]);
            return Problems.Validation(localizer, errors);
        }
        var view = await register.ReadAsync(user, id, Purpose(purpose, "protocol printed"), cancellationToken);
        if (view is null) return NotFound(localizer);
        var pdf = print.Pdf(view, await register.SignatureImagesAsync(id, cancellationToken), chosen);
        return TypedResults.File(pdf, "application/pdf", $"protocol-{id}-{chosen}.pdf");
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SetOffenceArticleAsync(
        string code, OffenceArticleRequest body, ClaimsPrincipal user, ProtocolRegister register, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var errors = await register.SetOffenceArticleAsync(user, code, body, cancellationToken);
        if (errors is null) return Problems.NotFound(localizer, "Protocol.Refused.offence.unknown");
        return errors.Count > 0 ? Problems.Validation(localizer, errors) : TypedResults.NoContent();
    }

    private static Results<Ok<ProtocolSummary>, ValidationProblem, ProblemHttpResult> Written(ProtocolCommandResult result, IStringLocalizer localizer) => result.Outcome switch
    {
        ProtocolOutcome.Updated or ProtocolOutcome.Signed => TypedResults.Ok(ProtocolRegister.Summary(result.Protocol!)),
        ProtocolOutcome.Invalid or ProtocolOutcome.Refused => Problems.Validation(localizer, result.Errors),
        ProtocolOutcome.Conflict => result.Protocol?.State == ProtocolState.Signed
            ? Problems.Status(localizer, StatusCodes.Status409Conflict, "Protocol.Signed")
            : Problems.Status(localizer, StatusCodes.Status409Conflict, "Protocol.Conflict", result.Protocol?.Version ?? 0),
        _ => Refusal(result.Outcome, localizer),
    };

    private static ProblemHttpResult Refusal(ProtocolOutcome outcome, IStringLocalizer localizer) => outcome == ProtocolOutcome.Forbidden
        ? Problems.Status(localizer, StatusCodes.Status403Forbidden, "Protocol.ReadOnly")
        : NotFound(localizer);

    private static ProblemHttpResult NotFound(IStringLocalizer localizer) => Problems.NotFound(localizer, "Protocol.NotFound");

    /// <summary>The purpose a client gives for a read, kept short; the default names the channel.</summary>
    private static string Purpose(string? given, string fallback) =>
        string.IsNullOrWhiteSpace(given) ? fallback : given.Trim()[..Math.Min(given.Trim().Length, 200)];
}

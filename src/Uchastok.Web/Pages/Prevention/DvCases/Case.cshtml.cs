using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.Prevention;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Pages.Prevention.DvCases;

/// <summary>
/// One case: evidence, steps, the victim block (only for those who may see it), measures, the repeat flag, the offender's
/// file. Each form posts to its own handler; a refusal shows beside the form's fields with status 400, a success reloads
/// the page. Every read of the page is logged with its purpose by <see cref="DomesticViolenceCases.ReadAsync"/>.
/// </summary>
public sealed class CaseModel(DomesticViolenceCases cases, TimeProvider clock) : PageModel
{
    private const string Purpose = "dv case: opened on the case page";

    public DvCaseView Case { get; private set; } = null!;
    public IReadOnlyList<DvMeasureTypeView> MeasureTypes { get; private set; } = [];
    /// <summary>The case's access history, for the district's supervisor; null for everyone else.</summary>
    public IReadOnlyList<DvReadView>? Reads { get; private set; }
    public DateOnly Today => KazakhstanTime.Today(clock);
    /// <summary>Which form the errors belong to (evidence, step, victim, message, referral, measure, check, offender).</summary>
    public string? FailedForm { get; private set; }
    public FieldErrors Errors { get; private set; } = new();
    /// <summary>What was typed in the refused form, by field name, to show it again.</summary>
    public IReadOnlyDictionary<string, string?> Typed { get; private set; } = new Dictionary<string, string?>();
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostEvidenceAsync(long id, string? kind, string? personName, string? contact, string? text, string? sha256, DateTime? recordedAt, string? source, CancellationToken cancellationToken) =>
        ActAsync(id, "evidence", Entered(("kind", kind), ("personName", personName), ("contact", contact), ("text", text), ("sha256", sha256), ("source", source)),
            () => cases.AddEvidenceAsync(User, id, new DvEvidenceRequest(kind, personName, contact, text, sha256,
                recordedAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Unspecified), KazakhstanTime.Offset) : null, source), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostStepAsync(long id, string? action, DateOnly? date, string? protocolNumber, string? outcome, CancellationToken cancellationToken) =>
        ActAsync(id, "step", Entered(("protocolNumber", protocolNumber), ("outcome", outcome), ("date", date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            () => cases.StepAsync(User, id, new DvStepRequest(action, date, protocolNumber, outcome), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostVictimAsync(long id, string? name, string? address, string? phone, string? email, string? channel, CancellationToken cancellationToken) =>
        ActAsync(id, "victim", Entered(("name", name), ("address", address), ("phone", phone), ("email", email), ("channel", channel)),
            () => cases.SetVictimAsync(User, id, new DvVictimRequest(name, address, phone, email, channel), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostMessageAsync(long id, string? text, CancellationToken cancellationToken) =>
        ActAsync(id, "message", Entered(("text", text)), () => cases.MessageVictimAsync(User, id, new DvMessageRequest(text), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostReferralAsync(long id, bool consent, DateOnly? consentOn, string? organisation, CancellationToken cancellationToken) =>
        ActAsync(id, "referral", Entered(("organisation", organisation), ("consentOn", consentOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            () => cases.ReferAsync(User, id, new DvReferralRequest(consent, consentOn, organisation), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostMeasureAsync(long id, int? typeId, DateOnly? from, DateOnly? until, CancellationToken cancellationToken) =>
        ActAsync(id, "measure", Entered(("typeId", typeId?.ToString(CultureInfo.InvariantCulture))),
            () => cases.AddMeasureAsync(User, id, new DvMeasureRequest(typeId, from, until), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostCheckAsync(long id, long measureId, DateOnly? date, CancellationToken cancellationToken) =>
        ActAsync(id, $"check-{measureId}", Entered(), () => cases.CheckMeasureAsync(User, id, measureId, new DvMeasureCheckRequest(date), cancellationToken), cancellationToken);

    public Task<IActionResult> OnPostOffenderAsync(long id, long? entryId, CancellationToken cancellationToken) =>
        ActAsync(id, "offender", Entered(("entryId", entryId?.ToString(CultureInfo.InvariantCulture))),
            () => cases.SetOffenderAsync(User, id, new DvOffenderRequest(entryId), cancellationToken), cancellationToken);

    public string? Error(string form, string field) =>
        FailedForm == form && Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public string? Value(string form, string field) => FailedForm == form && Typed.TryGetValue(field, out var value) ? value : null;

    private async Task<IActionResult> ActAsync(long id, string form, Dictionary<string, string?> typed, Func<Task<DvOutcome>> command, CancellationToken cancellationToken)
    {
        var outcome = await command();
        switch (outcome.Status)
        {
            case DvOutcomeStatus.NotFound: return NotFound();
            case DvOutcomeStatus.Forbidden: return Forbid();
            case DvOutcomeStatus.Ok:
                Message = form;
                return Redirect($"/prevention/dv-cases/{id}#{form}");
            case DvOutcomeStatus.Conflict:
                Errors = new FieldErrors { { "form", HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>()["Dv.Conflict"] } };
                break;
            default:
                Errors = outcome.Errors;
                break;
        }
        FailedForm = form;
        Typed = typed;
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        if (await cases.ReadAsync(User, id, Purpose, cancellationToken) is not { } found) return false;
        Case = found;
        MeasureTypes = (await cases.MeasureTypesAsync(cancellationToken)).Where(t => t.IsActive).ToList();
        Reads = await cases.ReadsAsync(User, id, cancellationToken);
        return true;
    }

    private static Dictionary<string, string?> Entered(params (string Field, string? Value)[] values) => values.ToDictionary(v => v.Field, v => v.Value);
}

using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Web.Trust;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Pages.Admin;

/// <summary>One questionnaire: its questions (added and removed while a draft), opened, closed, chosen for after appeals.</summary>
public sealed class SurveyModel(SurveyAdministration administration, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    public SurveyView Survey { get; private set; } = null!;
    public FieldErrors Errors { get; private set; } = new();
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostQuestionAsync(string? kind, string? textKk, string? textRu, string? textEn, string? criterion, string? dimension, bool required, string? options, CancellationToken cancellationToken)
    {
        // Options come one per line as "kk | ru | en".
        var parsed = (options ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries)).Select(p => new OptionInput(p.ElementAtOrDefault(0), p.ElementAtOrDefault(1), p.ElementAtOrDefault(2))).ToList();
        var (result, errors) = await administration.AddQuestionAsync(Id, new QuestionInput(kind, textKk, textRu, textEn, criterion, dimension, required, parsed), cancellationToken);
        return await AfterAsync(result, errors, cancellationToken);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int questionId, CancellationToken cancellationToken) =>
        await AfterAsync(await administration.RemoveQuestionAsync(Id, questionId, cancellationToken), new(), cancellationToken);

    public async Task<IActionResult> OnPostStatusAsync(string? status, bool? afterAppeals, CancellationToken cancellationToken)
    {
        var (result, errors) = await administration.SetStatusAsync(Id, status, afterAppeals, cancellationToken);
        return await AfterAsync(result, errors, cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(SurveyChangeResult result, FieldErrors errors, CancellationToken cancellationToken)
    {
        if (result == SurveyChangeResult.NotFound) return NotFound();
        Errors = errors;
        if (result == SurveyChangeResult.NotDraft) Message = localizer["Survey.NotDraft"];
        else if (result == SurveyChangeResult.Done) Message = localizer["Admin.Saved"];
        if (result != SurveyChangeResult.Done) Response.StatusCode = result == SurveyChangeResult.NotDraft ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await administration.GetAsync(Id, cancellationToken) is not { } survey) return false;
        Survey = survey;
        return true;
    }

    public string? Error(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;
}

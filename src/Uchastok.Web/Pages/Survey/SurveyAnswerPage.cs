using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Uchastok.Rules.Trust;
using Uchastok.Web.Trust;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Pages.Survey;

/// <summary>
/// A survey's form and its answer, whichever way the person came (link, QR code, appeal): the
/// same questions, the same one-response rule. Each page rate-limits sending per network.
/// </summary>
public abstract class SurveyAnswerPage(SurveyResponses responses, SurveyResponseGuard guard) : PageModel
{
    public SurveyForm? Form { get; private set; }
    public FieldErrors Errors { get; private set; } = new();
    public bool Thanked { get; private set; }
    public bool AlreadyAnswered { get; private set; }
    /// <summary>What was sent, to fill the form again after a refusal.</summary>
    public IFormCollection? Sent { get; private set; }
    /// <summary>The link sent with an answer reached no survey (none is open for appeals, or it was used): said kindly, not as a bare 404.</summary>
    public bool Unavailable { get; private set; }

    protected abstract SurveyEntry Entry { get; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Form = await responses.FormAsync(Entry, cancellationToken);
        if (Form is null) return Missing();
        AlreadyAnswered = guard.HasAnswered(Request, Form.Survey.Id, responses.CurrentQuarter);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Form = await responses.FormAsync(Entry, cancellationToken);
        if (Form is null) return Missing();
        var form = await Request.ReadFormAsync(cancellationToken);
        var answers = new Dictionary<int, AnswerDraft>();
        foreach (var question in Form.Survey.Questions)
        {
            var values = form[$"q{question.Id}"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToList();
            if (values.Count == 0) continue;
            answers[question.Id] = question.Kind switch
            {
                nameof(QuestionKind.Likert) => new AnswerDraft(int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : -1, [], null),
                nameof(QuestionKind.FreeText) => new AnswerDraft(null, [], values[0]),
                _ => new AnswerDraft(null, values.Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : -1).ToList(), null),
            };
        }
        // A value that is not a number is kept as an id no beat or district has, so it is refused rather than dropped.
        int? Int(string name) => string.IsNullOrWhiteSpace(form[name]) ? null : int.TryParse(form[name], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1;
        var (result, errors) = await responses.RespondAsync(Entry, new ResponseInput(answers, Int("beatId"), Int("districtId"), form["ageBand"], form["sex"]), HttpContext, cancellationToken);
        Errors = errors;
        Sent = form;
        switch (result)
        {
            case ResponseResult.Done:
                Thanked = true;
                break;
            case ResponseResult.AlreadyAnswered:
                AlreadyAnswered = true;
                Response.StatusCode = StatusCodes.Status409Conflict;
                break;
            case ResponseResult.Invalid:
                Response.StatusCode = StatusCodes.Status400BadRequest;
                break;
            default:
                return NotFound();
        }
        return Page();
    }

    private IActionResult Missing()
    {
        if (Entry.Channel != SurveyChannel.AfterAppeal) return NotFound();
        Unavailable = true;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public string? Error(string field) => Errors.TryGetValue(field, out var messages) ? string.Join(" ", messages) : null;

    public bool WasSent(string field, string value) => Sent is not null && Sent[field].Contains(value);

    public string? SentValue(string field) => Sent?[field].FirstOrDefault();
}

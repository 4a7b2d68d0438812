using Microsoft.AspNetCore.Mvc;
using Uchastok.Rules.Trust;
using Uchastok.Web.Trust;

namespace Uchastok.Web.Pages.Survey;

/// <summary>A survey by its public link, or by a place's QR code (<c>?p=</c>).</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(SurveyRateLimitPolicy.Name)]
public sealed class AnswerModel(SurveyResponses responses, SurveyResponseGuard guard) : SurveyAnswerPage(responses, guard)
{
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = string.Empty;
    [BindProperty(SupportsGet = true, Name = "p")] public string? Place { get; set; }

    protected override SurveyEntry Entry => SurveyEntry.For(Code, Place);
}

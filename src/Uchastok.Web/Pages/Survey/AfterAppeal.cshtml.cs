using Microsoft.AspNetCore.Mvc;
using Uchastok.Rules.Trust;
using Uchastok.Web.Trust;

namespace Uchastok.Web.Pages.Survey;

/// <summary>The survey sent with an appeal's answer: reached through the private tracking link, usable once per appeal.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(SurveyRateLimitPolicy.Name)]
public sealed class AfterAppealModel(SurveyResponses responses, SurveyResponseGuard guard) : SurveyAnswerPage(responses, guard)
{
    [BindProperty(SupportsGet = true)] public string TokenValue { get; set; } = string.Empty;

    protected override SurveyEntry Entry => new(SurveyChannel.AfterAppeal, string.Empty, AppealToken: TokenValue);
}

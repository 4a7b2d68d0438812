namespace Uchastok.Web.Appeals;

/// <summary>
/// Whether a survey is open to be sent with an appeal's answer. Trust keeps the surveys and answers
/// this; Appeals asks it so that an answer's message never carries a survey link that leads nowhere.
/// </summary>
public interface IAfterAppealSurvey
{
    Task<bool> IsOpenAsync(CancellationToken cancellationToken = default);
}

using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Appeals;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Trust;

/// <summary>Tells Appeals whether an open survey is marked to be sent after appeals.</summary>
public sealed class AfterAppealSurvey(UchastokDbContext db) : IAfterAppealSurvey
{
    public Task<bool> IsOpenAsync(CancellationToken cancellationToken = default) =>
        db.Surveys.AsNoTracking().AnyAsync(s => s.AfterAppeals && s.Status == SurveyStatus.Open, cancellationToken);
}

using Microsoft.Extensions.Localization;
using Uchastok.Web.Notifications;
using Uchastok.Web.Shared.Documents;
using Uchastok.Web.Shared.Localization;

namespace Uchastok.Web.Transparency;

/// <summary>A report as a PDF in one language, drawn from the same <see cref="ReportDocument"/> as its page.</summary>
public sealed class ReportPdfs(ReportPdfCache cache, IStringLocalizer<SharedResource> localizer, IConfiguration configuration, NotificationSettings settings)
{
    public byte[] Make(ReportView report, string language)
    {
        byte[] Render()
        {
            PdfFonts.Install(configuration["Documents:FontDirectory"]);
            using var _ = LocalizationSetup.UseLanguage(language);
            return ReportDocument.Build(report, localizer).Pdf(settings.PublicUrl.TrimEnd('/') + report.Url);
        }
        // A published report's PDF is the same for every reader and for ever: made once per language while it is being read.
        return report.Status == ReportStatus.Published ? cache.GetOrMake(report.Id, language, Render) : Render();
    }
}

using Microsoft.Extensions.Localization;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Appeals;

/// <summary>
/// Filings anyone may send per network address: appeals (each makes a message to the contact it
/// names) and anonymous tips, through the API and the form. Ten an hour is more than a household
/// files in a year, and few enough that a script must spread over many addresses; the contact's own
/// limits (<see cref="ApplicantContactGate"/>) hold even then.
/// </summary>
public sealed class AppealFilingRateLimitPolicy(IConfiguration configuration, IStringLocalizer<SharedResource> localizer) : PerAddressWriteLimit(localizer)
{
    public const string Name = "appeal-filings";

    protected override int PermitsPerHour { get; } = Math.Max(1, configuration.GetValue("Appeals:FilingsPerAddressPerHour", 10));

    protected override string RefusalKey => "Appeal.TooManyFromAddress";
}

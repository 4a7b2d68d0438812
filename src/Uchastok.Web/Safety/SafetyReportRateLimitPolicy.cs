using Microsoft.Extensions.Localization;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Safety;

/// <summary>
/// Quick reports anyone may send per network (<see cref="PerAddressWriteLimit.Network"/>: an IPv4 address, an IPv6 /64),
/// through the form and the API alike. Not an IPv4 /24: a mobile operator puts thousands of residents behind one, and twenty
/// junk posts would silence them all for an hour. A report sends an officer to a place, so a flood is an attack on the beat; twenty an hour
/// from one network is more than a street's residents send in a bad week (a report that passes the "is this happening
/// now?" step costs two). Counted in memory, never stored.
/// </summary>
public sealed class SafetyReportRateLimitPolicy(IConfiguration configuration, IStringLocalizer<SharedResource> localizer) : PerAddressWriteLimit(localizer)
{
    public const string Name = "safety-reports";

    protected override int PermitsPerHour { get; } = Math.Max(1, configuration.GetValue("Safety:ReportsPerNetworkPerHour", 20));

    protected override string RefusalKey => "Safety.TooManyFromNetwork";
}

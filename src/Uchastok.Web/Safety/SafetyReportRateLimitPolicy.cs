using System.Net;
using Microsoft.Extensions.Localization;
using Uchastok.Rules.Safety;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Safety;

/// <summary>
/// Quick reports anyone may send per network (<see cref="SafetyNetwork"/>: an IPv4 /24, an IPv6 /64), through the
/// form and the API alike. A report sends an officer to a place, so a flood is an attack on the beat; twenty an hour
/// from one network is more than a street's residents send in a bad week (a report that passes the "is this happening
/// now?" step costs two). Counted in memory, never stored.
/// </summary>
public sealed class SafetyReportRateLimitPolicy(IConfiguration configuration, IStringLocalizer<SharedResource> localizer) : PerAddressWriteLimit(localizer)
{
    public const string Name = "safety-reports";

    protected override int PermitsPerHour { get; } = Math.Max(1, configuration.GetValue("Safety:ReportsPerNetworkPerHour", 20));

    protected override string RefusalKey => "Safety.TooManyFromNetwork";

    protected override string PartitionKey(IPAddress? address) => "safety:" + SafetyNetwork.Key(address);
}

using Microsoft.Extensions.Localization;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Community;

/// <summary>
/// What anyone may send that makes the platform send a message — a subscription's confirmation,
/// a booking's notice — so that nobody can use Uchastok to flood a stranger's phone or fill an
/// inspector's fortnight.
/// </summary>
public sealed class ResidentWritesRateLimitPolicy(IConfiguration configuration, IStringLocalizer<SharedResource> localizer) : PerAddressWriteLimit(localizer)
{
    public const string Name = "resident-writes";

    protected override int PermitsPerHour { get; } = configuration.GetValue("Community:ResidentWritesPerHour", 20);

    protected override string RefusalKey => "Community.TooManyRequests";
}

namespace Uchastok.Web.CrimeAnalytics;

/// <summary>Limits of the hotspot map (section <c>CrimeAnalytics</c> of the configuration).</summary>
public sealed class CrimeAnalyticsSettings
{
    /// <summary>
    /// The most cells one map answer carries, the busiest first. A city over years can have ten thousand cells with
    /// incidents, each sent with its outline: megabytes a phone then draws twice (counts and density). Three thousand
    /// 250 m cells cover 190 km², more than any district's built-up area; the page says when cells were left out.
    /// </summary>
    public int MapCellLimit { get; set; } = 3000;
}

namespace Uchastok.Rules.CrimeAnalytics;

/// <summary>
/// The one place that says which forecaster the site uses. <c>docs/crime-forecast.md</c> chooses it on the tuning
/// months, before the test months; the site runs the recency-weighted count with a 6-month half-life, equal there to the
/// boosted model the selection rule named and a thousand times cheaper (the doc says why); when a re-run of the
/// evaluation chooses another, only this line changes and every caller (patrol suggestions, risk zones) follows.
/// </summary>
public static class CrimeForecasters
{
    public static ICrimeForecaster Default() => new RecencyWeightedForecaster(6);
}

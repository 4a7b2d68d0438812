using System.Text.RegularExpressions;
using Uchastok.Rules.Safety;
using Uchastok.Web.Safety;
using Uchastok.Web.Tests.Support;
using static Uchastok.Web.Tests.Safety.SafetyTestData;

namespace Uchastok.Web.Tests.Safety;

/// <summary>
/// The district board's safety figures on known steps (the duty console writes acknowledgements; here they are
/// written directly): per beat, reports and alarms open of all in the board's period, and the median and 90th
/// percentile from received to the first acknowledgement. Its own host, so no other test's incidents count.
/// </summary>
public sealed class SafetyBoardTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task Board_ShowsOpenOfAllPerBeat_AndTheMedianAndNinetiethTimeToAcknowledge()
    {
        var (beatId, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        var received = DateTime.UtcNow.AddDays(-1);
        // Waits of 10, 20, 60 and 30 s (one report never acknowledged, one acknowledged twice: the first counts):
        // the median is 25 s; the 90th percentile lies 0.7 of the way from 30 to 60 s, 51 s.
        (SafetyIncidentKind Kind, SafetyIncidentStatus Status, int[] Acknowledged, int DaysAgo)[] incidents =
        [
            (SafetyIncidentKind.Report, SafetyIncidentStatus.Closed, [10], 1),
            (SafetyIncidentKind.Report, SafetyIncidentStatus.Acknowledged, [20, 45], 1),
            (SafetyIncidentKind.Report, SafetyIncidentStatus.Acknowledged, [60], 1),
            (SafetyIncidentKind.Report, SafetyIncidentStatus.Open, [], 1),
            (SafetyIncidentKind.Alarm, SafetyIncidentStatus.Closed, [30], 1),
            // Before the board's 90 days: not counted.
            (SafetyIncidentKind.Report, SafetyIncidentStatus.Open, [5000], 120),
        ];
        await WithDbAsync(factory, async db =>
        {
            foreach (var (kind, status, acknowledged, daysAgo) in incidents)
            {
                var at = received.AddDays(1 - daysAgo);
                var incident = new SafetyIncident
                {
                    Reference = $"SR-T{Guid.NewGuid():N}"[..12], Kind = kind, Category = SafetyCategory.Other, Text = "", BeatId = beatId, DistrictId = districtId,
                    PlaceLocated = true, CreatedAtUtc = at, Status = status,
                };
                db.SafetyIncidents.Add(incident);
                await db.SaveChangesAsync();
                db.SafetyIncidentSteps.Add(new SafetyIncidentStep { IncidentId = incident.Id, Step = SafetySteps.Received, AtUtc = at });
                foreach (var seconds in acknowledged)
                    db.SafetyIncidentSteps.Add(new SafetyIncidentStep { IncidentId = incident.Id, Step = SafetySteps.Acknowledged, AtUtc = at.AddSeconds(seconds), ByUserId = "duty" });
            }
            return await db.SaveChangesAsync();
        });
        using var supervisor = await factory.SignedInWithCookieAsync("supervisor.almaly@demo.kz");

        var page = await supervisor.GetStringAsync("/appeals/board");

        var row = Regex.Match(page, $"<tr data-beat=\"{beatId}\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Matches("class=\"reports\">3 / 4<", row);
        Assert.Matches("class=\"alarms\">0 / 1<", row);
        Assert.Matches("class=\"median\">25 s<", row);
        Assert.Matches("class=\"p90\">51 s <small class=\"muted\">\\(4\\)", row);
        var district = Regex.Match(page, "<tr data-beat=\"district\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Matches("class=\"reports\">3 / 4<", district);
    }
}

using Uchastok.Rules.Trust;
using Uchastok.Web.Appeals;
using Uchastok.Web.Trust;

namespace Uchastok.Web.Demo;

/// <summary>A survey place as the history uses it: which beat its answers count for, and how busy it is.</summary>
internal sealed record HistoryPlace(int Id, int BeatId, int DistrictId, double PerDay);

/// <summary>
/// A year of answers to the standard trust survey, as residents would give them: by the QR codes
/// of the survey places, by the public link (naming their beat, their district or neither) and by
/// the link sent with an appeal's answer. A response keeps what the running app keeps — the
/// quarter, the Monday of its week, the channel, the place and beat, the language, age band and sex
/// if given — and nothing that says who answered. Opinions vary by district, by age and sex (young
/// men trust least, older women most), improve a little quarter by quarter, and are a little better
/// on the beats whose inspectors the demo shows off.
/// </summary>
internal sealed class SurveyHistory(HistoryContext context, IReadOnlyList<SurveyQuestion> questions)
{
    public const int Seed = 20260403;
    /// <summary>Answers a day by the public link, across the city.</summary>
    private const double LinkPerDay = 3.3;
    /// <summary>The share of answered applicants who follow the survey link sent with the answer.</summary>
    private const double AfterAppealShare = 0.18;

    /// <summary>How much more or less each item is agreed with than the respondent's general trust: bribes and complaints least.</summary>
    private static readonly double[] ItemOffsets = [0.1, -0.3, 0.0, -0.45, -0.1, -0.15, 0.05, 0.2, -0.35, -0.05];

    private static readonly Stratum[] Strata = TrustSimulation.Shares.Keys.ToArray();
    /// <summary>Who answers: older people and women more readily, as in street and web surveys.</summary>
    private static readonly double[] StratumWeights = Strata.Select(s => TrustSimulation.Shares[s] * (s.Age switch
    {
        AgeBand.From18To29 => 0.5, AgeBand.From30To44 => 0.9, AgeBand.From45To59 => 1.3, _ => 1.8,
    }) * (s.Sex == Sex.Female ? 1.4 : 1.0)).ToArray();

    public IReadOnlyList<SurveyResponse> Generate(int surveyId, IReadOnlyList<HistoryPlace> places, IReadOnlyList<Appeal> appeals)
    {
        var random = new Random(Seed);
        var districtMood = context.Districts.ToDictionary(d => d.Id, _ => random.Normal() * 0.25);
        var showcase = context.Beats.Where(b => b.Showcase).Select(b => b.Id).ToHashSet();
        var beatWeights = context.Beats.Select(b => (double)b.Population).ToList();
        var districtWeights = context.Districts.Select(d => (double)d.Population).ToList();
        var quarters = context.Quarters.ToList();
        var responses = new List<SurveyResponse>();

        SurveyResponse Respond(DateOnly day, SurveyChannel channel, int? placeId, int? beatId, int? districtId)
        {
            var quarter = Quarter.Of(day);
            var quarterIndex = quarters.IndexOf(quarter);
            var stratum = random.Chance(0.85) ? Strata[random.Weighted(StratumWeights)] : (Stratum?)null;
            var mood = (districtId is { } d ? districtMood[d] : 0) + 0.06 * quarterIndex + (beatId is { } b && showcase.Contains(b) ? 0.25 : 0)
                + (stratum is { } s ? Leaning(s) : 0) + random.Normal() * 0.7;
            var language = random.Language();
            var response = new SurveyResponse
            {
                SurveyId = surveyId, Quarter = quarter.ToString(), SubmittedWeek = day.AddDays(-(((int)day.DayOfWeek + 6) % 7)), Channel = channel,
                PlaceId = placeId, BeatId = beatId, DistrictId = districtId, Language = language, AgeBand = stratum?.Age, Sex = stratum?.Sex,
            };
            foreach (var question in questions.OrderBy(q => q.Position))
            {
                if (question.Kind == QuestionKind.Likert)
                {
                    var offset = ItemOffsets[(question.Position - 1) % ItemOffsets.Length];
                    response.Answers.Add(new SurveyAnswer { QuestionId = question.Id, Score = Math.Clamp((int)Math.Round(3.0 + mood + offset + random.Normal() * 0.55), 1, 5) });
                }
                else if (question.Kind == QuestionKind.FreeText && random.Chance(0.2))
                    response.Answers.Add(new SurveyAnswer { QuestionId = question.Id, Text = random.Pick(HistoryTexts.SurveyRemarks).In(language) });
            }
            return response;
        }

        for (var day = context.Start; day <= context.Today; day = day.AddDays(1))
        {
            foreach (var place in places)
                for (var n = random.Poisson(place.PerDay); n > 0; n--) responses.Add(Respond(day, SurveyChannel.QrCode, place.Id, place.BeatId, place.DistrictId));
            for (var n = random.Poisson(LinkPerDay); n > 0; n--)
            {
                // The public link asks where one lives, optionally: half name their beat, some only their district.
                var choice = random.NextDouble();
                if (choice < 0.5)
                {
                    var beat = context.Beats[random.Weighted(beatWeights)];
                    responses.Add(Respond(day, SurveyChannel.Link, null, beat.Id, beat.DistrictId));
                }
                else if (choice < 0.8) responses.Add(Respond(day, SurveyChannel.Link, null, null, context.Districts[random.Weighted(districtWeights)].Id));
                else responses.Add(Respond(day, SurveyChannel.Link, null, null, null));
            }
        }

        // After an answer: the appeal's beat and district; after a complaint about an officer, the district only, as the app counts it.
        foreach (var appeal in appeals.Where(a => a.AnsweredOn is not null))
        {
            if (!random.Chance(AfterAppealShare)) continue;
            var day = appeal.AnsweredOn!.Value.AddDays(random.Next(0, 6));
            if (day >= context.Today) continue;
            responses.Add(Respond(day, SurveyChannel.AfterAppeal, null, appeal.AboutPoliceOfficer ? null : appeal.BeatId, appeal.DistrictId));
        }
        return responses;
    }

    /// <summary>How a stratum leans from the average (young men least trusting, older women most), in the 1–5 scale's units.</summary>
    private static double Leaning(Stratum stratum) => (stratum.Age, stratum.Sex) switch
    {
        (AgeBand.From18To29, Sex.Male) => -0.45,
        (AgeBand.From18To29, Sex.Female) => -0.2,
        (AgeBand.From30To44, Sex.Male) => -0.15,
        (AgeBand.From30To44, Sex.Female) => 0.0,
        (AgeBand.From45To59, Sex.Male) => 0.1,
        (AgeBand.From45To59, Sex.Female) => 0.2,
        (AgeBand.From60, Sex.Male) => 0.3,
        _ => 0.45,
    };
}

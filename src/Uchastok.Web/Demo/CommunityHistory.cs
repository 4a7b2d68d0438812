using Uchastok.Web.Community;

namespace Uchastok.Web.Demo;

/// <summary>A meeting and the neighbourhood priorities raised at it (their meeting is known once the meeting is stored).</summary>
internal sealed record MeetingRecord(Meeting Meeting, IReadOnlyList<NeighbourhoodPriority> Priorities);

/// <summary>
/// A year of the inspectors' community work: the quarterly report meeting on nearly every beat
/// every quarter (announced, then held with its attendance and minutes), thematic meetings,
/// receptions in the yards and joint meetings with the akimat; the issues residents raised at the
/// report meetings, most of them acted on within weeks; and preventive work — door-to-door rounds,
/// school talks, preventive talks, family visits, patrols. Meetings still ahead are announced ones.
/// Each record is dated as the app would have let it be recorded: during its quarter.
/// </summary>
internal sealed class CommunityHistory(HistoryContext context)
{
    public const int Seed = 20260405;

    private static readonly PreventiveActivityKind[] ActivityKinds =
        [PreventiveActivityKind.DoorToDoorRound, PreventiveActivityKind.SchoolTalk, PreventiveActivityKind.PreventiveTalk, PreventiveActivityKind.FamilyVisit, PreventiveActivityKind.CommunityPatrol, PreventiveActivityKind.Other];
    private static readonly double[] ActivityWeights = [0.35, 0.15, 0.25, 0.1, 0.1, 0.05];
    private static readonly MeetingKind[] OtherMeetings = [MeetingKind.Thematic, MeetingKind.ReceptionOnTheRoad, MeetingKind.JointEvent];

    public (IReadOnlyList<MeetingRecord> Meetings, IReadOnlyList<PreventiveActivity> Activities) Generate()
    {
        var random = new Random(Seed);
        var meetings = new List<MeetingRecord>();
        var activities = new List<PreventiveActivity>();
        foreach (var beat in context.Beats)
        {
            var user = context.UserOf(beat.InspectorId);
            foreach (var quarter in context.Quarters)
            {
                // The quarterly report meeting: every quarter on the beats shown off, nine in ten elsewhere.
                if (beat.Showcase || random.Chance(0.9))
                    Add(meetings, Meeting(random, beat, user, MeetingKind.QuarterlyReport, WorkingDay(random, quarter.First.AddDays(14), quarter.Last.AddDays(-7)), 18 * 60 + 30, 90));
                for (var n = beat.Showcase ? random.Poisson(1.5) : random.Chance(0.2) ? 1 : 0; n > 0; n--)
                    Add(meetings, Meeting(random, beat, user, random.Pick(OtherMeetings), WorkingDay(random, quarter.First, quarter.Last), random.Pick([11 * 60, 15 * 60, 18 * 60]), 60));

                var until = quarter == context.Current ? context.Today.AddDays(-1) : quarter.Last;
                var share = (until.DayNumber - quarter.First.DayNumber + 1) / (double)(quarter.Last.DayNumber - quarter.First.DayNumber + 1);
                for (var n = random.Poisson((beat.Showcase ? 9 : 6) * share); n > 0 && until >= quarter.First; n--)
                    activities.Add(Activity(random, beat, user, WorkingDay(random, quarter.First, until)));
            }
            // A beat shown off always has a meeting to come on its page.
            if (beat.Showcase && !meetings.Any(m => m.Meeting.BeatId == beat.Id && m.Meeting.Status == MeetingStatus.Scheduled))
                Add(meetings, Meeting(random, beat, user, MeetingKind.Thematic, context.Calendar.OnOrNextWorkingDay(context.Today.AddDays(random.Next(5, 20))), 18 * 60 + 30, 60,
                    announced: context.NowUtc.AddHours(-random.Next(24, 72))));
        }
        return (meetings, activities);
    }

    private static void Add(List<MeetingRecord> meetings, MeetingRecord? meeting)
    {
        if (meeting is not null) meetings.Add(meeting);
    }

    /// <summary>
    /// A meeting on a day: held, with attendance, minutes and (a report meeting) the issues raised,
    /// if it is over; announced if it is ahead and would have been announced by now (up to three
    /// weeks before); otherwise nothing yet.
    /// </summary>
    private MeetingRecord? Meeting(Random random, HistoryBeat beat, string? user, MeetingKind kind, DateOnly day, int minute, int duration, DateTime? announced = null)
    {
        var starts = HistoryContext.At(day, minute);
        var language = random.Chance(0.55) ? "kk" : "ru";
        var place = kind switch
        {
            MeetingKind.ReceptionOnTheRoad => HistoryTexts.MeetingPlaces[1].Format(random.Next(1, 120)),
            MeetingKind.JointEvent => HistoryTexts.MeetingPlaces[2],
            _ when beat.ReceptionPointNumber is { } point && random.Chance(0.4) => HistoryTexts.ReceptionPointPlace.Format(point),
            _ => HistoryTexts.MeetingPlaces[0].Format(random.Next(1, 180)),
        };
        announced ??= starts.AddDays(-random.Next(7, 21));
        var meeting = new Meeting
        {
            BeatId = beat.Id, DistrictId = beat.DistrictId, OfficerId = beat.InspectorId, Kind = kind, Status = MeetingStatus.Scheduled, StartsAtUtc = starts,
            DurationMinutes = duration, Place = place.In(language), Agenda = HistoryTexts.Agenda(kind).In(language), Language = language,
            RecordedAtUtc = announced.Value, RecordedByUserId = user,
        };
        var ends = starts.AddMinutes(duration);
        if (ends > context.NowUtc)
            return announced < context.NowUtc ? new MeetingRecord(meeting, []) : null;

        // Held: the outcome is recorded the same evening or the next day, which raises the meeting's iCalendar sequence.
        var recorded = ends.AddHours(random.Next(1, 20));
        if (recorded >= context.NowUtc) recorded = ends + (context.NowUtc - ends) / 2;
        meeting.Status = MeetingStatus.Held;
        meeting.HeldOn = day;
        meeting.Sequence = 1;
        meeting.RecordedAtUtc = recorded;
        meeting.Attendance = kind switch
        {
            MeetingKind.QuarterlyReport => beat.Showcase ? random.Next(35, 81) : random.Next(10, 46),
            MeetingKind.ReceptionOnTheRoad => random.Next(5, 26),
            _ => random.Next(15, 61),
        };
        meeting.Minutes = kind == MeetingKind.QuarterlyReport ? HistoryTexts.Minutes.In(language) : null;
        if (kind != MeetingKind.QuarterlyReport) return new MeetingRecord(meeting, []);

        var raised = random.Weighted(beat.Showcase ? [0.1, 0.4, 0.35, 0.15] : [0.4, 0.45, 0.15]);
        var priorities = new List<NeighbourhoodPriority>();
        foreach (var (issue, action) in HistoryTexts.Priorities.OrderBy(_ => random.Next()).Take(raised))
        {
            var priority = new NeighbourhoodPriority
            {
                BeatId = beat.Id, DistrictId = beat.DistrictId, Issue = issue.In(language), RaisedOn = day, Status = PriorityStatus.Open, Language = language,
                ChangedAtUtc = recorded, ChangedByUserId = user,
            };
            // Most issues are acted on within weeks, and the action is recorded the day it is taken.
            var actionOn = day.AddDays(random.Next(5, 50));
            var actionAt = HistoryContext.At(actionOn, 17 * 60 + random.Next(60));
            if (random.Chance(0.8) && actionAt < context.NowUtc && actionAt > recorded)
            {
                priority.Action = action.In(language);
                priority.ActionOn = actionOn;
                priority.Status = PriorityStatus.ActionTaken;
                priority.ChangedAtUtc = actionAt;
            }
            priorities.Add(priority);
        }
        return new MeetingRecord(meeting, priorities);
    }

    private static PreventiveActivity Activity(Random random, HistoryBeat beat, string? user, DateOnly day)
    {
        var kind = ActivityKinds[random.Weighted(ActivityWeights)];
        return new PreventiveActivity
        {
            BeatId = beat.Id, DistrictId = beat.DistrictId, OfficerId = beat.InspectorId, Kind = kind, DoneOn = day,
            Participants = kind switch
            {
                PreventiveActivityKind.DoorToDoorRound => random.Next(15, 81),
                PreventiveActivityKind.SchoolTalk => random.Next(20, 121),
                PreventiveActivityKind.PreventiveTalk => 1,
                PreventiveActivityKind.FamilyVisit => random.Next(2, 6),
                PreventiveActivityKind.CommunityPatrol => random.Next(3, 13),
                _ => random.Next(5, 31),
            },
            // "Other" needs a note saying what it was, as the form asks.
            Note = kind == PreventiveActivityKind.Other ? HistoryTexts.OtherActivity.In(random.Chance(0.55) ? "kk" : "ru") : null,
            RecordedAtUtc = HistoryContext.At(day, 18 * 60 + random.Next(120)), RecordedByUserId = user,
        };
    }

    /// <summary>A working day between two dates (both included); the first working day on or after <paramref name="from"/> if there is none between.</summary>
    private DateOnly WorkingDay(Random random, DateOnly from, DateOnly to)
    {
        var days = Enumerable.Range(0, Math.Max(0, to.DayNumber - from.DayNumber + 1)).Select(from.AddDays).Where(context.Calendar.IsWorkingDay).ToList();
        return days.Count == 0 ? context.Calendar.OnOrNextWorkingDay(from) : random.Pick(days);
    }
}

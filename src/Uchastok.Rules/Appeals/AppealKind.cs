namespace Uchastok.Rules.Appeals;

/// <summary>The kinds of appeal (обращение) the Administrative Procedural and Process Code names.</summary>
public enum AppealKind
{
    /// <summary>Шағым / жалоба: a person's rights or interests were harmed, by anyone, police officers included.</summary>
    Complaint,
    /// <summary>Өтініш / заявление: a request to act or to help.</summary>
    Application,
    /// <summary>Ұсыныс / предложение: how police work could be better.</summary>
    Proposal,
    /// <summary>Пікір / отклик: an opinion on police work or on a decision.</summary>
    Response,
    /// <summary>Хабарлама / сообщение: a report of an offence. The only kind that may come without a name, as a tip.</summary>
    OffenceReport,
}

/// <summary>Where an appeal stands. Forwarded, LeftWithoutConsideration and Closed are final.</summary>
public enum AppealState
{
    Registered,
    Assigned,
    InProgress,
    Extended,
    Answered,
    Closed,
    Forwarded,
    LeftWithoutConsideration,
}

/// <summary>What can be done to an appeal.</summary>
public enum AppealAction
{
    /// <summary>Give the appeal to an officer: by routing on receipt, or by a supervisor later.</summary>
    Assign,
    /// <summary>The assigned officer takes it into work.</summary>
    Start,
    Answer,
    /// <summary>Send it to the competent body (another state body, akimat…), within 3 working days of receipt.</summary>
    Forward,
    /// <summary>Extend the deadline by a reasoned decision of the head, at most to two months from receipt.</summary>
    Extend,
    LeaveWithoutConsideration,
    /// <summary>The applicant accepts the answer.</summary>
    Confirm,
    /// <summary>The applicant disputes the answer: it goes back for review by the supervisor.</summary>
    Contest,
    /// <summary>The system closes an answered appeal the applicant did not confirm or contest in time.</summary>
    AutoClose,
}

/// <summary>In what capacity someone acts on an appeal; the web layer decides it from role and scope.</summary>
public enum AppealActor
{
    Applicant,
    /// <summary>The officer the appeal is assigned to.</summary>
    Assignee,
    /// <summary>A supervisor of the appeal's district, or an administrator.</summary>
    Supervisor,
    System,
}

/// <summary>The service qualities a resident rates after an answer, as in the ЦОН ratings.</summary>
public enum ServiceQuality
{
    Legality,
    Timeliness,
    Quality,
    Politeness,
    Awareness,
}

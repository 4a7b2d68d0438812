using Uchastok.Rules.Trust;

namespace Uchastok.Web.Trust;

public enum SurveyStatus
{
    /// <summary>Being written: questions may change, nobody can answer.</summary>
    Draft,
    /// <summary>Taking answers; its questions are fixed, so every answer means the same.</summary>
    Open,
    Closed,
}

/// <summary>A questionnaire administrators build in Kazakh, Russian and English (C8).</summary>
public sealed class Survey
{
    public int Id { get; set; }
    /// <summary>The short name in public links: /survey/{code}.</summary>
    public required string Code { get; set; }
    public required string TitleKk { get; set; }
    public required string TitleRu { get; set; }
    public required string TitleEn { get; set; }
    public string? IntroKk { get; set; }
    public string? IntroRu { get; set; }
    public string? IntroEn { get; set; }
    public SurveyStatus Status { get; set; }
    /// <summary>Ask the optional age band and sex, used to weight the trust index.</summary>
    public bool AskDemographics { get; set; }
    /// <summary>The survey offered to applicants with the answer to their appeal; one survey at most.</summary>
    public bool AfterAppeals { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public List<SurveyQuestion> Questions { get; set; } = [];
}

public sealed class SurveyQuestion
{
    public int Id { get; set; }
    public int SurveyId { get; set; }
    public int Position { get; set; }
    public QuestionKind Kind { get; set; }
    public required string TextKk { get; set; }
    public required string TextRu { get; set; }
    public required string TextEn { get; set; }
    public TrustCriterion? Criterion { get; set; }
    public ProceduralJustice? Dimension { get; set; }
    public bool Required { get; set; }
    /// <summary>The choices of a choice question, as a JSON array of {kk, ru, en}.</summary>
    public string? OptionsJson { get; set; }
}

public enum SurveyPlaceKind
{
    Beat,
    ReceptionPoint,
    TransportHub,
    Other,
}

/// <summary>
/// A place a QR code poster hangs (a beat's notice board, a reception point, a transport hub).
/// Its answers count for the beat it is in; the code in the link is random, so one place's
/// link says nothing about another's.
/// </summary>
public sealed class SurveyPlace
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public SurveyPlaceKind Kind { get; set; }
    public required string NameKk { get; set; }
    public required string NameRu { get; set; }
    public required string NameEn { get; set; }
    public int BeatId { get; set; }
    public int DistrictId { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>
/// One person's answers. It keeps the quarter, the week, the channel, the place and the beat —
/// never an address, an account, an appeal, the day or anything else that says who answered.
/// </summary>
public sealed class SurveyResponse
{
    public long Id { get; set; }
    public int SurveyId { get; set; }
    public required string Quarter { get; set; }
    /// <summary>The Monday of the week it came in: a day would let it be matched with the day an appeal was answered.</summary>
    public DateOnly SubmittedWeek { get; set; }
    public SurveyChannel Channel { get; set; }
    public int? PlaceId { get; set; }
    public int? BeatId { get; set; }
    public int? DistrictId { get; set; }
    public required string Language { get; set; }
    public AgeBand? AgeBand { get; set; }
    public Sex? Sex { get; set; }
    public List<SurveyAnswer> Answers { get; set; } = [];
}

public sealed class SurveyAnswer
{
    public long Id { get; set; }
    public long ResponseId { get; set; }
    public int QuestionId { get; set; }
    public int? Score { get; set; }
    /// <summary>Chosen option indexes of a choice question, comma-separated.</summary>
    public string? Choices { get; set; }
    public string? Text { get; set; }
}

/// <summary>
/// That an appeal's link has been used for a survey: SHA-256 of the survey and the appeal's
/// private tracking token. Only the applicant holds the token (the appeal keeps only its own hash
/// of it), so nobody reading the database can tell which appeal a use, or a response, belongs to.
/// </summary>
public sealed class SurveyTokenUse
{
    public required string Hash { get; set; }
}

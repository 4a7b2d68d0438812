using Uchastok.Rules.Appeals;

namespace Uchastok.Rules.Integrations;

/// <summary>The GeoReport v2 attribute datatypes.</summary>
public enum Open311Datatype
{
    String,
    Number,
    Datetime,
    Text,
    SingleValueList,
    MultiValueList,
}

/// <summary>One attribute of a service definition; its description and value names are translated by the web layer.</summary>
public sealed record Open311Attribute(string Code, Open311Datatype Datatype, bool Required, int Order, IReadOnlyList<string> Values);

public enum Open311AttributeProblem
{
    Missing,
    NotAllowed,
    /// <summary>More than one value for an attribute that takes one.</summary>
    TooMany,
}

/// <summary>
/// The questions every Uchastok service asks beyond the core GeoReport fields, and what the answers
/// mean for the appeal. The same attributes serve every category, so a client learns them once.
/// </summary>
public static class Open311Attributes
{
    public const string Yes = "yes";
    public const string No = "no";

    /// <summary>Is anyone in danger right now? "yes" is refused with the emergency numbers: an appeal is answered in days, not minutes.</summary>
    public const string DangerNow = "danger_now";
    /// <summary>Is the appeal about a police officer? Then it is a complaint, and goes to that officer's head (C5).</summary>
    public const string AboutPoliceOfficer = "about_police_officer";
    /// <summary>The applicant's consent to the processing of personal data (Law No. 94-V): required for a formal appeal.</summary>
    public const string PersonalDataConsent = "personal_data_consent";
    /// <summary>The kind of appeal; by default a complaint when it is about an officer, an application otherwise.</summary>
    public const string AppealKind = "appeal_kind";
    /// <summary>May the text and the approximate place be shown publicly, without name or contacts? No by default.</summary>
    public const string Publish = "publish";
    /// <summary>The applicant's IIN, optional and checked like everywhere else.</summary>
    public const string Iin = "iin";

    public static readonly IReadOnlyDictionary<AppealKind, string> KindKeys = new Dictionary<AppealKind, string>
    {
        [Appeals.AppealKind.Complaint] = "complaint",
        [Appeals.AppealKind.Application] = "application",
        [Appeals.AppealKind.Proposal] = "proposal",
        [Appeals.AppealKind.Response] = "response",
        [Appeals.AppealKind.OffenceReport] = "offence_report",
    };

    public static readonly IReadOnlyList<Open311Attribute> All =
    [
        new(DangerNow, Open311Datatype.SingleValueList, Required: true, Order: 1, [No, Yes]),
        new(AboutPoliceOfficer, Open311Datatype.SingleValueList, Required: true, Order: 2, [No, Yes]),
        new(AppealKind, Open311Datatype.SingleValueList, Required: false, Order: 3, KindKeys.Values.ToList()),
        new(Publish, Open311Datatype.SingleValueList, Required: false, Order: 4, [No, Yes]),
        new(Iin, Open311Datatype.String, Required: false, Order: 5, []),
        new(PersonalDataConsent, Open311Datatype.SingleValueList, Required: true, Order: 6, [Yes]),
    ];

    /// <summary>
    /// Reads <c>attribute[code]=value</c> and <c>attribute[code][]=value</c> pairs of a form into
    /// values per code, dropping empty values.
    /// </summary>
    public static Dictionary<string, List<string>> FromForm(IEnumerable<KeyValuePair<string, IEnumerable<string?>>> form)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, given) in form)
        {
            if (!name.StartsWith("attribute[", StringComparison.Ordinal)) continue;
            var close = name.IndexOf(']', StringComparison.Ordinal);
            if (close <= "attribute[".Length) continue;
            var rest = name[(close + 1)..];
            if (rest is not ("" or "[]")) continue;
            var code = name["attribute[".Length..close];
            if (!values.TryGetValue(code, out var list)) values[code] = list = [];
            list.AddRange(given.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()));
        }
        return values;
    }

    /// <summary>Every missing required answer and every value outside an attribute's list; unknown codes are ignored, as the specification leaves them.</summary>
    public static IReadOnlyList<(string Code, Open311AttributeProblem Problem, string? Value)> Check(IReadOnlyDictionary<string, List<string>> given)
    {
        var problems = new List<(string, Open311AttributeProblem, string?)>();
        foreach (var attribute in All)
        {
            var values = given.TryGetValue(attribute.Code, out var list) ? list : [];
            if (values.Count == 0)
            {
                if (attribute.Required) problems.Add((attribute.Code, Open311AttributeProblem.Missing, null));
                continue;
            }
            if (values.Count > 1 && attribute.Datatype != Open311Datatype.MultiValueList)
            {
                problems.Add((attribute.Code, Open311AttributeProblem.TooMany, null));
                continue;
            }
            if (attribute.Values.Count == 0) continue;
            foreach (var value in values.Where(v => !attribute.Values.Contains(v, StringComparer.OrdinalIgnoreCase)))
                problems.Add((attribute.Code, Open311AttributeProblem.NotAllowed, value));
        }
        return problems;
    }

    /// <summary>The single answer to an attribute, lower-cased for list keys; null when not given.</summary>
    public static string? Answer(IReadOnlyDictionary<string, List<string>> given, string code) =>
        given.TryGetValue(code, out var values) && values.Count > 0 ? values[0] : null;

    public static bool IsYes(IReadOnlyDictionary<string, List<string>> given, string code) =>
        string.Equals(Answer(given, code), Yes, StringComparison.OrdinalIgnoreCase);

    /// <summary>The appeal kind the answers ask for: as given, else a complaint when about an officer, else an application.</summary>
    public static AppealKind KindOf(IReadOnlyDictionary<string, List<string>> given)
    {
        var key = Answer(given, AppealKind);
        var named = KindKeys.FirstOrDefault(k => string.Equals(k.Value, key, StringComparison.OrdinalIgnoreCase));
        if (key is not null && named.Value is not null) return named.Key;
        return IsYes(given, AboutPoliceOfficer) ? Appeals.AppealKind.Complaint : Appeals.AppealKind.Application;
    }
}

namespace Uchastok.Rules.Weapons;

/// <summary>A breach found at an inspection and what the inspector required, by when.</summary>
public sealed record BreachInput(string? Text, string? Requirement, DateOnly? RequirementDue);

/// <summary>An inspection as recorded: the day, each checklist item's answer by its code, the breaches.</summary>
public sealed record StorageInspectionInput(DateOnly? InspectedOn, IReadOnlyDictionary<string, string>? Checklist, IReadOnlyList<BreachInput>? Breaches);

public enum InspectionProblem { Required, InFuture, UnknownItem, UnknownAnswer, ItemMissing, TooLong, DueBeforeInspection, NotMetWithoutBreach, TooManyBreaches }

/// <summary>
/// What an inspection must carry: its day (not in the future), an answer (met, not-met, not-applicable) for every item
/// of the checklist in force and for nothing else, and for each breach its text, the requirement and a due date not
/// before the inspection. An item answered "not met" needs at least one breach written down: the requirement is what
/// the board follows up.
/// </summary>
public static class StorageInspectionRules
{
    public const int TextMax = 1000, MaxBreaches = 20;

    public static IReadOnlyList<(string Field, InspectionProblem Problem)> Validate(StorageInspectionInput input, IReadOnlyCollection<string> checklistCodes, DateOnly today)
    {
        var problems = new List<(string, InspectionProblem)>();
        if (input.InspectedOn is null) problems.Add(("inspectedOn", InspectionProblem.Required));
        else if (input.InspectedOn > today) problems.Add(("inspectedOn", InspectionProblem.InFuture));
        var answers = input.Checklist ?? new Dictionary<string, string>();
        foreach (var (code, answer) in answers)
        {
            if (!checklistCodes.Contains(code)) problems.Add(($"checklist.{code}", InspectionProblem.UnknownItem));
            else if (!WeaponsNames.TryParse<ChecklistAnswer>(answer, out _)) problems.Add(($"checklist.{code}", InspectionProblem.UnknownAnswer));
        }
        foreach (var code in checklistCodes.Where(c => !answers.ContainsKey(c))) problems.Add(($"checklist.{code}", InspectionProblem.ItemMissing));
        var breaches = input.Breaches ?? [];
        if (breaches.Count > MaxBreaches) problems.Add(("breaches", InspectionProblem.TooManyBreaches));
        for (var i = 0; i < breaches.Count && i < MaxBreaches; i++)
        {
            var breach = breaches[i];
            Text(problems, $"breaches[{i}].text", breach.Text);
            Text(problems, $"breaches[{i}].requirement", breach.Requirement);
            if (breach.RequirementDue is null) problems.Add(($"breaches[{i}].requirementDue", InspectionProblem.Required));
            else if (input.InspectedOn is { } on && breach.RequirementDue < on) problems.Add(($"breaches[{i}].requirementDue", InspectionProblem.DueBeforeInspection));
        }
        var notMet = answers.Any(a => WeaponsNames.TryParse<ChecklistAnswer>(a.Value, out var x) && x == ChecklistAnswer.NotMet);
        if (notMet && breaches.Count == 0) problems.Add(("breaches", InspectionProblem.NotMetWithoutBreach));
        return problems;
    }

    private static void Text(List<(string, InspectionProblem)> problems, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) problems.Add((field, InspectionProblem.Required));
        else if (value.Trim().Length > TextMax) problems.Add((field, InspectionProblem.TooLong));
    }
}

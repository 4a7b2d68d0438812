using Uchastok.Rules.Appeals;
using Uchastok.Rules.Integrations;

namespace Uchastok.Rules.Tests.Integrations;

public sealed class Open311AttributesTests
{
    private static Dictionary<string, List<string>> Form(params (string Name, string Value)[] pairs) =>
        Open311Attributes.FromForm(pairs.GroupBy(p => p.Name).Select(g => new KeyValuePair<string, IEnumerable<string?>>(g.Key, g.Select(p => (string?)p.Value).ToList())));

    [Fact]
    public void FromForm_ReadsSingleAndListForms_AndIgnoresOtherFields()
    {
        var values = Form(("attribute[danger_now]", "no"), ("attribute[tags][]", "a"), ("attribute[tags][]", "b"), ("attribute[]", "x"), ("attribute[a][b]", "y"), ("description", "text"), ("attribute[empty]", " "));

        Assert.Equal(["no"], values["danger_now"]);
        Assert.Equal(["a", "b"], values["tags"]);
        Assert.Empty(values["empty"]);
        Assert.Equal(3, values.Count);
    }

    [Fact]
    public void Check_NamesEveryMissingRequiredAnswer_AndEveryValueOutsideItsList()
    {
        var problems = Open311Attributes.Check(Form(("attribute[danger_now]", "perhaps"), ("attribute[publish]", "yes"), ("attribute[publish]", "no"), ("attribute[unknown]", "1")));

        Assert.Contains((Open311Attributes.DangerNow, Open311AttributeProblem.NotAllowed, "perhaps"), problems);
        Assert.Contains((Open311Attributes.AboutPoliceOfficer, Open311AttributeProblem.Missing, null), problems);
        Assert.Contains((Open311Attributes.PersonalDataConsent, Open311AttributeProblem.Missing, null), problems);
        Assert.Contains((Open311Attributes.Publish, Open311AttributeProblem.TooMany, null), problems);
        Assert.Equal(4, problems.Count);
    }

    [Fact]
    public void Check_ACompleteAnswer_HasNoProblems_AndListValuesAreCaseInsensitive()
    {
        Assert.Empty(Open311Attributes.Check(Form(("attribute[danger_now]", "NO"), ("attribute[about_police_officer]", "no"), ("attribute[personal_data_consent]", "Yes"), ("attribute[iin]", "anything"))));
    }

    [Theory]
    [InlineData(null, null, AppealKind.Application)]
    [InlineData(null, "yes", AppealKind.Complaint)]
    [InlineData("proposal", "no", AppealKind.Proposal)]
    [InlineData("OFFENCE_REPORT", null, AppealKind.OffenceReport)]
    public void KindOf_DefaultsToAComplaintAboutAnOfficerOrAnApplication(string? kind, string? aboutOfficer, AppealKind expected)
    {
        var pairs = new List<(string, string)>();
        if (kind is not null) pairs.Add(("attribute[appeal_kind]", kind));
        if (aboutOfficer is not null) pairs.Add(("attribute[about_police_officer]", aboutOfficer));

        Assert.Equal(expected, Open311Attributes.KindOf(Form([.. pairs])));
    }

    [Fact]
    public void All_HaveUniqueCodesAndOrders()
    {
        Assert.Equal(Open311Attributes.All.Count, Open311Attributes.All.Select(a => a.Code).Distinct().Count());
        Assert.Equal(Open311Attributes.All.Count, Open311Attributes.All.Select(a => a.Order).Distinct().Count());
    }
}

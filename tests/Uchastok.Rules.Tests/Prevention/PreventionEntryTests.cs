using Uchastok.Rules.Identity;
using Uchastok.Rules.Prevention;

namespace Uchastok.Rules.Tests.Prevention;

public sealed class PreventionEntryTests
{
    private static readonly DateOnly Today = new(2027, 3, 10);
    private static readonly DateOnly Born = new(1985, 3, 15);

    /// <summary>A valid IIN for a man born in the 1900s on <paramref name="birth"/>, serial chosen so the check digit exists.</summary>
    private static string IinFor(DateOnly birth)
    {
        for (var serial = 100; ; serial++)
        {
            var first = $"{birth:yyMMdd}3{serial:D4}";
            if (Iin.CheckDigit(first) is { } check) return first + check;
        }
    }

    private static PreventionEntryInput Valid() => new(
        "Серікбаев Ерлан Болатұлы", Born, IinFor(Born), GazetteerAddressId: 4411, Point: null,
        CategoryCode: "parole", Basis: "Released on parole, court ruling of 1 March 2027", PutOnRecord: Today);

    [Fact]
    public void Validate_CompleteEntry_HasNoErrors()
    {
        Assert.True(Iin.IsValid(IinFor(Born)));
        Assert.Empty(PreventionEntryValidator.Validate(Valid(), Today));
        Assert.Empty(PreventionEntryValidator.Validate(Valid() with { Iin = null, GazetteerAddressId = null, Point = new GeoPoint(43.238, 76.945) }, Today));
    }

    [Fact]
    public void Validate_IinOfAnotherBirthDate_DoesNotMatch()
    {
        var errors = PreventionEntryValidator.Validate(Valid() with { Iin = IinFor(Born.AddDays(1)) }, Today);

        Assert.Equal([new PreventionFieldError("iin", PreventionProblem.DoesNotMatch)], errors);
    }

    [Fact]
    public void Validate_IinWithABadCheckDigit_IsInvalid()
    {
        var iin = IinFor(Born);
        var wrong = iin[..11] + (char)('0' + (iin[11] - '0' + 1) % 10);

        Assert.Equal([new PreventionFieldError("iin", PreventionProblem.Invalid)], PreventionEntryValidator.Validate(Valid() with { Iin = wrong }, Today));
    }

    [Fact]
    public void Validate_EmptyEntry_ReportsEveryRequiredField()
    {
        var errors = PreventionEntryValidator.Validate(new PreventionEntryInput(null, null, null, null, null, null, null, null), Today);

        Assert.Equal(["fullName", "birthDate", "address", "category", "basis", "putOnRecord"], errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.Equal(PreventionProblem.Required, e.Problem));
    }

    [Fact]
    public void Validate_DatesOutOfOrderAndAPointOffTheGlobe_AreRefused()
    {
        var errors = PreventionEntryValidator.Validate(
            Valid() with { Iin = null, BirthDate = Today.AddDays(1), PutOnRecord = Today, GazetteerAddressId = null, Point = new GeoPoint(91, 76.9) }, Today);

        Assert.Equal(
            [new PreventionFieldError("birthDate", PreventionProblem.InFuture), new PreventionFieldError("point", PreventionProblem.Invalid), new PreventionFieldError("putOnRecord", PreventionProblem.BeforeStart)],
            errors);
        Assert.Equal([new PreventionFieldError("putOnRecord", PreventionProblem.InFuture)], PreventionEntryValidator.Validate(Valid() with { PutOnRecord = Today.AddDays(1) }, Today));
    }

    [Fact]
    public void Duplicates_SameIinKey_IsFoundWhateverTheName()
    {
        var person = new PreventionPersonKey(1, "h:abc", "Серікбаев Ерлан", Born);

        var found = PreventionDuplicates.Find(person, [new(2, "h:abc", "Serikbayev Erlan", new DateOnly(1985, 3, 16)), new(3, "h:xyz", "Серікбаев Ерлан", Born)]);

        // Entry 3 has the same name and birth date but another IIN: another person.
        Assert.Equal([new PreventionDuplicate(2, DuplicateReason.SameIin)], found);
    }

    [Fact]
    public void Duplicates_WithoutAnIin_MatchByFoldedNameAndBirthDate()
    {
        var person = new PreventionPersonKey(1, null, "Серікбаев  Ерлан Болатұлы", Born);

        var found = PreventionDuplicates.Find(person,
        [
            new(5, "h:abc", "СЕРИКБАЕВ Ерлан Болатулы", Born),
            new(4, null, "серікбаев ерлан болатұлы", Born),
            new(6, null, "Серікбаев Ерлан Болатұлы", Born.AddDays(1)),
            new(1, null, "Серікбаев Ерлан Болатұлы", Born),
        ]);

        Assert.Equal([new PreventionDuplicate(4, DuplicateReason.SameNameAndBirthDate), new PreventionDuplicate(5, DuplicateReason.SameNameAndBirthDate)], found);
    }

    [Fact]
    public void NameKey_FoldsCaseYoKazakhLettersHyphensAndSpaces()
    {
        Assert.Equal(PreventionDuplicates.NameKey("Алексеева-Ёлкина  Әсел"), PreventionDuplicates.NameKey("алексеева елкина асел"));
        Assert.NotEqual(PreventionDuplicates.NameKey("Асель Ким"), PreventionDuplicates.NameKey("Ким Асель"));
    }
}

using Uchastok.Rules.Identity;

namespace Uchastok.Rules.Tests.Identity;

public sealed class IinTests
{
    // The checksum is recomputed here from the published rule rather than by calling
    // Iin.CheckDigit, so a wrong weight in the code under test cannot also be in the oracle.
    private static readonly int[] FirstPassWeights = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    private static readonly int[] SecondPassWeights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

    private static int Pass(string firstEleven, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < 11; i++) sum += (firstEleven[i] - '0') * weights[i];
        return sum % 11;
    }

    private static int? ExpectedCheckDigit(string firstEleven)
    {
        var first = Pass(firstEleven, FirstPassWeights);
        if (first != 10) return first;
        var second = Pass(firstEleven, SecondPassWeights);
        return second == 10 ? null : second;
    }

    /// <summary>Appends the check digit; fails the test if these eleven digits have none.</summary>
    private static string WithCheckDigit(string firstEleven)
    {
        Assert.Equal(11, firstEleven.Length);
        var check = ExpectedCheckDigit(firstEleven);
        Assert.True(check.HasValue, $"{firstEleven} has no check digit; pick other serial digits");
        return firstEleven + check.Value;
    }

    private static string WithWrongCheckDigit(string firstEleven)
    {
        var valid = WithCheckDigit(firstEleven);
        var wrong = (valid[11] - '0' + 1) % 10;
        return firstEleven + wrong;
    }

    [Theory]
    [InlineData("90010130000")] // man born 1 Jan 1990
    [InlineData("85031540000")] // woman born 15 Mar 1985
    [InlineData("05071250123")] // boy born 12 Jul 2005
    [InlineData("12121260456")] // girl born 12 Dec 2012
    [InlineData("70010110001")] // born 1 Jan 1870, digit 1
    [InlineData("99123120002")] // born 31 Dec 1899, digit 2
    public void Validate_CorrectCheckDigit_ReturnsNone(string firstEleven)
    {
        var iin = WithCheckDigit(firstEleven);

        Assert.Equal(IinProblem.None, Iin.Validate(iin));
        Assert.True(Iin.IsValid(iin));
    }

    [Fact]
    public void Validate_FirstPassGivesTen_UsesSecondPassCheckDigit()
    {
        const string firstEleven = "90010130081";
        Assert.Equal(10, Pass(firstEleven, FirstPassWeights)); // guards that this case really needs the second pass
        var secondPass = Pass(firstEleven, SecondPassWeights);
        Assert.NotEqual(10, secondPass);

        Assert.Equal(IinProblem.None, Iin.Validate(firstEleven + secondPass));
        Assert.Equal(secondPass, Iin.CheckDigit(firstEleven));
    }

    [Fact]
    public void Validate_FirstPassGivesTenAndLastDigitIsZero_ReturnsChecksumMismatch()
    {
        // A naive "10 mod 10 = 0" implementation would accept this number.
        const string firstEleven = "90010130081";
        Assert.Equal(10, Pass(firstEleven, FirstPassWeights));
        Assert.NotEqual(0, Pass(firstEleven, SecondPassWeights));

        Assert.Equal(IinProblem.ChecksumMismatch, Iin.Validate(firstEleven + "0"));
    }

    [Theory]
    [InlineData("90010130080")]
    [InlineData("85031540061")]
    [InlineData("00022950096")]
    public void Validate_BothPassesGiveTen_ReturnsChecksumUndefinedForEveryLastDigit(string firstEleven)
    {
        Assert.Equal(10, Pass(firstEleven, FirstPassWeights));
        Assert.Equal(10, Pass(firstEleven, SecondPassWeights));

        for (var last = 0; last <= 9; last++)
            Assert.Equal(IinProblem.ChecksumUndefined, Iin.Validate(firstEleven + last));
        Assert.Null(Iin.CheckDigit(firstEleven));
    }

    [Theory]
    [InlineData("90010130000")]
    [InlineData("85031540000")]
    [InlineData("90010130081")]
    public void Validate_EveryOtherLastDigit_ReturnsChecksumMismatch(string firstEleven)
    {
        var valid = WithCheckDigit(firstEleven);

        for (var last = 0; last <= 9; last++)
        {
            var candidate = firstEleven + last;
            var expected = candidate == valid ? IinProblem.None : IinProblem.ChecksumMismatch;
            Assert.Equal(expected, Iin.Validate(candidate));
        }
    }

    [Fact]
    public void Validate_TwoDigitsSwapped_ReturnsChecksumMismatch()
    {
        var valid = WithCheckDigit("90010130123");
        var swapped = string.Concat(valid.AsSpan(0, 8), valid[9].ToString(), valid[8].ToString(), valid.AsSpan(10));
        Assert.NotEqual(valid, swapped);

        Assert.Equal(IinProblem.ChecksumMismatch, Iin.Validate(swapped));
    }

    [Theory]
    [InlineData("")]
    [InlineData("90010130000")]
    [InlineData("9001013000012")]
    [InlineData("900101 300001")]
    public void Validate_NotTwelveCharacters_ReturnsWrongLength(string value)
    {
        Assert.Equal(IinProblem.WrongLength, Iin.Validate(value));
        Assert.False(Iin.IsValid(value));
    }

    [Fact]
    public void Validate_Null_ReturnsWrongLength()
    {
        Assert.Equal(IinProblem.WrongLength, Iin.Validate(null));
        Assert.False(Iin.IsValid(null));
    }

    [Fact]
    public void Validate_SurroundingWhitespace_IsIgnored()
    {
        var iin = WithCheckDigit("90010130000");

        Assert.Equal(IinProblem.None, Iin.Validate($"  {iin}\t"));
    }

    [Theory]
    [InlineData("90010130000A")]
    [InlineData("9001-1300001")]
    [InlineData("900101 30000")]
    [InlineData("+90101300001")]
    [InlineData("٩٠٠١٠١٣٠٠٠٠١")] // Arabic-Indic digits are digits to char.IsDigit, but not ASCII
    public void Validate_NonDigitCharacters_ReturnsNotDigits(string value)
    {
        Assert.Equal(12, value.Length);

        Assert.Equal(IinProblem.NotDigits, Iin.Validate(value));
    }

    [Theory]
    [InlineData("9002313")] // 31 Feb
    [InlineData("9013013")] // month 13
    [InlineData("9000013")] // month 00
    [InlineData("9001003")] // day 00
    [InlineData("9004313")] // 31 Apr
    [InlineData("9001323")] // 32 Jan
    [InlineData("9002293")] // 29 Feb 1990, not a leap year
    [InlineData("0002293")] // 29 Feb 1900, not a leap year (century rule)
    public void Validate_NotACalendarDate_ReturnsInvalidBirthDate(string dateAndCentury)
    {
        var firstEleven = dateAndCentury + "0000";
        // Give it the right checksum so only the date can be at fault.
        var iin = firstEleven + (ExpectedCheckDigit(firstEleven) ?? 0);

        Assert.Equal(IinProblem.InvalidBirthDate, Iin.Validate(iin));
    }

    [Fact]
    public void Validate_LeapDay2000_ReturnsNone()
    {
        var iin = WithCheckDigit("00022950001");

        Assert.Equal(IinProblem.None, Iin.Validate(iin));
        Assert.Equal(new DateOnly(2000, 2, 29), Iin.BirthDate(iin));
    }

    [Theory]
    [InlineData('0')]
    [InlineData('7')]
    [InlineData('8')]
    [InlineData('9')]
    public void Validate_CenturyDigitOutsideOneToSix_ReturnsInvalidCenturyDigit(char centuryDigit)
    {
        var firstEleven = "900101" + centuryDigit + "0000";
        var iin = firstEleven + (ExpectedCheckDigit(firstEleven) ?? 0);

        Assert.Equal(IinProblem.InvalidCenturyDigit, Iin.Validate(iin));
        Assert.Null(Iin.BirthDate(iin));
    }

    [Theory]
    [InlineData("7001011000", 1870)]
    [InlineData("7001012000", 1870)]
    [InlineData("7001013000", 1970)]
    [InlineData("7001014000", 1970)]
    [InlineData("0501015000", 2005)]
    [InlineData("0501016000", 2005)]
    public void BirthDate_CenturyDigit_SelectsCentury(string firstTen, int expectedYear)
    {
        var iin = WithCheckDigit(firstTen + "1");

        Assert.Equal(new DateOnly(expectedYear, 1, 1), Iin.BirthDate(iin));
    }

    [Fact]
    public void BirthDate_ThirtyFirstOfFebruary_ReturnsNull()
    {
        Assert.Null(Iin.BirthDate("900231300000"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("9001013000")]
    [InlineData("9001A1300000")]
    [InlineData(" 900101300007 ")]
    public void BirthDate_NotTwelveDigits_ReturnsNull(string value)
    {
        Assert.Null(Iin.BirthDate(value));
    }

    [Fact]
    public void Validate_WrongChecksumOnValidDate_ReturnsChecksumMismatch()
    {
        var iin = WithWrongCheckDigit("85031540000");

        Assert.Equal(IinProblem.ChecksumMismatch, Iin.Validate(iin));
        Assert.False(Iin.IsValid(iin));
    }

    [Fact]
    public void Mask_TwelveDigits_KeepsBirthDateAndLastDigit()
    {
        Assert.Equal("900101*****7", Iin.Mask("900101300007"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("9001013")]
    [InlineData("9001013000071")]
    public void Mask_NotTwelveCharacters_HidesEverything(string value)
    {
        Assert.Equal("************", Iin.Mask(value));
    }
}

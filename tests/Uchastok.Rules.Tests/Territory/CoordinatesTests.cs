using System.Globalization;
using Uchastok.Rules.Territory;

namespace Uchastok.Rules.Tests.Territory;

public sealed class CoordinatesTests
{
    [Theory]
    [InlineData("43.2567", "76.9286", 43.2567, 76.9286)]
    [InlineData("-90", "-180", -90, -180)]
    [InlineData("90", "180", 90, 180)]
    [InlineData("0", "0", 0, 0)]
    [InlineData(" 43.25 ", "76.92", 43.25, 76.92)]
    [InlineData("4.325e1", "76.92", 43.25, 76.92)]
    public void TryParse_DecimalDegreesWithADot_Reads(string lat, string lon, double latitude, double longitude)
    {
        Assert.True(Coordinates.TryParse(lat, lon, out var la, out var lo));
        Assert.Equal(latitude, la, 10);
        Assert.Equal(longitude, lo, 10);
    }

    [Theory]
    [InlineData("90.0001", "76.92")]
    [InlineData("-90.0001", "76.92")]
    [InlineData("43.25", "180.0001")]
    [InlineData("43.25", "-180.0001")]
    public void TryParse_OutOfRange_Refused(string lat, string lon) => Assert.False(Coordinates.TryParse(lat, lon, out _, out _));

    [Theory]
    [InlineData("NaN", "76.92")]
    [InlineData("43.25", "NaN")]
    [InlineData("Infinity", "76.92")]
    [InlineData("43.25", "-Infinity")]
    [InlineData("∞", "76.92")]
    [InlineData("1e400", "76.92")]
    public void TryParse_NotANumberOrInfinite_Refused(string lat, string lon) => Assert.False(Coordinates.TryParse(lat, lon, out _, out _));

    [Theory]
    [InlineData("43,25", "76,92")]
    [InlineData("43,25", "76.92")]
    [InlineData("43.25", "76,92")]
    [InlineData("43.250,1", "76.92")]
    public void TryParse_DecimalComma_Refused(string lat, string lon) => Assert.False(Coordinates.TryParse(lat, lon, out _, out _));

    [Theory]
    [InlineData(null, "76.92")]
    [InlineData("43.25", null)]
    [InlineData("", "76.92")]
    [InlineData("north", "76.92")]
    [InlineData("43.25 N", "76.92")]
    public void TryParse_MissingOrNotANumber_Refused(string? lat, string? lon) => Assert.False(Coordinates.TryParse(lat, lon, out _, out _));

    [Fact]
    public void TryParse_UnderACommaCulture_StillReadsTheDotAndRefusesTheComma()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("ru-RU");
            Assert.True(Coordinates.TryParse("43.25", "76.92", out var latitude, out var longitude));
            Assert.Equal((43.25, 76.92), (latitude, longitude));
            Assert.False(Coordinates.TryParse("43,25", "76,92", out _, out _));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData(43.25, 76.92, true)]
    [InlineData(double.NaN, 76.92, false)]
    [InlineData(43.25, double.PositiveInfinity, false)]
    [InlineData(91, 76.92, false)]
    [InlineData(43.25, -181, false)]
    public void AreValid_ChecksFiniteAndRange(double latitude, double longitude, bool valid) => Assert.Equal(valid, Coordinates.AreValid(latitude, longitude));
}

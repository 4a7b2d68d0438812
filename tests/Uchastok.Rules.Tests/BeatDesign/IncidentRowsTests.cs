using Uchastok.Rules.BeatDesign;

namespace Uchastok.Rules.Tests.BeatDesign;

public sealed class IncidentRowsTests
{
    private static Func<string, string?> Row(params (string Column, string? Value)[] cells) =>
        name => cells.FirstOrDefault(c => c.Column == name).Value;

    [Fact]
    public void Read_APoliceUkRow_GivesItsTypeMonthPointAndId()
    {
        var (record, refusal) = IncidentRows.Read(2, Row(("Crime ID", "5dc3e8a2"), ("Month", "2024-10"), ("Longitude", "0.140194"), ("Latitude", "51.582356"), ("Crime type", "Burglary")), IncidentColumns.PoliceUk);

        Assert.Null(refusal);
        Assert.Equal(new IncidentRecord(2, "Burglary", new DateOnly(2024, 10, 1), 51.582356, 0.140194, "5dc3e8a2"), record);
    }

    [Theory]
    [InlineData("", "51.5", "Burglary", "2024-10", IncidentRefusal.MissingCoordinates)]
    [InlineData("0.14", null, "Burglary", "2024-10", IncidentRefusal.MissingCoordinates)]
    [InlineData("east", "51.5", "Burglary", "2024-10", IncidentRefusal.BadCoordinates)]
    [InlineData("0.14", "95", "Burglary", "2024-10", IncidentRefusal.BadCoordinates)]
    [InlineData("0.14", "51.5", " ", "2024-10", IncidentRefusal.MissingType)]
    [InlineData("0.14", "51.5", "Burglary", "October 2024", IncidentRefusal.BadDate)]
    public void Read_ABadRow_IsRefusedWithItsReason(string? lon, string? lat, string? type, string? month, IncidentRefusal reason)
    {
        var (record, refusal) = IncidentRows.Read(7, Row(("Month", month), ("Longitude", lon), ("Latitude", lat), ("Crime type", type)), IncidentColumns.PoliceUk);

        Assert.Null(record);
        Assert.Equal(7, refusal!.Row);
        Assert.Equal(reason, refusal.Reason);
    }

    [Fact]
    public void Read_AGenericFile_UsesItsOwnColumnsAndDateFormat()
    {
        var columns = new IncidentColumns("lng", "lat", "category", "when", DateFormat: "dd/MM/yyyy");

        var (record, _) = IncidentRows.Read(3, Row(("lng", "76.921"), ("lat", "43.251"), ("category", "Кража"), ("when", "05/11/2026")), columns);
        var (_, refusal) = IncidentRows.Read(4, Row(("lng", "76.921"), ("lat", "43.251"), ("category", "Кража"), ("when", "2026-11-05")), columns);

        Assert.Equal(new DateOnly(2026, 11, 5), record!.OccurredOn);
        Assert.Equal("Кража", record.Type);
        Assert.Equal(IncidentRefusal.BadDate, refusal!.Reason);
    }

    [Fact]
    public void Read_APoliceUkRow_HasNoTimeOfDay()
    {
        var (record, _) = IncidentRows.Read(2, Row(("Month", "2024-10"), ("Longitude", "0.14"), ("Latitude", "51.58"), ("Crime type", "Burglary")), IncidentColumns.PoliceUk);

        Assert.Null(record!.OccurredAt);
    }

    [Theory]
    [InlineData("14:30", 14, 30)]
    [InlineData("9:05", 9, 5)]
    [InlineData("23:59:59", 23, 59)]
    public void Read_ATimeColumn_GivesTheTimeOfDay(string time, int hour, int minute)
    {
        var columns = new IncidentColumns("lng", "lat", "type", "date", Time: "time");

        var (record, refusal) = IncidentRows.Read(2, Row(("lng", "76.921"), ("lat", "43.251"), ("type", "Fraud"), ("date", "2026-03-02"), ("time", time)), columns);

        Assert.Null(refusal);
        Assert.Equal(new DateOnly(2026, 3, 2), record!.OccurredOn);
        Assert.Equal((hour, minute), (record.OccurredAt!.Value.Hour, record.OccurredAt.Value.Minute));
    }

    [Fact]
    public void Read_AnEmptyTime_IsNoTime_AndABadOneIsRefused()
    {
        var columns = new IncidentColumns("lng", "lat", "type", "date", Time: "time");

        var (empty, _) = IncidentRows.Read(2, Row(("lng", "76.921"), ("lat", "43.251"), ("type", "Fraud"), ("date", "2026-03-02"), ("time", " ")), columns);
        var (_, refusal) = IncidentRows.Read(3, Row(("lng", "76.921"), ("lat", "43.251"), ("type", "Fraud"), ("date", "2026-03-02"), ("time", "25:10")), columns);

        Assert.Null(empty!.OccurredAt);
        Assert.Equal(IncidentRefusal.BadTime, refusal!.Reason);
        Assert.Equal("25:10", refusal.Value);
    }

    [Theory]
    [InlineData("2026-03-02 14:30:00", 14, 30)]
    [InlineData("2026-03-02T08:15", 8, 15)]
    [InlineData("02.03.2026 21:00", 21, 0)]
    [InlineData("2026-03-02T23:30:00+05:00", 23, 30)]
    public void Read_ATimeInTheDate_IsKept_AsTheLocalClockWrote(string date, int hour, int minute)
    {
        var columns = new IncidentColumns("lng", "lat", "type", "date");

        var (record, _) = IncidentRows.Read(2, Row(("lng", "76.921"), ("lat", "43.251"), ("type", "Fraud"), ("date", date)), columns);

        Assert.Equal(new DateOnly(2026, 3, 2), record!.OccurredOn);
        Assert.Equal(new TimeOnly(hour, minute), record.OccurredAt);
    }

    [Theory]
    [InlineData("2026-03-02")]
    [InlineData("2012/07/02")]
    [InlineData("2024-10")]
    public void Read_ADateAlone_HasNoTime(string date)
    {
        var (record, _) = IncidentRows.Read(2, Row(("lng", "76.921"), ("lat", "43.251"), ("type", "Fraud"), ("date", date)), new IncidentColumns("lng", "lat", "type", "date"));

        Assert.NotNull(record);
        Assert.Null(record.OccurredAt);
    }

    [Theory]
    [InlineData("02.03.2026 23:30 +05:00", "dd.MM.yyyy HH:mm zzz", 2, 23, 30)]
    [InlineData("2026-03-02 01:10 +06:00", "yyyy-MM-dd HH:mm zzz", 2, 0, 10)]
    [InlineData("2026-03-02T18:45:00Z", "yyyy-MM-dd'T'HH:mm:ssK", 2, 23, 45)]
    [InlineData("2026-03-02T18:45:00", "yyyy-MM-dd'T'HH:mm:ssK", 2, 18, 45)]
    [InlineData("02.03.2026 14:30", "dd.MM.yyyy HH:mm", 2, 14, 30)]
    public void ReadDate_ANamedFormatWithAnOffset_IsReadOnAlmatysClock_AndWithoutOne_AsWritten(string text, string format, int day, int hour, int minute)
    {
        var read = IncidentRows.ReadDate(text, format);

        // +06:00 in 2026 is a source whose zone was not updated in 2024: 01:10 there is 00:10 on Almaty's clock.
        Assert.Equal((new DateOnly(2026, 3, day), (TimeOnly?)new TimeOnly(hour, minute)), read);
    }

    [Theory]
    [InlineData("2026-03-02T20:00:00Z", 2026, 3, 3, 1, 0)]
    [InlineData("2026-03-02T20:00:00+05:00", 2026, 3, 2, 20, 0)]
    [InlineData("2023-06-01T20:00:00Z", 2023, 6, 2, 2, 0)]
    public void ReadDate_AnInstant_IsTheDayAndHourOnAlmatysClock_ThatYear(string text, int year, int month, int day, int hour, int minute)
    {
        Assert.Equal((new DateOnly(year, month, day), (TimeOnly?)new TimeOnly(hour, minute)), IncidentRows.ReadDate(text));
    }
}

using Uchastok.Rules.Identity;
using Uchastok.Rules.Weapons;

namespace Uchastok.Rules.Tests.Weapons;

public sealed class WeaponsRulesTests
{
    private static string ValidIin()
    {
        for (var serial = 0; ; serial++)
        {
            var first = $"8706153{serial:D4}";
            if (Iin.CheckDigit(first) is { } check) return first + check;
        }
    }

    private static string ValidBin()
    {
        for (var serial = 0; ; serial++)
        {
            var first = $"0405404{serial:D4}";
            if (Iin.CheckDigit(first) is { } check) return first + check;
        }
    }

    private static WeaponHolderInput Person(string? iin = null) => new("person", "Асқар Бекұлы", iin ?? ValidIin(), null, "Төле би к-сі, 10", "ALM-01",
        "smoothbore-gun", "ИЖ", "27", "12", "A123456", "LRR-0001", "ДП г. Алматы", new DateOnly(2024, 1, 10), new DateOnly(2029, 1, 10));

    [Fact]
    public void Validate_ACompletePerson_HasNoProblem() => Assert.Empty(WeaponHolderRules.Validate(Person()));

    [Fact]
    public void Validate_APersonWithoutIin_IsAccepted_TheIinIsOptional() => Assert.Empty(WeaponHolderRules.Validate(Person() with { Iin = null }));

    [Theory]
    [InlineData("make")]
    [InlineData("model")]
    [InlineData("calibre")]
    [InlineData("serialNumber")]
    [InlineData("permitNumber")]
    [InlineData("issuer")]
    public void Validate_AMissingWeaponOrPermitField_IsRequired(string field)
    {
        var input = field switch
        {
            "make" => Person() with { Make = " " },
            "model" => Person() with { Model = null },
            "calibre" => Person() with { Calibre = "" },
            "serialNumber" => Person() with { SerialNumber = null },
            "permitNumber" => Person() with { PermitNumber = null },
            _ => Person() with { Issuer = null },
        };
        Assert.Contains((field, WeaponFieldProblem.Required), WeaponHolderRules.Validate(input));
    }

    [Fact]
    public void Validate_ABadIin_IsRefused() => Assert.Contains(("iin", WeaponFieldProblem.InvalidIin), WeaponHolderRules.Validate(Person("870615300001")));

    [Fact]
    public void Validate_AnOrganisation_NeedsAValidBin_AndNoIin()
    {
        var organisation = Person() with { HolderKind = "organisation", Iin = null, Bin = null };
        Assert.Contains(("bin", WeaponFieldProblem.Required), WeaponHolderRules.Validate(organisation));
        Assert.Contains(("bin", WeaponFieldProblem.InvalidBin), WeaponHolderRules.Validate(organisation with { Bin = "123456789012" }));
        Assert.Empty(WeaponHolderRules.Validate(organisation with { Bin = ValidBin() }));
        Assert.Contains(("iin", WeaponFieldProblem.IinForOrganisation), WeaponHolderRules.Validate(organisation with { Bin = ValidBin(), Iin = ValidIin() }));
    }

    [Fact]
    public void Validate_UnknownKinds_AndEnumNumbers_AreRefused()
    {
        Assert.Contains(("holderKind", WeaponFieldProblem.UnknownHolderKind), WeaponHolderRules.Validate(Person() with { HolderKind = "0" }));
        Assert.Contains(("weaponKind", WeaponFieldProblem.UnknownWeaponKind), WeaponHolderRules.Validate(Person() with { WeaponKind = "SmoothboreGun" }));
        Assert.Contains(("weaponKind", WeaponFieldProblem.UnknownWeaponKind), WeaponHolderRules.Validate(Person() with { WeaponKind = "bazooka" }));
    }

    [Fact]
    public void Validate_APermitEndingBeforeItBegins_IsRefused() =>
        Assert.Contains(("validTo", WeaponFieldProblem.ValidToBeforeValidFrom), WeaponHolderRules.Validate(Person() with { ValidTo = new DateOnly(2023, 1, 1) }));

    [Fact]
    public void ReminderDue_FromThatManyDaysBefore_UntilTheDayItExpires()
    {
        var expiry = new DateOnly(2026, 12, 31);
        Assert.False(PermitExpiry.ReminderDue(expiry, new DateOnly(2026, 11, 30), 30));
        Assert.True(PermitExpiry.ReminderDue(expiry, new DateOnly(2026, 12, 1), 30));
        Assert.True(PermitExpiry.ReminderDue(expiry, expiry, 30));
        Assert.False(PermitExpiry.ReminderDue(expiry, expiry.AddDays(1), 30));
    }

    [Fact]
    public void ReminderDue_WithNoSetting_IsNever_TheDocumentGivesNoTerm()
    {
        Assert.False(PermitExpiry.ReminderDue(new DateOnly(2026, 12, 31), new DateOnly(2026, 12, 30), null));
        Assert.Null(PermitExpiry.LastExpiryRemindedOn(new DateOnly(2026, 12, 30), null));
    }

    [Fact]
    public void DedupeKey_IsPerPermitAndExpiryDate_SoARenewedPermitIsRemindedAgain()
    {
        Assert.Equal(PermitExpiry.DedupeKey(7, new DateOnly(2026, 12, 31), "u"), PermitExpiry.DedupeKey(7, new DateOnly(2026, 12, 31), "u"));
        Assert.NotEqual(PermitExpiry.DedupeKey(7, new DateOnly(2026, 12, 31), "u"), PermitExpiry.DedupeKey(7, new DateOnly(2031, 12, 31), "u"));
    }

    [Fact]
    public void NextDue_IsTheLastInspectionPlusTheInterval_OrTheRegistrationDayForANewSite()
    {
        var registered = new DateOnly(2026, 1, 10);
        Assert.Equal(registered, InspectionSchedule.NextDue(registered, null, 90));
        Assert.Equal(new DateOnly(2026, 6, 30), InspectionSchedule.NextDue(registered, new DateOnly(2026, 4, 1), 90));
        Assert.Null(InspectionSchedule.NextDue(registered, null, null));
        Assert.True(InspectionSchedule.Overdue(new DateOnly(2026, 6, 30), new DateOnly(2026, 7, 1)));
        Assert.False(InspectionSchedule.Overdue(new DateOnly(2026, 6, 30), new DateOnly(2026, 6, 30)));
        Assert.False(InspectionSchedule.Overdue(null, new DateOnly(2030, 1, 1)));
    }

    private static readonly string[] Codes = ["alarm", "ledger"];

    [Fact]
    public void Inspection_EveryItemAnswered_AndANotMetItemNeedsABreach()
    {
        var today = new DateOnly(2026, 12, 7);
        var answers = new Dictionary<string, string> { ["alarm"] = "met", ["ledger"] = "not-met" };
        Assert.Contains(("breaches", InspectionProblem.NotMetWithoutBreach), StorageInspectionRules.Validate(new(today, answers, []), Codes, today));
        var breach = new BreachInput("Журнал не ведётся", "Завести журнал учёта", today.AddDays(30));
        Assert.Empty(StorageInspectionRules.Validate(new(today, answers, [breach]), Codes, today));
        Assert.Contains(("checklist.ledger", InspectionProblem.ItemMissing), StorageInspectionRules.Validate(new(today, new Dictionary<string, string> { ["alarm"] = "met" }, []), Codes, today));
        Assert.Contains(("checklist.roof", InspectionProblem.UnknownItem), StorageInspectionRules.Validate(new(today, new Dictionary<string, string>(answers) { ["roof"] = "met" }, [breach]), Codes, today));
        Assert.Contains(("checklist.alarm", InspectionProblem.UnknownAnswer), StorageInspectionRules.Validate(new(today, new Dictionary<string, string> { ["alarm"] = "Met!", ["ledger"] = "met" }, []), Codes, today));
    }

    [Fact]
    public void Inspection_InTheFuture_OrARequirementDueBeforeIt_IsRefused()
    {
        var today = new DateOnly(2026, 12, 7);
        var answers = new Dictionary<string, string> { ["alarm"] = "met", ["ledger"] = "met" };
        Assert.Contains(("inspectedOn", InspectionProblem.InFuture), StorageInspectionRules.Validate(new(today.AddDays(1), answers, []), Codes, today));
        Assert.Contains(("breaches[0].requirementDue", InspectionProblem.DueBeforeInspection),
            StorageInspectionRules.Validate(new(today, answers, [new BreachInput("x", "y", today.AddDays(-1))]), Codes, today));
        Assert.Contains(("breaches[0].requirement", InspectionProblem.Required),
            StorageInspectionRules.Validate(new(today, answers, [new BreachInput("x", null, today)]), Codes, today));
    }

    [Fact]
    public void Access_BeatInspectorDistrictSupervisorLicensingAndAdminRead_NobodyElse()
    {
        WeaponsActor Actor(bool admin = false, bool licensing = false, bool supervisor = false, bool inspector = false, int? district = null, int? officer = null) =>
            new(admin, licensing, supervisor, inspector, district, officer);
        Assert.True(WeaponsAccess.Reads(Actor(inspector: true, district: 1, officer: 5), 1, 5));
        Assert.False(WeaponsAccess.Reads(Actor(inspector: true, district: 1, officer: 6), 1, 5));
        Assert.True(WeaponsAccess.Reads(Actor(supervisor: true, district: 1), 1, 5));
        Assert.False(WeaponsAccess.Reads(Actor(supervisor: true, district: 2), 1, 5));
        Assert.True(WeaponsAccess.Reads(Actor(licensing: true), 1, 5));
        Assert.True(WeaponsAccess.Reads(Actor(admin: true), 1, 5));
        // A duty officer or juvenile inspector has a district but none of these positions.
        Assert.False(WeaponsAccess.ReadsAny(Actor(district: 1)));
        Assert.False(WeaponsAccess.Reads(Actor(district: 1), 1, null));
        Assert.False(WeaponsAccess.Inspects(Actor(licensing: true), 1, 5));
        Assert.False(WeaponsAccess.Inspects(Actor(admin: true), 1, 5));
        Assert.True(WeaponsAccess.Inspects(Actor(inspector: true, district: 1, officer: 5), 1, 5));
    }

    [Fact]
    public void Rows_ReadByColumnName_RefuseTheFirstProblemWithItsColumn()
    {
        var row = new Dictionary<string, string?>
        {
            ["holder_kind"] = "person", ["name"] = "Асқар", ["iin"] = "", ["bin"] = "", ["address"] = "Абай 1", ["beat"] = "ALM-01", ["weapon_kind"] = "pistol",
            ["make"] = "ПМ", ["model"] = "ПМ", ["calibre"] = "9", ["serial_number"] = "", ["permit_number"] = "P-1", ["issuer"] = "ДП", ["valid_from"] = "01.02.2024", ["valid_to"] = "2029-02-01",
        };
        var (input, refusal) = WeaponHolderRows.Read(5, c => row.GetValueOrDefault(c));
        Assert.Null(input);
        Assert.Equal(new HolderRowRefused(5, HolderRowRefusal.MissingField, "serial_number"), refusal);
        row["serial_number"] = "S-1";
        (input, refusal) = WeaponHolderRows.Read(5, c => row.GetValueOrDefault(c));
        Assert.Null(refusal);
        Assert.Equal(new DateOnly(2024, 2, 1), input!.ValidFrom);
        Assert.Null(input.Iin);
        row["valid_to"] = "31/12/2029";
        Assert.Equal(HolderRowRefusal.BadDate, WeaponHolderRows.Read(5, c => row.GetValueOrDefault(c)).Refusal!.Reason);
    }
}

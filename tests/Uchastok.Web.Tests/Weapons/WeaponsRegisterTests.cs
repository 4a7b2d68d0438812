using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Notifications;
using Uchastok.Web.Tests.Support;
using Uchastok.Web.Weapons;
using static Uchastok.Web.Tests.Weapons.WeaponsTestData;

namespace Uchastok.Web.Tests.Weapons;

/// <summary>The register of weapons in civil circulation over the API: IINs as sensitive fields, refusals, the import, verification, reminders.</summary>
public sealed class WeaponsRegisterTests(WeaponsFactory factory) : IClassFixture<WeaponsFactory>
{
    [Fact]
    public async Task AddHolder_KeepsTheIinEncryptedAndMasked_AndLogsEveryRead()
    {
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        var beat = await BeatOfAsync(factory, "inspector1@demo.kz");
        var iin = TestIins.New();

        var holder = await AddHolderAsync(inspector, Holder(beat, iin, serial: "ENC-" + Guid.NewGuid().ToString("N")[..8]));

        var id = holder.GetProperty("id").GetInt64();
        Assert.DoesNotContain(iin, holder.GetRawText());
        Assert.Equal(Uchastok.Rules.Identity.Iin.Mask(iin), holder.GetProperty("maskedIin").GetString());
        var row = await WithDbAsync(factory, db => db.WeaponHolders.SingleAsync(h => h.Id == id));
        Assert.DoesNotContain(iin, row.ProtectedIin);
        Assert.NotEqual(iin, row.IinHash);
        // Found by the exact IIN through its keyed hash.
        var found = await (await inspector.GetAsync($"/api/v1/weapons/holders?search={iin}")).JsonAsync();
        Assert.Equal(id, found.GetProperty("holders").EnumerateArray().Single().GetProperty("id").GetInt64());
        await inspector.GetAsync($"/api/v1/weapons/holders/{id}?purpose=check before a visit");
        var reads = await WithDbAsync(factory, db => db.PersonalDataAccesses.Where(a => a.RecordKind == WeaponsRegister.HolderRecordKind && a.RecordId == id.ToString()).Select(a => a.Purpose).ToListAsync());
        Assert.Contains("check before a visit", reads);
        Assert.True(reads.Count >= 3, string.Join(" | ", reads));
    }

    [Fact]
    public async Task AddHolder_WithBadFields_NamesEachInTheCallersLanguage_AndSavesNothing()
    {
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz", language: "ru");
        var beat = await BeatOfAsync(factory, "inspector1@demo.kz");
        var before = await WithDbAsync(factory, db => db.WeaponHolders.CountAsync());
        var body = Holder(beat, "870615300001");
        body["serialNumber"] = null;
        body["validTo"] = "2020-01-01";

        var response = await inspector.PostAsJsonAsync("/api/v1/weapons/holders", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Contains("ИИН", errors.GetProperty("iin")[0].GetString());
        Assert.Equal("Заполните это поле.", errors.GetProperty("serialNumber")[0].GetString());
        Assert.Contains("раньше начала", errors.GetProperty("validTo")[0].GetString());
        Assert.Equal(before, await WithDbAsync(factory, db => db.WeaponHolders.CountAsync()));
    }

    [Fact]
    public async Task AddHolder_OnAnotherInspectorsBeat_IsRefused()
    {
        using var other = await factory.SignedInAsync("inspector2@demo.kz");
        var beat = await BeatOfAsync(factory, "inspector1@demo.kz");

        var response = await other.PostAsJsonAsync("/api/v1/weapons/holders", Holder(beat));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("beat", out _));
    }

    [Fact]
    public async Task Import_ReportsEveryRefusedRowWithItsNumberAndReason_InRussian_AndTakesTheRest()
    {
        using var licensing = await factory.SignedInAsync("licensing@demo.kz", language: "ru");
        var beat = await BeatOfAsync(factory, "inspector1@demo.kz");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var csv = new StringBuilder("holder_kind,name,iin,bin,address,beat,weapon_kind,make,model,calibre,serial_number,permit_number,issuer,valid_from,valid_to\n");
        csv.Append($"person,Иванов Иван,,,\"Абая 1, кв. 2\",{beat},pistol,ИЖ,71,9,S1-{tag},P1-{tag},ДП,2024-01-01,2029-01-01\n");
        csv.Append($"person,Петров Пётр,,,Абая 3,{beat},pistol,ИЖ,71,9,,P2-{tag},ДП,2024-01-01,2029-01-01\n");
        csv.Append($"person,Сидоров,,,Абая 5,NO-SUCH-BEAT,pistol,ИЖ,71,9,S3-{tag},P3-{tag},ДП,01.01.2024,01.01.2029\n");
        csv.Append($"person,Иванов Иван,,,\"Абая 1, кв. 2\",{beat},smoothbore-gun,МР,153,12,S4-{tag},P4-{tag},ДП,2024-01-01,2029-01-01\n");
        csv.Append($"person,Иванов Иван,,,\"Абая 1, кв. 2\",{beat},smoothbore-gun,МР,153,12,S4-{tag},P4-{tag},ДП,2024-01-01,2029-01-01\n");

        var response = await licensing.PostAsync("/api/v1/weapons/holders/import?fileName=holders.csv", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.JsonAsync();
        Assert.Equal(5, report.GetProperty("rowsRead").GetInt32());
        Assert.Equal(2, report.GetProperty("rowsTaken").GetInt32());
        var refusals = report.GetProperty("refusals").EnumerateArray().Select(r => (r.GetProperty("row").GetInt32(), r.GetProperty("reason").GetString(), r.GetProperty("message").GetString())).ToList();
        Assert.Equal([3, 4, 6], refusals.Select(r => r.Item1));
        Assert.Equal(["missing-field", "unknown-beat", "duplicate-in-file"], refusals.Select(r => r.Item2));
        Assert.Equal("пустой столбец serial_number", refusals[0].Item3);
        // The two weapons of the same person make one holder.
        var holders = await WithDbAsync(factory, db => db.WeaponHolders.Where(h => h.Name == "Иванов Иван" && db.CivilWeapons.Any(w => w.HolderId == h.Id && w.SerialNumber.EndsWith(tag))).Select(h => db.CivilWeapons.Count(w => w.HolderId == h.Id)).ToListAsync());
        Assert.Equal([2], holders);
    }

    [Fact]
    public async Task Import_TheSameFileAgain_TakesNothing_AndNamesEachRowAlreadyOnTheRegister_InKazakh()
    {
        using var licensing = await factory.SignedInAsync("licensing@demo.kz", language: "kk");
        var beat = await BeatOfAsync(factory, "inspector1@demo.kz");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var csv = "holder_kind,name,address,beat,weapon_kind,make,model,calibre,serial_number,permit_number,issuer,valid_from,valid_to\n"
            + $"person,Жанов Ерлан,Абая 7,{beat},pistol,ИЖ,71,9,S1-{tag},P1-{tag},ДП,2024-01-01,2029-01-01\n"
            + $"person,Жанов Ерлан,Абая 7,{beat},smoothbore-gun,МР,153,12,S2-{tag},P2-{tag},ДП,2024-01-01,2029-01-01\n";
        var first = await (await licensing.PostAsync("/api/v1/weapons/holders/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).JsonAsync();
        Assert.Equal(2, first.GetProperty("rowsTaken").GetInt32());

        var again = await (await licensing.PostAsync("/api/v1/weapons/holders/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).JsonAsync();

        Assert.Equal(0, again.GetProperty("rowsTaken").GetInt32());
        Assert.Equal(["already-on-register", "already-on-register"], again.GetProperty("refusals").EnumerateArray().Select(r => r.GetProperty("reason").GetString()));
        Assert.Equal("дәл осы рұқсат пен сериялық нөмір тізілімде бар", again.GetProperty("refusals")[0].GetProperty("message").GetString());
        Assert.Equal(2, await WithDbAsync(factory, db => db.CivilWeapons.CountAsync(w => w.SerialNumber.EndsWith(tag))));
    }

    [Fact]
    public async Task Import_ARowOnABeatOutsideTheCallersScope_IsRefused_NotTaken()
    {
        using var other = await factory.SignedInAsync("inspector2@demo.kz");
        var beat = await BeatOfAsync(factory, "inspector1@demo.kz");
        var csv = $"holder_kind,name,address,beat,weapon_kind,make,model,calibre,serial_number,permit_number,issuer,valid_from,valid_to\nperson,X,Y,{beat},pistol,A,B,9,S-{Guid.NewGuid():N},P,ДП,2024-01-01,2029-01-01\n";

        var report = await (await other.PostAsync("/api/v1/weapons/holders/import", new StringContent(csv, Encoding.UTF8, "text/csv"))).JsonAsync();

        Assert.Equal(0, report.GetProperty("rowsTaken").GetInt32());
        Assert.Equal("outside-scope", report.GetProperty("refusals")[0].GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("name,address\nA,B\n", "kk", "holder_kind")]
    [InlineData("", "ru", "Файл пуст.")]
    public async Task Import_OfAFileWithoutTheRequiredColumnsOrEmpty_IsAProblemInTheCallersLanguage_AndNothingIsSaved(string csv, string language, string detail)
    {
        using var licensing = await factory.SignedInAsync("licensing@demo.kz", language: language);
        var before = await WithDbAsync(factory, db => db.WeaponHolderImports.CountAsync());

        var response = await licensing.PostAsync("/api/v1/weapons/holders/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(detail, (await response.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(before, await WithDbAsync(factory, db => db.WeaponHolderImports.CountAsync()));
    }

    [Fact]
    public async Task Import_OfAFileSavedInWindows1251_IsRefused_RatherThanStoredWithGarbledNames()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var beat = await BeatOfAsync(factory, "inspector1@demo.kz");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var csv = Encoding.GetEncoding(1251).GetBytes("holder_kind,name,iin,bin,address,beat,weapon_kind,make,model,calibre,serial_number,permit_number,issuer,valid_from,valid_to\n"
            + $"person,Иванов Иван,,,Абая 1,{beat},pistol,ИЖ,71,9,W-{tag},P-{tag},ДП г. Алматы,2024-01-01,2029-01-01\n");
        using var licensing = await factory.SignedInAsync("licensing@demo.kz", language: "ru");
        var before = await WithDbAsync(factory, db => db.WeaponHolderImports.CountAsync());

        var response = await licensing.PostAsync("/api/v1/weapons/holders/import", new ByteArrayContent(csv) { Headers = { ContentType = new("text/csv") } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("сохраните его как «CSV UTF-8»", (await response.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(before, await WithDbAsync(factory, db => db.WeaponHolderImports.CountAsync()));
        Assert.False(await WithDbAsync(factory, db => db.CivilWeapons.AnyAsync(w => w.SerialNumber == $"W-{tag}")));
    }

    [Fact]
    public async Task Verification_IsRecordedWithWhoAndWhen()
    {
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        using var licensing = await factory.SignedInAsync("licensing@demo.kz");
        var holder = await AddHolderAsync(inspector, Holder(await BeatOfAsync(factory, "inspector1@demo.kz"), serial: "V-" + Guid.NewGuid().ToString("N")[..8]));
        var permit = holder.GetProperty("weapons")[0].GetProperty("id").GetInt64();

        var response = await licensing.PostAsJsonAsync($"/api/v1/weapons/permits/{permit}/verification", new { verification = "forged-suspected" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var weapon = (await response.JsonAsync()).GetProperty("weapons")[0];
        Assert.Equal("forged-suspected", weapon.GetProperty("verification").GetString());
        Assert.False(string.IsNullOrEmpty(weapon.GetProperty("verifiedBy").GetString()));
        Assert.Equal(factory.Clock.GetUtcNow().UtcDateTime, weapon.GetProperty("verifiedAtUtc").GetDateTime(), TimeSpan.FromSeconds(1));
        var refused = await licensing.PostAsJsonAsync($"/api/v1/weapons/permits/{permit}/verification", new { verification = "ForgedSuspected" });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task ExpiryReminder_GoesToTheBeatsInspectorOnce_PerPermitAndDate_WithoutTheHoldersName()
    {
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        var today = Uchastok.Web.Shared.Localization.KazakhstanTime.Today(factory.Clock);
        var holder = await AddHolderAsync(inspector, Holder(await BeatOfAsync(factory, "inspector1@demo.kz"), serial: "R-" + Guid.NewGuid().ToString("N")[..8], validTo: today.AddDays(10)));
        var permit = holder.GetProperty("weapons")[0].GetProperty("id").GetInt64();
        var job = factory.Services.GetRequiredService<WeaponsJob>();

        await job.RunOnceAsync();
        await job.RunOnceAsync();

        var messages = await WithDbAsync(factory, db => db.Outbox.Where(m => m.DedupeKey.StartsWith($"weapons-permit-expiry:{permit}:")).ToListAsync());
        var message = Assert.Single(messages);
        Assert.Equal("inspector1@demo.kz", message.Recipient);
        Assert.Equal(DefaultTemplates.StaffPermitExpiring, message.TemplateKey);
        Assert.DoesNotContain("Бекұлы", message.Subject + message.Body);
        Assert.Contains($"/weapons/holders/{holder.GetProperty("id").GetInt64()}", message.Body);
        // The day lists it as a permit expiring.
        var day = await (await inspector.GetAsync("/api/v1/weapons/day")).JsonAsync();
        Assert.Equal(30, day.GetProperty("reminderDays").GetInt32());
        Assert.Contains(day.GetProperty("expiringPermits").EnumerateArray(), p => p.GetProperty("holderId").GetInt64() == holder.GetProperty("id").GetInt64());
    }
}

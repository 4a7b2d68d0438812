using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Accounts;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Accounts;

/// <summary>
/// An account's IIN is kept encrypted, masked and as its keyed hash (<c>SearchHashes</c>, kind "account-iin", not the register's "iin"), all three written by Accounts:
/// at registration, at staff creation by the administrator, and at start-up for accounts older than the hash. Other modules ask
/// which IINs belong to accounts in some roles, by hash.
/// </summary>
public sealed class AccountIinTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task CreateStaff_WithAnIin_KeepsItEncryptedMaskedAndHashed_AndItIsFoundAmongPoliceIins()
    {
        var iin = TestIins.New();
        var email = await StaffAsync(iin);

        var user = await WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));
        Assert.DoesNotContain(iin, user.ProtectedIin);
        Assert.Equal(iin[..6] + "*****" + iin[11..], user.MaskedIin);
        Assert.Equal(await HashAsync(iin), user.IinHash);
        // Not the preventive register's hash of the same IIN: a copy of the database alone cannot join the two.
        Assert.NotEqual(await factory.Services.GetRequiredService<SearchHashes>().HashAsync("iin", iin), user.IinHash);
        var other = TestIins.New();
        Assert.Equal([iin], await PoliceAmongAsync(iin, other));
    }

    [Fact]
    public async Task CreateStaff_WithAnInvalidIin_IsRefusedByField_AndMakesNoAccount()
    {
        var email = $"inspector-{Guid.NewGuid():N}@test.kz";
        using var admin = await factory.SignedInAsync("admin@demo.kz", language: "ru");
        var response = await admin.PostAsJsonAsync("/api/v1/staff", new
        {
            displayName = "Тест", email, password = ApiClient.DemoPassword, role = "Inspector", districtId = await DistrictAsync(), iin = "12345",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((await response.JsonAsync()).GetProperty("errors").GetProperty("iin")[0].GetString()));
        Assert.False(await WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task PoliceAmong_LeavesOutAResidentsIin()
    {
        var iin = TestIins.New();
        using var client = factory.Client();
        var registered = await client.PostAsJsonAsync("/api/v1/accounts", new { displayName = "Житель", email = $"resident-{Guid.NewGuid():N}@test.kz", password = ApiClient.DemoPassword, iin });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);

        Assert.Empty(await PoliceAmongAsync(iin));
    }

    [Fact]
    public async Task FillMissingHashes_GivesAnAccountMadeBeforeTheColumnItsHash_AndIsIdempotent()
    {
        var iin = TestIins.New();
        var email = await StaffAsync(iin);
        // As a row written before the migration: the encrypted IIN without its hash.
        await WithDbAsync(db => db.Users.Where(u => u.Email == email).ExecuteUpdateAsync(set => set.SetProperty(u => u.IinHash, (string?)null)));
        Assert.Empty(await PoliceAmongAsync(iin));

        Assert.True(await AccountIins.FillMissingHashesAsync(factory.Services) >= 1);
        Assert.Equal(0, await AccountIins.FillMissingHashesAsync(factory.Services));

        Assert.Equal(await HashAsync(iin), await WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.IinHash).SingleAsync()));
        Assert.Equal([iin], await PoliceAmongAsync(iin));
    }

    [Fact]
    public async Task FillMissingHashes_PassesARowItCannotDecrypt_AndStillFillsTheOthers()
    {
        var iin = TestIins.New();
        var readable = await StaffAsync(iin);
        var unreadable = await StaffAsync(TestIins.New());
        await WithDbAsync(db => db.Users.Where(u => u.Email == readable).ExecuteUpdateAsync(set => set.SetProperty(u => u.IinHash, (string?)null)));
        // As after a restore without the key that protected it: the server must still start.
        await WithDbAsync(db => db.Users.Where(u => u.Email == unreadable)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.IinHash, (string?)null).SetProperty(u => u.ProtectedIin, "CfDJ8-not-a-protected-value")));

        await AccountIins.FillMissingHashesAsync(factory.Services);

        Assert.Equal(await HashAsync(iin), await WithDbAsync(db => db.Users.Where(u => u.Email == readable).Select(u => u.IinHash).SingleAsync()));
        Assert.Null(await WithDbAsync(db => db.Users.Where(u => u.Email == unreadable).Select(u => u.IinHash).SingleAsync()));
    }

    private async Task<string> StaffAsync(string iin)
    {
        var email = $"inspector-{Guid.NewGuid():N}@test.kz";
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var response = await admin.PostAsJsonAsync("/api/v1/staff", new
        {
            displayName = "Сержант Тестов", email, password = ApiClient.DemoPassword, role = "Inspector", districtId = await DistrictAsync(), iin,
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return email;
    }

    private Task<int> DistrictAsync() => WithDbAsync(db => db.Users.Where(u => u.Email == "inspector1@demo.kz").Select(u => u.DistrictId!.Value).SingleAsync());

    private async Task<string> HashAsync(string iin) => await factory.Services.GetRequiredService<SearchHashes>().HashAsync(AccountIins.HashKind, iin);

    private async Task<IReadOnlySet<string>> PoliceAmongAsync(params string[] iins)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AccountIins>().HeldByRolesAsync(iins, Roles.DistrictPositions);
    }

    private async Task<T> WithDbAsync<T>(Func<UchastokDbContext, Task<T>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<UchastokDbContext>());
    }
}

using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Accounts;

public sealed class AccountTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    /// <summary>A valid IIN: born 1 January 1990, male (3), serial 0001; check digit 7 by the first pass.</summary>
    private const string ValidIin = "900101300017";

    [Fact]
    public async Task Login_DemoAdmin_GivesABearerTokenThatOpensMe()
    {
        using var client = factory.Client();
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "admin@demo.kz", password = ApiClient.DemoPassword });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await response.JsonAsync();
        Assert.Equal("Bearer", token.GetProperty("tokenType").GetString());
        Assert.False(string.IsNullOrEmpty(token.GetProperty("refreshToken").GetString()));

        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var me = await (await admin.GetAsync("/api/v1/auth/me")).JsonAsync();
        Assert.Equal("admin@demo.kz", me.GetProperty("email").GetString());
        Assert.Contains(me.GetProperty("roles").EnumerateArray(), r => r.GetString() == "Admin");
    }

    [Theory]
    [InlineData("ru", "Неверная")]
    [InlineData("kk", "қате")]
    public async Task Login_WrongPassword_Returns401ProblemInTheRequestLanguage(string language, string words)
    {
        using var client = factory.Client(language);
        var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "resident2@demo.kz", password = "Wrong123!" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(words, (await response.JsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Refresh_WithTheRefreshToken_GivesANewAccessToken()
    {
        using var client = factory.Client();
        var login = await (await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "resident1@demo.kz", password = ApiClient.DemoPassword })).JsonAsync();
        var response = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = login.GetProperty("refreshToken").GetString() });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await response.JsonAsync()).GetProperty("accessToken").GetString()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "forged" })).StatusCode);
    }

    [Fact]
    public async Task Register_ResidentWithValidIin_StoresItEncryptedAndShowsItMasked()
    {
        using var client = factory.Client();
        var email = $"resident-{Guid.NewGuid():N}@test.kz";
        var response = await client.PostAsJsonAsync("/api/v1/accounts", new { displayName = "Сәуле Ахметова", email, password = "Secret123!", iin = ValidIin });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        using var resident = await factory.SignedInAsync(email, "Secret123!");
        var me = await (await resident.GetAsync("/api/v1/auth/me")).JsonAsync();
        Assert.Equal("900101*****7", me.GetProperty("maskedIin").GetString());
        Assert.Contains(me.GetProperty("roles").EnumerateArray(), r => r.GetString() == "Resident");

        await using var scope = factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<UchastokDbContext>().Users.SingleAsync(u => u.Email == email);
        Assert.DoesNotContain(ValidIin, stored.ProtectedIin);
    }

    [Theory]
    [InlineData("900101300018", "ru", "Контрольная цифра")]
    [InlineData("901301300011", "en", "not a real date")]
    [InlineData("12345", "kk", "12 цифрдан")]
    public async Task Register_InvalidIin_Returns400WithTheReasonAndCreatesNothing(string iin, string language, string words)
    {
        using var client = factory.Client(language);
        var email = $"resident-{Guid.NewGuid():N}@test.kz";
        var response = await client.PostAsJsonAsync("/api/v1/accounts", new { displayName = "Test", email, password = "Secret123!", iin });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Contains(words, errors.GetProperty("iin")[0].GetString());
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<UchastokDbContext>().Users.AnyAsync(u => u.Email == email));
    }

    [Fact]
    public async Task Register_WithoutEmailOrPhone_Returns400()
    {
        using var client = factory.Client();
        var response = await client.PostAsJsonAsync("/api/v1/accounts", new { displayName = "Test", password = "Secret123!" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("email", out _));
    }

    [Fact]
    public async Task Register_WeakPassword_Returns400WithThePasswordRuleInTheRequestLanguage()
    {
        using var client = factory.Client("ru");
        var response = await client.PostAsJsonAsync("/api/v1/accounts", new { displayName = "Test", email = $"r-{Guid.NewGuid():N}@test.kz", password = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(((await response.JsonAsync()).GetProperty("errors").GetProperty("password")).EnumerateArray(), m => m.GetString()!.Contains("не менее 8", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Register_PhoneOnly_CanSignInWithThePhoneWrittenAnotherWay()
    {
        using var client = factory.Client();
        var digits = Random.Shared.NextInt64(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = await client.PostAsJsonAsync("/api/v1/accounts", new { displayName = "Телефон", phone = $"8 (705) {digits}", password = "Secret123!" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        using var resident = await factory.SignedInAsync($"+7705{digits}", "Secret123!");
        Assert.Equal($"+7705{digits}", (await (await resident.GetAsync("/api/v1/auth/me")).JsonAsync()).GetProperty("phone").GetString());
    }

    [Fact]
    public async Task CreateStaff_ByAdmin_GivesAnAccountWithRoleAndDistrict()
    {
        using var client = factory.Client();
        var districts = await (await client.GetAsync("/api/v1/districts")).JsonAsync();
        var districtId = districts[0].GetProperty("id").GetInt32();

        var email = await factory.CreateStaffAsync("Supervisor", districtId);

        using var supervisor = await factory.SignedInAsync(email);
        var me = await (await supervisor.GetAsync("/api/v1/auth/me")).JsonAsync();
        Assert.Contains(me.GetProperty("roles").EnumerateArray(), r => r.GetString() == "Supervisor");
        Assert.Equal(districtId, me.GetProperty("districtId").GetInt32());
    }

    [Fact]
    public async Task CreateStaff_InspectorWithoutDistrict_Returns400()
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        var response = await admin.PostAsJsonAsync("/api/v1/staff", new { displayName = "X", email = $"x-{Guid.NewGuid():N}@test.kz", password = "Secret123!", role = "Inspector" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).GetProperty("errors").TryGetProperty("districtId", out _));
    }

    [Fact]
    public async Task StaffList_EachRead_IsWrittenToThePersonalDataAccessLog()
    {
        var email = await factory.CreateStaffAsync("Admin", null);
        using var admin = await factory.SignedInAsync(email);
        var adminId = (await (await admin.GetAsync("/api/v1/auth/me")).JsonAsync()).GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/staff")).StatusCode);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        Assert.Equal(2, await db.PersonalDataAccesses.CountAsync(a => a.ReaderUserId == adminId));
    }
}

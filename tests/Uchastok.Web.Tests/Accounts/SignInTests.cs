using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Territory;
using Uchastok.Web.Tests.Support;
using Uchastok.Web.Accounts;
using Uchastok.Web.Demo;

namespace Uchastok.Web.Tests.Accounts;

/// <summary>Identity's password hasher, counting its verifications.</summary>
public sealed class CountingPasswordHasher : PasswordHasher<ApplicationUser>
{
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public override PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return base.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>The host with a counting password hasher, where a test may say which network a request comes from.</summary>
public class SignInFactory : UchastokAppFactory
{
    public CountingPasswordHasher Hasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IPasswordHasher<ApplicationUser>>(Hasher);
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestNetwork>();
        });
    }
}

/// <summary>The same with the per-network limits as low as a test can reach.</summary>
public sealed class StrictSignInFactory : SignInFactory
{
    protected override int SignInsPerHour => 3;

    protected override int RegistrationsPerHour => 2;
}

/// <summary>
/// Sign-in answers alike and costs alike whatever went wrong, and locks an account only from the
/// network that failed; a password reset or an administrator unlocks; common passwords are refused.
/// </summary>
public sealed class SignInTests(SignInFactory factory) : IClassFixture<SignInFactory>
{
    private const string Password = ApiClient.DemoPassword;

    [Fact]
    public async Task Login_UnknownAccountWrongPasswordAndLockedPair_AnswerAlike_AndEachPaysOnePasswordHash()
    {
        var email = await NewResidentAsync();
        using var client = factory.Client("ru").From(TestNetwork.NewAddress());

        var before = factory.Hasher.Verifications;
        var unknown = await LoginAsync(client, $"nobody-{Guid.NewGuid():N}@test.kz", Password);
        Assert.Equal(before + 1, factory.Hasher.Verifications);
        var wrong = await LoginAsync(client, email, "Wrong-Pass-1");
        Assert.Equal(before + 2, factory.Hasher.Verifications);
        for (var i = 1; i < PasswordSignIn.MaxFailures; i++) await LoginAsync(client, email, "Wrong-Pass-1");

        var beforeLocked = factory.Hasher.Verifications;
        var locked = await LoginAsync(client, email, Password);
        Assert.Equal(beforeLocked + 1, factory.Hasher.Verifications);

        Assert.All([unknown, wrong, locked], response => Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode));
        var details = new[] { await DetailAsync(unknown), await DetailAsync(wrong), await DetailAsync(locked) };
        Assert.Single(details.Distinct());
        Assert.Contains("15 минут", details[0], StringComparison.Ordinal);
        Assert.DoesNotContain("заблокирован", details[0], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Login_FiveFailuresFromOneNetwork_LockThatPairOnly_TheRightPasswordStillWorksFromElsewhere()
    {
        var email = await NewResidentAsync();
        using var attacker = factory.Client().From(TestNetwork.NewAddress());
        for (var i = 0; i < PasswordSignIn.MaxFailures; i++) await LoginAsync(attacker, email, "Wrong-Pass-1");
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(attacker, email, Password)).StatusCode);

        using var owner = factory.Client().From(TestNetwork.NewAddress());
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(owner, email, Password)).StatusCode);
        // And the login page from yet another network.
        using var browser = factory.Client().From(TestNetwork.NewAddress());
        Assert.Equal(HttpStatusCode.Redirect, (await LoginPageAsync(browser, email, Password)).StatusCode);
    }

    [Fact]
    public async Task LoginPage_LockedPair_ShowsTheSameMessageAsAWrongPassword()
    {
        var email = await NewResidentAsync();
        using var browser = factory.Client("kk").From(TestNetwork.NewAddress());
        var wrong = await (await LoginPageAsync(browser, email, "Wrong-Pass-1")).Content.ReadAsStringAsync();
        for (var i = 1; i < PasswordSignIn.MaxFailures; i++) await LoginPageAsync(browser, email, "Wrong-Pass-1");
        var locked = await (await LoginPageAsync(browser, email, Password)).Content.ReadAsStringAsync();
        Assert.Equal(LoginError(wrong), LoginError(locked));
        Assert.Contains("15 минут", LoginError(locked), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Login_ParallelFailuresOfOnePair_AllAnswer401()
    {
        // The first failures of a pair arriving together race to create its row; none may surface as a 500.
        var email = await NewResidentAsync();
        var network = TestNetwork.NewAddress();
        var clients = Enumerable.Range(0, 4).Select(_ => factory.Client().From(network)).ToList();
        var answers = await Task.WhenAll(clients.Select(c => LoginAsync(c, email, "Wrong-Pass-1")));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.StatusCode));
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task PasswordReset_UnlocksTheAccountFromTheNetworkThatFailed()
    {
        var email = await NewResidentAsync();
        var network = TestNetwork.NewAddress();
        using var client = factory.Client().From(network);
        for (var i = 0; i < PasswordSignIn.MaxFailures; i++) await LoginAsync(client, email, "Wrong-Pass-1");
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, email, Password)).StatusCode);

        await SessionTests.ResetPasswordThroughThePageAsync(factory, email, "After-Reset-42");

        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(client, email, "After-Reset-42")).StatusCode);
    }

    [Fact]
    public async Task AdminUnlock_ByTheApi_LiftsTheLock()
    {
        var email = await NewResidentAsync();
        using var client = factory.Client().From(TestNetwork.NewAddress());
        for (var i = 0; i < PasswordSignIn.MaxFailures; i++) await LoginAsync(client, email, "Wrong-Pass-1");
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, email, Password)).StatusCode);

        using var admin = await factory.SignedInAsync("admin@demo.kz");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/staff/{await UserIdAsync(email)}/unlock", null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(client, email, Password)).StatusCode);
    }

    [Fact]
    public async Task AdminUnlock_FromTheStaffPage_LiftsTheLockOfAStaffMember()
    {
        var email = await factory.CreateStaffAsync("Partner", null);
        using var client = factory.Client().From(TestNetwork.NewAddress());
        for (var i = 0; i < PasswordSignIn.MaxFailures; i++) await LoginAsync(client, email, "Wrong-Pass-1");

        using var admin = await factory.SignedInWithCookieAsync("admin@demo.kz", language: "ru");
        var page = await admin.GetStringAsync("/admin/staff");
        Assert.Contains($"data-unlock=\"{email}\"", page, StringComparison.Ordinal);
        var unlocked = await admin.PostAsync("/admin/staff?handler=Unlock", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["id"] = await UserIdAsync(email), ["__RequestVerificationToken"] = CookieSession.AntiforgeryToken(page),
        }));
        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        var after = await unlocked.Content.ReadAsStringAsync();
        Assert.Contains("id=\"staff-unlocked\"", after, StringComparison.Ordinal);
        Assert.DoesNotContain($"data-unlock=\"{email}\"", after, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(client, email, Password)).StatusCode);
    }

    public static TheoryData<string, HttpStatusCode> UnlockMatrix => new()
    {
        { "anonymous", HttpStatusCode.Unauthorized },
        { "resident1@demo.kz", HttpStatusCode.Forbidden },
        { "inspector1@demo.kz", HttpStatusCode.Forbidden },
        { "supervisor.almaly@demo.kz", HttpStatusCode.Forbidden },
        { "a new partner", HttpStatusCode.Forbidden },
        { "admin@demo.kz", HttpStatusCode.NoContent },
    };

    [Theory]
    [MemberData(nameof(UnlockMatrix))]
    public async Task Unlock_RoleMatrix_OnlyAdministrators(string who, HttpStatusCode expected)
    {
        var id = await UserIdAsync(await NewResidentAsync());
        using var client = who switch
        {
            "anonymous" => factory.Client(),
            "a new partner" => await factory.SignedInAsync(await factory.CreateStaffAsync("Partner", null)),
            _ => await factory.SignedInAsync(who),
        };
        Assert.Equal(expected, (await client.PostAsync($"/api/v1/staff/{id}/unlock", null)).StatusCode);
        if (who == "admin@demo.kz")
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/api/v1/staff/no-such-account/unlock", null)).StatusCode);
    }

    [Theory]
    [InlineData("en", "most common")]
    [InlineData("ru", "самых распространённых")]
    [InlineData("kk", "ең жиі")]
    public async Task Register_ACommonPassword_IsRefusedWhateverItsCase_InTheRequestLanguage(string language, string words)
    {
        using var client = factory.Client(language);
        // "p@ssw0rd" is on the list; this one passes every other rule (length, digit, upper and lower case, symbol).
        var response = await client.PostAsJsonAsync("/api/v1/accounts", new { displayName = "Test", email = $"c-{Guid.NewGuid():N}@test.kz", password = "P@ssW0rd" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var messages = (await response.JsonAsync()).GetProperty("errors").GetProperty("password").EnumerateArray().Select(m => m.GetString()!);
        Assert.Contains(messages, m => m.Contains(words, StringComparison.Ordinal));
    }

    [Fact]
    public void CommonPasswords_TheListHasTenThousand_AndTheDemoAndTestPasswordsAreNotOnIt()
    {
        Assert.True(CommonPasswordValidator.IsCommon("PASSWORD"));
        Assert.True(CommonPasswordValidator.IsCommon("qwerty123"));
        foreach (var password in new[] { DemoCitySeeder.DemoPassword, ApiClient.DemoPassword, "Secret123!", "Fresh456#", "Other789$" })
            Assert.False(CommonPasswordValidator.IsCommon(password), password);
    }

    private async Task<string> NewResidentAsync()
    {
        using var client = factory.Client();
        var email = $"sign-in-{Guid.NewGuid():N}@test.kz";
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/accounts", new { displayName = "Вход", email, password = Password })).StatusCode);
        return email;
    }

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
    }

    internal static Task<HttpResponseMessage> LoginAsync(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });

    internal static async Task<HttpResponseMessage> LoginPageAsync(HttpClient client, string login, string password)
    {
        var form = await client.GetStringAsync("/account/login");
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["login"] = login, ["password"] = password, ["__RequestVerificationToken"] = CookieSession.AntiforgeryToken(form),
        }));
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response) => (await response.JsonAsync()).GetProperty("detail").GetString()!;

    private static string LoginError(string page) =>
        System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "id=\"login-error\">([^<]+)<").Groups[1].Value);
}

/// <summary>Per-network limits on sign-in and registration: a 429 in the reader's language, problem+json for the API.</summary>
public sealed class SignInLimitTests(StrictSignInFactory factory) : IClassFixture<StrictSignInFactory>
{
    [Fact]
    public async Task Login_FourthAttemptFromOneNetworkInAnHour_Is429ProblemInTheRequestLanguage_WhateverTheAccounts()
    {
        using var client = factory.Client("ru").From(TestNetwork.NewAddress());
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInTests.LoginAsync(client, $"spray-{i}@test.kz", "Spray-Pass-1")).StatusCode);
        var refused = await SignInTests.LoginAsync(client, "spray-3@test.kz", "Spray-Pass-1");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("попыток входа", (await refused.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.True(refused.Headers.RetryAfter is not null);

        // Another network is not held back.
        using var other = factory.Client().From(TestNetwork.NewAddress());
        Assert.Equal(HttpStatusCode.OK, (await SignInTests.LoginAsync(other, "resident1@demo.kz", ApiClient.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task LoginPage_CountsWithTheApi_AndRefusesInTheReadersLanguage()
    {
        using var client = factory.Client("kk").From(TestNetwork.NewAddress());
        for (var i = 0; i < 3; i++) await SignInTests.LoginAsync(client, $"spray-{i}@test.kz", "Spray-Pass-1");
        var refused = await SignInTests.LoginPageAsync(client, "spray-9@test.kz", "Spray-Pass-1");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("кіру әрекеттері тым көп", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_ThirdFromOneNetworkInAnHour_Is429_ThePageToo()
    {
        using var client = factory.Client("en").From(TestNetwork.NewAddress());
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/v1/accounts", new { displayName = "R", email = $"r-{Guid.NewGuid():N}@test.kz", password = ApiClient.DemoPassword })).StatusCode);
        var refused = await client.PostAsJsonAsync("/api/v1/accounts", new { displayName = "R", email = $"r-{Guid.NewGuid():N}@test.kz", password = ApiClient.DemoPassword });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("registrations", (await refused.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var form = await client.GetStringAsync("/account/register");
        var page = await client.PostAsync("/account/register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "R", ["Input.Email"] = $"r-{Guid.NewGuid():N}@test.kz", ["Input.Password"] = ApiClient.DemoPassword,
            ["__RequestVerificationToken"] = CookieSession.AntiforgeryToken(form),
        }));
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
    }
}

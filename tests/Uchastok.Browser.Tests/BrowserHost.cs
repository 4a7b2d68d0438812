using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Browser.Tests;

/// <summary>
/// The real host on Kestrel over loopback (its own fresh database, as in the HTTP tests) and
/// Debian's Chromium driven by Playwright. The links in the messages the host sends point at the
/// host itself, so a journey follows them as a resident would. Screenshots go to <c>test-results/screenshots</c>.
/// </summary>
public sealed partial class BrowserHost : UchastokAppFactory
{
    /// <summary>The phone most residents hold (CSS pixels).</summary>
    public const int PhoneWidth = 390, PhoneHeight = 844;

    private readonly int _port = FreePort();
    // Journeys running side by side share the host: one of them dispatching must not leave another reading the sink mid-send.
    private readonly SemaphoreSlim _sink = new(1, 1);
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>A clock of the host's own, set before it starts (<see cref="WorkingDayBrowserFixture"/>); the real clock otherwise.</summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider? Clock { get; init; }
    public string BaseUrl => $"http://127.0.0.1:{_port}";

    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot(), "test-results", "screenshots");

    protected override void BeforeStart()
    {
        UseKestrel(_port);
        ClientOptions.BaseAddress = new Uri(BaseUrl);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Notifications:PublicUrl", BaseUrl);
        if (Clock is not null)
            builder.ConfigureServices(services => services.Replace(Microsoft.Extensions.DependencyInjection.ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    public async Task StartAsync()
    {
        StartServer();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("UCHASTOK_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task StopAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
    }

    /// <summary>A phone-sized page (390×844), as most residents will see it, watched for errors (<see cref="PageChecks"/>).</summary>
    public async Task<IPage> NewPhonePageAsync(bool javaScript = true, string? language = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = PhoneWidth, Height = PhoneHeight },
            IsMobile = true,
            HasTouch = true,
            JavaScriptEnabled = javaScript,
            BaseURL = BaseUrl,
        });
        var page = await context.NewPageAsync();
        PageChecks.Watch(page, scripts: javaScript);
        if (language is not null) await page.GotoAsync($"/culture/{language}?returnUrl=%2F");
        return page;
    }

    /// <summary>
    /// Picks a language from the page's language bar and waits for the page it leads to. Without the
    /// wait, what the test does next can land on the page being left (a tap on its map is then lost).
    /// </summary>
    public static async Task ChooseLanguageAsync(IPage page, string language)
    {
        // A mark on the page being left: the wait ends only on a document without it.
        await page.EvaluateAsync("() => { window.uchastokLeaving = true; }");
        await page.ClickAsync($"a[data-lang={language}]");
        await page.WaitForFunctionAsync(
            "language => !window.uchastokLeaving && document.readyState !== 'loading' && document.documentElement.lang === language",
            language);
    }

    /// <summary>
    /// Presses a form's button and waits for the server's answer to the form it sends, which must be an
    /// acceptance. When a journey then misses what it expects, the failure tells a tap that sent nothing
    /// (no answer came) from a refusal (its status and the page's text).
    /// </summary>
    public static async Task SubmitAsync(IPage page, string button)
    {
        var answer = await page.RunAndWaitForResponseAsync(() => page.ClickAsync(button),
            response => response.Request.Method == "POST" && response.Request.ResourceType == "document");
        if (answer.Status >= 400) Assert.Fail($"{button} was refused with {answer.Status}: {await answer.TextAsync()}");
    }

    /// <summary>A page signed in through the login form, in the given language: desktop-sized, or a phone with <paramref name="phone"/>.</summary>
    public async Task<IPage> SignInAsync(string email, string language, string password = ApiClient.DemoPassword, bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = phone ? new ViewportSize { Width = PhoneWidth, Height = PhoneHeight } : new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
        });
        var page = await context.NewPageAsync();
        PageChecks.Watch(page);
        await page.GotoAsync($"/culture/{language}?returnUrl=%2Faccount%2Flogin");
        await page.FillAsync("#login", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("form.form button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        return page;
    }

    /// <summary>
    /// Sends what is queued, as the background dispatcher would, and returns the links of the last
    /// message the development sink holds for <paramref name="recipient"/>: what the resident would tap.
    /// </summary>
    public async Task<IReadOnlyList<string>> LinksSentToAsync(string recipient, string? subjectContains = null)
    {
        List<Web.Notifications.SinkView> messages;
        await _sink.WaitAsync();
        try { messages = await this.DeliveredToAsync(recipient); }
        finally { _sink.Release(); }
        var message = messages.Where(m => subjectContains is null || m.Subject.Contains(subjectContains, StringComparison.Ordinal))
            .OrderBy(m => m.Id).LastOrDefault();
        Assert.True(message is not null, $"No message to {recipient}{(subjectContains is null ? "" : $" about '{subjectContains}'")} in the sink.");
        return Link().Matches(message.Body).Select(m => m.Value.TrimEnd('.', ',', ')')).ToList();
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Uchastok.slnx"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}

/// <summary>Starts the host and the browser once per test class.</summary>
public class BrowserFixture : IAsyncLifetime
{
    public BrowserFixture() => Host = new BrowserHost();

    protected BrowserFixture(BrowserHost host) => Host = host;

    public BrowserHost Host { get; }

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)Host).InitializeAsync();
        await Host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Host.StopAsync();
        await ((IAsyncLifetime)Host).DisposeAsync();
    }
}

/// <summary>
/// A host whose clock stands at 10:00 in Almaty on the first working day from today on (Kazakhstan's
/// calendar), for journeys that need one — the day-before reminders are sent on working days only —
/// whatever day the suite runs. The clock does not move: a journey that needs time to pass moves it.
/// </summary>
public sealed class WorkingDayBrowserFixture() : BrowserFixture(new BrowserHost { Clock = new(FirstWorkingDayAtTen()) })
{
    private static DateTimeOffset FirstWorkingDayAtTen()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(5));
        var calendar = new Uchastok.Rules.Calendar.WorkingCalendar(
            Uchastok.Rules.Calendar.KazakhstanHolidays.For(today.Year).Concat(Uchastok.Rules.Calendar.KazakhstanHolidays.For(today.Year + 1)));
        var day = today;
        while (!calendar.IsWorkingDay(day)) day = day.AddDays(1);
        var atTen = new DateTimeOffset(day.ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero);
        // Never behind the real time: cookies the browser keeps expire by its clock.
        return atTen > DateTimeOffset.UtcNow ? atTen : DateTimeOffset.UtcNow;
    }
}

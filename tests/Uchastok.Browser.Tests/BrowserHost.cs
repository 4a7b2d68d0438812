using Microsoft.Playwright;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Browser.Tests;

/// <summary>
/// The real host on Kestrel over loopback (its own fresh database, as in the HTTP tests) and
/// Debian's Chromium driven by Playwright. Screenshots go to <c>test-results/screenshots</c>.
/// </summary>
public sealed class BrowserHost : UchastokAppFactory
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = string.Empty;

    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot(), "test-results", "screenshots");

    protected override void BeforeStart() => UseKestrel(0);

    public async Task StartAsync()
    {
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
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

    /// <summary>A phone-sized page, as most residents will see it.</summary>
    public async Task<IPage> NewPhonePageAsync(bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 412, Height = 915 },
            JavaScriptEnabled = javaScript,
            BaseURL = BaseUrl,
        });
        return await context.NewPageAsync();
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

    /// <summary>A desktop-sized page signed in through the login form, in the given language.</summary>
    public async Task<IPage> SignInAsync(string email, string language, string password = ApiClient.DemoPassword)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/culture/{language}?returnUrl=%2Faccount%2Flogin");
        await page.FillAsync("#login", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("form button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        return page;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Uchastok.slnx"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }
}

/// <summary>Starts the host and the browser once per test class.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public BrowserHost Host { get; } = new();

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

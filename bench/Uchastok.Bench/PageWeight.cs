using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Uchastok.Bench;

/// <summary>
/// What a resident's phone downloads for each public page, measured in Debian's Chromium: bytes on
/// the wire (headers and compressed bodies) on a first visit with an empty cache, and on a second
/// visit to the same page in the same browser. The baseline, measured in the same run, is the same
/// first visit's bodies as they are before compression. Aims: ≤ 80 KB first, ≤ 20 KB second.
///   dotnet run -c Release --project bench/Uchastok.Bench -- page-weight --url URL
/// </summary>
public static class PageWeight
{
    private const double FirstAimKb = 80, SecondAimKb = 20;

    public static async Task<int> RunAsync(string[] args)
    {
        var url = args.SkipWhile(a => a != "--url").Skip(1).FirstOrDefault() ?? "http://127.0.0.1:5080";
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        var located = JsonDocument.Parse(await http.GetStringAsync("/api/v1/beats/locate?lat=43.2510&lon=76.9210")).RootElement;
        var beatId = located.GetProperty("beat").GetProperty("id").GetInt32();
        string[] pages = ["/", "/?lat=43.2510&lon=76.9210", "/appeals/new", $"/beats/{beatId}", $"/beats/{beatId}/reception", "/trust", "/reports", "/account/login"];

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("UCHASTOK_CHROMIUM") ?? "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });

        Console.WriteLine("| Page | First visit, KB on the wire | Uncompressed (baseline), KB | Ratio | Second visit, KB | Aims met (≤ 80 / ≤ 20) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---|");
        var allMet = true;
        foreach (var path in pages)
        {
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, BaseURL = url });
            var page = await context.NewPageAsync();
            var (first, raw) = await VisitAsync(page, path);
            await page.GotoAsync("about:blank");
            var (second, _) = await VisitAsync(page, path);
            var met = first / 1024 <= FirstAimKb && second / 1024 <= SecondAimKb;
            allMet &= met;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| `{(path.StartsWith("/beats/", StringComparison.Ordinal) ? path.Replace(beatId.ToString(CultureInfo.InvariantCulture), "{id}", StringComparison.Ordinal) : path)}` | {first / 1024:0.0} | {raw / 1024:0.0} | {first / raw:0.00} | {second / 1024:0.0} | {(met ? "yes" : "**no**")} |"));
        }
        return allMet ? 0 : 1;
    }

    /// <summary>Loads a page and waits for the network to settle; returns bytes on the wire and the bodies' decoded size.</summary>
    private static async Task<(double Wire, double Raw)> VisitAsync(IPage page, string path)
    {
        var responses = new List<IResponse>();
        void Collect(object? _, IResponse response) => responses.Add(response);
        page.Response += Collect;
        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        page.Response -= Collect;
        double wire = 0, raw = 0;
        foreach (var response in responses)
        {
            var sizes = await response.Request.SizesAsync();
            // A response the browser took from its cache crossed no network.
            if (response.FromServiceWorker || sizes.ResponseBodySize < 0) continue;
            wire += sizes.ResponseHeadersSize + sizes.ResponseBodySize;
            try { raw += (await response.BodyAsync()).Length; } catch (PlaywrightException) { /* a redirect has no body */ }
        }
        return (wire, raw);
    }
}

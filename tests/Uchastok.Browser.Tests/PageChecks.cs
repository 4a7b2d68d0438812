using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace Uchastok.Browser.Tests;

/// <summary>
/// What every page a journey reaches must satisfy, whatever the journey is about: nothing wider
/// than the screen, no script error and no failed request, and no accessibility violation that
/// axe-core rates serious or critical. A journey calls <see cref="AssertUsableAsync"/> on each page it visits.
/// </summary>
public static class PageChecks
{
    private static readonly ConcurrentDictionary<IPage, ConcurrentQueue<string>> Problems = new();
    // Pages of a context with scripts turned off: Chromium's screenshot and axe-core wait for scripts forever there.
    private static readonly ConcurrentDictionary<IPage, bool> WithoutScripts = new();
    private static readonly Lazy<string> AxeSource = new(() => File.ReadAllText(
        Path.Combine(BrowserHost.RepositoryRoot(), "tests", "Uchastok.Browser.Tests", "node_modules", "axe-core", "axe.min.js")));

    /// <summary>
    /// Starts collecting the page's script errors, console errors and failed requests. A page without
    /// <paramref name="scripts"/> cannot be checked (see <see cref="ProblemsAsync"/>).
    /// </summary>
    public static void Watch(IPage page, bool scripts = true)
    {
        var problems = Problems.GetOrAdd(page, _ => new ConcurrentQueue<string>());
        if (!scripts) WithoutScripts[page] = true;
        page.PageError += (_, error) => problems.Enqueue($"script error: {error}");
        page.Console += (_, message) =>
        {
            // A failed request is reported below with its address; the console's copy of it carries none.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
                problems.Enqueue($"console error: {message.Text}");
        };
        page.Response += (_, response) =>
        {
            // A page may answer 4xx on purpose (a link that is gone), and so may a form sent in the background when it is
            // refused: both are judged by the journey. Anything else a page asks for must come.
            var refusedForm = response.Status is >= 400 and < 500 && response.Request.Method == "POST";
            if (response.Status >= 400 && response.Request.ResourceType != "document" && !refusedForm)
                problems.Enqueue($"{response.Status} for {response.Request.Method} {response.Url}");
        };
        page.RequestFailed += (_, request) =>
        {
            if (request.Failure is { } failure && !failure.Contains("ERR_ABORTED", StringComparison.Ordinal))
                problems.Enqueue($"request failed: {request.Url} ({failure})");
        };
        page.Close += (_, _) =>
        {
            Problems.TryRemove(page, out _);
            WithoutScripts.TryRemove(page, out _);
        };
    }

    /// <summary>
    /// Asserts the page fits its screen, has no errors so far and no serious or critical axe-core
    /// violation; saves a screenshot named <paramref name="name"/>.
    /// </summary>
    public static async Task AssertUsableAsync(IPage page, string name)
    {
        var problems = await ProblemsAsync(page, name);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Everything <see cref="AssertUsableAsync"/> would refuse, one line each, so that a sweep of many pages reports them all at once.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsAsync(IPage page, string name)
    {
        // Refused at once rather than left to hang the run: check the same page in a context with scripts.
        if (WithoutScripts.ContainsKey(page))
            throw new InvalidOperationException($"{name}: a page without scripts cannot be checked (its screenshot and axe-core would wait forever); check the same page with scripts.");
        var found = new List<string>();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserHost.ScreenshotFolder, name + ".png"), FullPage = true });

        var overflow = await page.EvaluateAsync<string[]>(@"() => {
            const width = document.documentElement.clientWidth;
            if (document.documentElement.scrollWidth <= width) return [];
            const wide = [];
            for (const element of document.querySelectorAll('body *')) {
                const box = element.getBoundingClientRect();
                if (box.width > 0 && box.right > width + 1) {
                    const style = getComputedStyle(element);
                    if (style.position === 'fixed') continue;
                    wide.push(element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') +
                        (element.className && typeof element.className === 'string' ? '.' + element.className.trim().split(/\s+/).join('.') : '') +
                        ' right=' + Math.round(box.right));
                }
            }
            return [document.documentElement.scrollWidth + ' > ' + width, ...wide.slice(0, 8)];
        }");
        if (overflow.Length > 0) found.Add($"{name}: the page is wider than the screen ({page.Url}): {string.Join("; ", overflow)}");

        if (Problems.TryGetValue(page, out var queue))
            while (queue.TryDequeue(out var problem)) found.Add($"{name}: {problem}");

        found.AddRange((await AxeAsync(page)).Select(v => $"{name}: axe-core ({page.Url}): {v}"));
        return found;
    }

    /// <summary>The serious and critical violations axe-core finds in the page, one line each.</summary>
    public static async Task<IReadOnlyList<string>> AxeAsync(IPage page)
    {
        // Evaluated through the DevTools protocol, so the page's content security policy does not stand in its way.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await page.EvaluateAsync(AxeSource.Value);
        var result = await page.EvaluateAsync<JsonElement>(@"async () => {
            const r = await axe.run(document, { resultTypes: ['violations'] });
            return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' — ' + v.nodes.slice(0, 4).map(n => n.target.join(' ')).join(', '));
        }");
        return result.EnumerateArray().Select(v => v.GetString()!).ToList();
    }
}

using System.Net;
using System.Text.RegularExpressions;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Appeals;

/// <summary>The appeal pages without JavaScript: the form, the tracking page and the staff actions post like any browser.</summary>
public sealed partial class AppealPagesTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task Form_TypedAddressInKazakh_FilesOnceEvenWhenSentTwice_AndShowsTheTrackingPage()
    {
        using var browser = factory.Client("kk");
        var address = await GazetteerAddressAsync(browser);
        var form = await browser.GetStringAsync("/appeals/new");
        var fields = await FormAsync(form, new()
        {
            ["kind"] = "application", ["text"] = "Аулада түнде шу", ["addressText"] = address, ["name"] = "Айгүл", ["phone"] = "8 701 234 56 78", ["consent"] = "true",
        });

        var first = await browser.PostAsync("/appeals/new", new FormUrlEncodedContent(fields));
        var second = await browser.PostAsync("/appeals/new", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var tracking = await browser.GetStringAsync(first.Headers.Location!.OriginalString);
        Assert.Contains("өтінішіңіз тіркелді", tracking);
        Assert.Contains("Аулада түнде шу", tracking);
    }

    [Fact]
    public async Task Form_WithoutConsentInRussian_ShowsTheFieldErrorsAndFilesNothing()
    {
        using var browser = factory.Client("ru");
        var form = await browser.GetStringAsync("/appeals/new");
        var fields = await FormAsync(form, new() { ["kind"] = "application", ["text"] = "Текст", ["lat"] = "43.2510", ["lon"] = "76.9210", ["name"] = "Иван", ["email"] = $"x-{Guid.NewGuid():N}@test.kz" });

        var response = await browser.PostAsync("/appeals/new", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("Исправьте отмеченные ниже поля", page);
        Assert.Contains("согласие на обработку персональных данных", page);
        Assert.Empty(await factory.DeliveredToAsync(fields["email"]));
    }

    [Fact]
    public async Task Form_Anonymous_BecomesATipWithTheEmergencyNumbers()
    {
        using var browser = factory.Client("en");
        var form = await browser.GetStringAsync("/appeals/new");
        var text = "Drug dealing behind the school " + Guid.NewGuid().ToString("N");
        var fields = await FormAsync(form, new() { ["kind"] = "offenceReport", ["text"] = text, ["lat"] = "43.2510", ["lon"] = "76.9210", ["anonymous"] = "true" });

        var response = await browser.PostAsync("/appeals/new", new FormUrlEncodedContent(fields));

        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"tip-received\"", page);
        Assert.Contains("102", page);
        using var supervisor = await factory.SignedInWithCookieAsync("supervisor.almaly@demo.kz");
        Assert.Contains(text, await supervisor.GetStringAsync("/appeals/tips"));
    }

    [Fact]
    public async Task DetailPage_InspectorTakesAndAnswers_ResidentRatesOnTheTrackingPage()
    {
        using var guest = factory.Client();
        var (number, token, _) = await factory.FileAppealAsync(guest);
        using var inspector = await factory.SignedInWithCookieAsync("inspector1@demo.kz", language: "ru");

        var detail = await inspector.GetStringAsync($"/appeals/{number}");
        Assert.Contains("Test Resident", detail);
        await inspector.PostAsync($"/appeals/{number}?handler=Start", Antiforgery(detail, []));
        detail = await inspector.GetStringAsync($"/appeals/{number}");
        var answered = await inspector.PostAsync($"/appeals/{number}?handler=Answer", Antiforgery(detail, new() { ["answer"] = "Провели беседу с соседями." }));
        Assert.Contains("Выполнено", await answered.Content.ReadAsStringAsync());

        using var resident = factory.Client("ru");
        var tracking = await resident.GetStringAsync($"/appeals/track/{token}");
        Assert.Contains("Провели беседу с соседями.", tracking);
        var rated = await resident.PostAsync($"/appeals/track/{token}?handler=Rate", Antiforgery(tracking, new()
        {
            ["overall"] = "4", ["legality"] = "5", ["timeliness"] = "4", ["quality"] = "4", ["politeness"] = "5", ["awareness"] = "3",
        }));
        var after = await rated.Content.ReadAsStringAsync();
        Assert.Contains("спасибо за оценку", after);
        Assert.DoesNotContain("id=\"rate-form\"", after);
    }

    [Fact]
    public async Task DetailPage_InspectorTriesToExtend_GetsNoFormAnd403WhenPostingAnyway()
    {
        using var guest = factory.Client();
        var (number, _, _) = await factory.FileAppealAsync(guest);
        using var inspector = await factory.SignedInWithCookieAsync("inspector1@demo.kz");
        var detail = await inspector.GetStringAsync($"/appeals/{number}");

        Assert.DoesNotContain("handler=Extend", detail);
        var forced = await inspector.PostAsync($"/appeals/{number}?handler=Extend", Antiforgery(detail, new() { ["dueDate"] = "2099-01-01", ["reason"] = "x" }));
        Assert.Equal(HttpStatusCode.Forbidden, forced.StatusCode);
    }

    private static async Task<string> GazetteerAddressAsync(HttpClient client)
    {
        var hits = await (await client.GetAsync("/api/v1/addresses?q=Tole%20bi%2050")).JsonAsync();
        return hits.EnumerateArray().First(h => h.GetProperty("exactHouse").GetBoolean()).GetProperty("line").GetString()!;
    }

    private async Task<Dictionary<string, string>> FormAsync(string page, Dictionary<string, string> values)
    {
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = CookieSession.AntiforgeryToken(page),
            ["idempotencyKey"] = IdempotencyKey().Match(page).Groups[1].Value,
            ["categoryId"] = (await factory.CategoryIdAsync()).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in values) fields[key] = value;
        return fields;
    }

    private static FormUrlEncodedContent Antiforgery(string page, Dictionary<string, string> values)
    {
        values["__RequestVerificationToken"] = CookieSession.AntiforgeryToken(page);
        return new FormUrlEncodedContent(values);
    }

    [GeneratedRegex("name=\"idempotencyKey\" value=\"([^\"]+)\"")]
    private static partial Regex IdempotencyKey();
}

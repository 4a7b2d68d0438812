using Uchastok.Web.Tests.Support;

namespace Uchastok.Browser.Tests.Appeals;

/// <summary>On a phone: an applicant who gave only a phone number confirms it with the code in the first SMS, and from then on is told every step.</summary>
public sealed class ContactConfirmationJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task Applicant_InKazakh_ConfirmsHerNumberFromTheFirstSms_ThenTheNextMessageArrivesTheSameDay()
    {
        var phone = "+7707" + Random.Shared.Next(0, 10_000_000).ToString("D7", System.Globalization.CultureInfo.InvariantCulture);
        var page = await Host.NewPhonePageAsync(language: "kk");
        await page.GotoAsync("/appeals/new");
        await page.SelectOptionAsync("#kind", "application");
        await page.SelectOptionAsync("#categoryId", new Microsoft.Playwright.SelectOptionValue { Index = 2 });
        await page.FillAsync("#text", "Аулада түнде қатты музыка.");
        await page.SelectOptionAsync("#districtId", new Microsoft.Playwright.SelectOptionValue { Index = 1 });
        await page.FillAsync("#name", "Ботагөз Ахметова");
        await page.FillAsync("#phone", "8 " + phone[2..5] + " " + phone[5..]);
        await page.CheckAsync("input[name=consent]");
        await page.ClickAsync("#submit-appeal");
        await page.Locator("#filed").WaitForAsync();
        var number = (await page.InnerTextAsync("h1")).Split(' ')[0];
        // Not confirmed yet: the page says so and offers the form.
        await page.Locator("#confirm-contact").WaitForAsync();

        // She taps the link in the SMS: the code is filled in, and she confirms.
        var link = Assert.Single(await Host.LinksSentToAsync(phone));
        Assert.Contains("?confirm=", link);
        await page.GotoAsync(link);
        Assert.Matches(@"^\d{6}$", await page.InputValueAsync("#contact-code"));
        await PageChecks.AssertUsableAsync(page, "contact-confirm-kk");
        await page.ClickAsync("#confirm-contact-button");
        await page.Locator("#contact-message").WaitForAsync();
        Assert.Equal(0, await page.Locator("#confirm-contact").CountAsync());

        // Confirmed, a second message the same day goes out: a code for a lost link, asked for on the page.
        await page.GotoAsync("/appeals/recover");
        await page.FillAsync("#number", number);
        await page.FillAsync("#contact", phone);
        await page.ClickAsync("#send-code");
        await page.Locator("#code-sent").WaitForAsync();
        Assert.Equal(2, (await Host.DeliveredToAsync(phone)).Count);
        await page.Context.CloseAsync();
    }
}

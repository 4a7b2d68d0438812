using Microsoft.Playwright;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Browser.Tests.Appeals;

/// <summary>
/// The inspector's screen for one appeal, on a phone: he lands on his queue after signing in, sees
/// where the appeal is about (the nearest address and a map) and in which language to answer, and
/// cannot leave an appeal without consideration by a slip of the finger.
/// </summary>
public sealed class InspectorAppealScreenJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task Inspector_InRussian_SeesThePlaceAndTheLanguageOfAKazakhAppeal_AndMustConfirmLeavingIt()
    {
        using var kazakhGuest = Host.Client("kk");
        var (number, _, _) = await Host.FileAppealAsync(kazakhGuest);

        var inspector = await Host.SignInAsync("inspector1@demo.kz", "ru", phone: true);
        Assert.EndsWith("/appeals/queue", new Uri(inspector.Url).AbsolutePath);
        await PageChecks.AssertUsableAsync(inspector, "inspector-queue-ru");
        await inspector.ClickAsync($"#appeal-list tr[data-number='{number}'] a");

        Assert.Equal("kk", await inspector.GetAttributeAsync("#appeal-language", "data-language"));
        Assert.Contains("казахский", await inspector.InnerTextAsync("#appeal-language"));
        Assert.StartsWith("Рядом с адресом: ", await inspector.InnerTextAsync("#appeal-place"));
        Assert.Contains("Имя заявителя", await inspector.InnerTextAsync("#applicant"));
        Assert.DoesNotContain("Ваше имя", await inspector.InnerTextAsync("#applicant"));
        await inspector.Locator("#appeal-place-map path.appeal-pin").WaitForAsync();
        await PageChecks.AssertUsableAsync(inspector, "inspector-appeal-ru");

        await inspector.ClickAsync("#start");
        await inspector.Locator("#answer-language").WaitForAsync();
        Assert.Contains("казахский", await inspector.InnerTextAsync("#answer-language"));

        // Leaving without the confirmation ticked changes nothing and says why.
        await inspector.FillAsync("#leave-reason", "Повторное обращение по тому же вопросу.");
        await inspector.ClickAsync("#leave");
        await inspector.Locator("#appeal-message").WaitForAsync();
        Assert.Contains("Отметьте подтверждение", await inspector.InnerTextAsync("#appeal-message"));
        Assert.Equal("inProgress", await inspector.GetAttributeAsync("#appeal-state", "data-state"));
        await PageChecks.AssertUsableAsync(inspector, "inspector-leave-refused-ru");

        await inspector.FillAsync("#leave-reason", "Повторное обращение по тому же вопросу.");
        await inspector.CheckAsync("#leave-confirmed");
        await inspector.ClickAsync("#leave");
        await inspector.Locator("#appeal-state[data-state=leftWithoutConsideration]").WaitForAsync();
        await inspector.Context.CloseAsync();
    }
}

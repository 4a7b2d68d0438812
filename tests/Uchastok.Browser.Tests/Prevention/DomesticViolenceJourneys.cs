using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Rules.Prevention;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;

namespace Uchastok.Browser.Tests.Prevention;

/// <summary>
/// An inspector on a phone, in Kazakh, opens a domestic-violence case from a neighbour's report (no statement from the
/// victim), cannot send it to court before there is evidence and is told why, adds a witness's statement and a video by
/// its hash, draws up the protocol and sends the case to court. The inspector of another beat who opens the case's address
/// gets "not found".
/// </summary>
public sealed class DomesticViolenceJourneys(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private BrowserHost Host => fixture.Host;

    [Fact]
    public async Task Inspector_InKazakh_OpensACaseFromANeighboursReport_CannotSendItToCourtWithoutEvidence_ThenDoes_AndAnotherBeatsInspectorGetsNotFound()
    {
        var address = $"Төле би к-сі, 55, {Guid.NewGuid().ToString("N")[..5]} пәтер";
        var inspector = await Host.SignInAsync("inspector1@demo.kz", "kk", phone: true);
        await inspector.GotoAsync("/prevention/dv-cases");
        await PageChecks.AssertUsableAsync(inspector, "dv-cases-kk");

        await inspector.ClickAsync("#new-case");
        await inspector.WaitForURLAsync(url => url.EndsWith("/prevention/dv-cases/new", StringComparison.Ordinal));
        await PageChecks.AssertUsableAsync(inspector, "dv-case-new-kk");
        Assert.NotEqual("", await inspector.InputValueAsync("#beatId"));
        await inspector.SelectOptionAsync("#source", "NeighbourReport");
        await inspector.FillAsync("#address", address);
        await inspector.FillAsync("#summary", "Көршілер түнде пәтерден айқай мен төбелес дыбысы естілгенін хабарлады.");
        await BrowserHost.SubmitAsync(inspector, "#open");
        await inspector.WaitForURLAsync(url => url.Contains("/prevention/dv-cases/", StringComparison.Ordinal) && !url.EndsWith("/new", StringComparison.Ordinal));
        var caseUrl = new Uri(inspector.Url).AbsolutePath;
        var id = long.Parse(caseUrl.Split('/').Last(), CultureInfo.InvariantCulture);
        Assert.Contains("Көршілердің хабарламасы", await inspector.InnerTextAsync("#summary"));
        await PageChecks.AssertUsableAsync(inspector, "dv-case-opened-kk");

        // To court with no evidence: refused, and the page says why.
        var refused = await inspector.RunAndWaitForResponseAsync(() => inspector.ClickAsync("#step-SendToCourt"),
            response => response.Request.Method == "POST" && response.Request.ResourceType == "document");
        Assert.Equal(400, refused.Status);
        Assert.Contains("бірде-бір дәлел жоқ", await inspector.InnerTextAsync("#step-refusal"));
        Assert.Equal((DvCaseState.Detected, 0), await StoredAsync(id));
        await PageChecks.AssertUsableAsync(inspector, "dv-case-court-refused-kk");

        await inspector.SelectOptionAsync("#ev-kind", "WitnessStatement");
        await inspector.FillAsync("#ev-personName", "Сейітова Айгүл");
        await inspector.FillAsync("#ev-contact", "+77015550101");
        await inspector.FillAsync("#ev-text", "Қабырға арқылы соққы мен айқайды естідім, шамамен 23:00.");
        await BrowserHost.SubmitAsync(inspector, "#add-evidence");
        await PageChecks.AssertUsableAsync(inspector, "dv-case-statement-kk");

        const string hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
        var yesterday = KazakhstanTime.ToLocal(DateTime.UtcNow.AddDays(-1));
        await inspector.SelectOptionAsync("#ev-kind", "Video");
        await inspector.FillAsync("#ev-sha256", hash);
        await inspector.FillAsync("#ev-recordedAt", yesterday.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await inspector.FillAsync("#ev-source", "Кіреберіс камерасы №2");
        await BrowserHost.SubmitAsync(inspector, "#add-evidence");
        Assert.Contains("Куәнің айғағы", await inspector.InnerTextAsync("#evidence-list"));
        Assert.Contains(hash, await inspector.InnerTextAsync("#evidence-list"));
        Assert.Equal((DvCaseState.EvidenceCollected, 2), await StoredAsync(id));
        await PageChecks.AssertUsableAsync(inspector, "dv-case-evidence-kk");

        await inspector.FillAsync("#step-protocolNumber", "АП-2026-117");
        await BrowserHost.SubmitAsync(inspector, "#step-DrawUpProtocol");
        await BrowserHost.SubmitAsync(inspector, "#step-SendToCourt");
        Assert.Equal((DvCaseState.SentToCourt, 2), await StoredAsync(id));
        Assert.Contains("Сотқа жіберілді", await inspector.InnerTextAsync("#summary"));
        Assert.Contains("№ АП-2026-117", await inspector.InnerTextAsync("#steps"));
        await PageChecks.AssertUsableAsync(inspector, "dv-case-sent-to-court-kk");
        await inspector.Context.CloseAsync();

        var other = await Host.SignInAsync("inspector2@demo.kz", "kk", phone: true);
        var notFound = await other.GotoAsync(caseUrl);
        Assert.Equal(404, notFound!.Status);
        Assert.DoesNotContain(address, await other.ContentAsync());
        await PageChecks.AssertUsableAsync(other, "dv-case-other-inspector-kk");
        await other.Context.CloseAsync();
    }

    private async Task<(DvCaseState State, int Evidence)> StoredAsync(long id)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UchastokDbContext>();
        var state = await db.DvCases.AsNoTracking().Where(c => c.Id == id).Select(c => c.State).SingleAsync();
        return (state, await db.DvEvidence.CountAsync(e => e.CaseId == id));
    }
}

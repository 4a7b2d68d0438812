using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Tests.Support;
using Uchastok.Web.Tests.Trust;

namespace Uchastok.Web.Tests.Community;

/// <summary>Subscriptions confirmed by their link, mailings in each subscriber's language with a working unsubscribe link, and their delivery counts.</summary>
public sealed partial class MailingTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    private static object Mailing(int beatId, string marker) => new
    {
        beatId, kind = "SafetyAlert",
        subjectKk = "Алаяқтардан сақ болыңыз", subjectRu = "Осторожно, мошенники", subjectEn = "Beware of fraudsters",
        textKk = $"Банк қызметкеріміз деп қоңырау шалады. {marker}", textRu = $"Звонят от имени банка. {marker}", textEn = $"They call pretending to be the bank. {marker}",
    };

    private Task<string> SubscribeAndConfirmAsync(int beatId, string email, string language, bool confirm = true) =>
        SubscribeAndConfirmAsync(factory, beatId, email, language, confirm);

    /// <summary>Subscribes by the public API and, unless told not to, confirms by the link sent; returns the subscription's token.</summary>
    internal static async Task<string> SubscribeAndConfirmAsync(UchastokAppFactory factory, int beatId, string email, string language, bool confirm = true)
    {
        using var client = factory.Client(language);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/v1/subscriptions", new { beatId, email })).StatusCode);
        var confirmation = (await factory.DeliveredToAsync(email)).Last();
        var token = LinkToken().Match(confirmation.Body).Groups[1].Value;
        if (confirm) Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/v1/subscriptions/{token}/confirm", null)).StatusCode);
        return token;
    }

    [Fact]
    public async Task AMailing_ReachesConfirmedSubscribersInTheirLanguage_AndTheUnsubscribeLinkWorksWithoutLogin()
    {
        var (beatId, _) = await factory.BeatAtAsync("43.2510", "76.9210");
        var kazakh = $"kk-{Guid.NewGuid():N}@test.kz";
        var russian = $"ru-{Guid.NewGuid():N}@test.kz";
        var unconfirmed = $"pending-{Guid.NewGuid():N}@test.kz";
        await SubscribeAndConfirmAsync(beatId, kazakh, "kk");
        var russianToken = await SubscribeAndConfirmAsync(beatId, russian, "ru");
        await SubscribeAndConfirmAsync(beatId, unconfirmed, "en", confirm: false);
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        var marker = Guid.NewGuid().ToString("N")[..8];

        var sent = await inspector.PostAsJsonAsync("/api/v1/community/mailings", Mailing(beatId, marker));

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var toKazakh = (await factory.DeliveredToAsync(kazakh)).Single(m => m.Body.Contains(marker, StringComparison.Ordinal));
        Assert.Equal("Алаяқтардан сақ болыңыз", toKazakh.Subject);
        Assert.Contains("Жазылымнан бас тарту: ", toKazakh.Body);
        var toRussian = (await factory.DeliveredToAsync(russian)).Single(m => m.Body.Contains(marker, StringComparison.Ordinal));
        Assert.StartsWith("Звонят от имени банка.", toRussian.Body);
        Assert.DoesNotContain(await factory.DeliveredToAsync(unconfirmed), m => m.Body.Contains(marker, StringComparison.Ordinal));
        var mailing = (await (await inspector.GetAsync("/api/v1/community/mailings")).JsonAsync()).EnumerateArray().First();
        Assert.True(mailing.GetProperty("recipients").GetInt32() >= 2);
        Assert.Equal(mailing.GetProperty("recipients").GetInt32(), mailing.GetProperty("sent").GetInt32());
        Assert.Equal(0, mailing.GetProperty("failed").GetInt32());

        // The link at the foot leaves, with no account; the next mailing does not reach that address, and the address is erased.
        var footToken = LinkToken().Match(toRussian.Body).Groups[1].Value;
        Assert.Equal(russianToken, footToken);
        var page = await factory.Client("ru").GetAsync($"/subscriptions/{footToken}");
        Assert.Contains("id=\"unsubscribe\"", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await factory.Client().PostAsync($"/api/v1/subscriptions/{footToken}/unsubscribe", null)).StatusCode);
        var second = Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await inspector.PostAsJsonAsync("/api/v1/community/mailings", Mailing(beatId, second))).StatusCode);
        Assert.DoesNotContain(await factory.DeliveredToAsync(russian), m => m.Body.Contains(second, StringComparison.Ordinal));
        Assert.Contains(await factory.DeliveredToAsync(kazakh), m => m.Body.Contains(second, StringComparison.Ordinal));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Uchastok.Web.Shared.Data.UchastokDbContext>();
        Assert.False(await db.Subscriptions.AnyAsync(s => s.Address == russian));
    }

    [Fact]
    public async Task Unsubscribing_WithdrawsMessagesStillQueued_AndNoMessageKeepsTheAddress()
    {
        var (beatId, _) = await factory.BeatAtAsync("43.2510", "76.9210");
        var leaving = $"leaving-{Guid.NewGuid():N}@test.kz";
        var token = await SubscribeAndConfirmAsync(beatId, leaving, "ru");
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");
        var marker = Guid.NewGuid().ToString("N")[..8];
        var sent = await inspector.PostAsJsonAsync("/api/v1/community/mailings", Mailing(beatId, marker));
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var mailingId = (await sent.JsonAsync()).GetProperty("id").GetInt32();

        // The mailing is queued, not yet sent, when the subscriber leaves.
        Assert.Equal(HttpStatusCode.NoContent, (await factory.Client().PostAsync($"/api/v1/subscriptions/{token}/unsubscribe", null)).StatusCode);

        Assert.Empty(await factory.DeliveredToAsync(leaving));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Uchastok.Web.Shared.Data.UchastokDbContext>();
        Assert.False(await db.Outbox.AnyAsync(m => m.Recipient == leaving));
        Assert.False(await db.SinkMessages.AnyAsync(m => m.Recipient == leaving));
        var mailing = (await (await inspector.GetAsync("/api/v1/community/mailings")).JsonAsync()).EnumerateArray().Single(m => m.GetProperty("id").GetInt32() == mailingId);
        Assert.Equal(1, mailing.GetProperty("withdrawn").GetInt32());
        Assert.Equal(0, mailing.GetProperty("pending").GetInt32());
        Assert.Equal(mailing.GetProperty("recipients").GetInt32() - 1, mailing.GetProperty("sent").GetInt32());
        // An administrator cannot put a withdrawn message back in the queue.
        var withdrawn = await db.Outbox.Where(m => m.Topic == $"mailing:{mailingId}" && m.State == Uchastok.Web.Notifications.OutboxState.Withdrawn).Select(m => m.Id).SingleAsync();
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/v1/admin/outbox/{withdrawn}/retry", null)).StatusCode);
    }

    [Fact]
    public async Task TheAdministrator_SeesSubscribersMaskedInTheOutbox_AndEachReadOfTheSinkIsLogged()
    {
        var (beatId, _) = await factory.BeatAtAsync("43.2510", "76.9210");
        var local = $"masked{Guid.NewGuid():N}";
        await SubscribeAndConfirmAsync(beatId, $"{local}@test.kz", "kk");
        using var admin = await factory.SignedInAsync("admin@demo.kz");

        var outbox = await (await admin.GetAsync("/api/v1/admin/outbox")).Content.ReadAsStringAsync();
        var sink = await admin.GetAsync($"/api/v1/admin/outbox/sink?recipient={local}@test.kz");

        Assert.DoesNotContain(local, outbox);
        Assert.Contains($"\"{local[0]}***@test.kz\"", outbox);
        Assert.Single((await sink.JsonAsync()).EnumerateArray());
        var adminId = (await (await admin.GetAsync("/api/v1/auth/me")).JsonAsync()).GetProperty("id").GetString();
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Uchastok.Web.Shared.Data.UchastokDbContext>();
        Assert.True(await db.PersonalDataAccesses.AnyAsync(a => a.ReaderUserId == adminId && a.Purpose == "notification sink: 1 to m***@test.kz"));
    }

    [Fact]
    public async Task Mailings_AreCheckedInThreeLanguages_AndKeptToTheSendersScope()
    {
        var (beatId, districtId) = await factory.BeatAtAsync("43.2510", "76.9210");
        var otherBeat = (await factory.BeatsOfAsync(districtId)).First(b => b != beatId);
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz", language: "ru");

        var noKazakh = await inspector.PostAsJsonAsync("/api/v1/community/mailings", new { beatId, kind = "Information", subjectRu = "Тема", subjectEn = "Subject", textKk = "Мәтін", textRu = "Текст", textEn = "Text" });
        var otherBeats = await inspector.PostAsJsonAsync("/api/v1/community/mailings", Mailing(otherBeat, "x"));
        var wholeDistrict = await inspector.PostAsJsonAsync("/api/v1/community/mailings", new { districtId, kind = "Information", subjectKk = "Т", subjectRu = "Т", subjectEn = "S", textKk = "М", textRu = "Т", textEn = "T" });
        using var resident = await factory.SignedInAsync("resident1@demo.kz");

        Assert.Equal("Укажите тему на казахском, русском и английском.", (await noKazakh.JsonAsync()).GetProperty("errors").GetProperty("subject")[0].GetString());
        Assert.True((await otherBeats.JsonAsync()).HasError("beatId"));
        Assert.True((await wholeDistrict.JsonAsync()).HasError("districtId"));
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.PostAsJsonAsync("/api/v1/community/mailings", Mailing(beatId, "x"))).StatusCode);
        var badSubscription = await factory.Client("kk").PostAsJsonAsync("/api/v1/subscriptions", new { beatId, email = "not-an-email" });
        Assert.True((await badSubscription.JsonAsync()).HasError("email"));
        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");
        Assert.Equal(HttpStatusCode.Created, (await supervisor.PostAsJsonAsync("/api/v1/community/mailings", new { districtId, kind = "Invitation", subjectKk = "Т", subjectRu = "Т", subjectEn = "S", textKk = "М", textRu = "Т", textEn = "T" })).StatusCode);
    }

    [GeneratedRegex(@"/subscriptions/([A-Za-z0-9_\-]+)")]
    private static partial Regex LinkToken();
}

/// <summary>The sending limit holds across mailings. Its own host: the backlog it makes must not hold up the other tests' mailings.</summary>
public sealed class MailingThrottleTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task AMailing_QueuesBehindTheMessagesOfOthersStillWaiting()
    {
        var (beatId, _) = await factory.BeatAtAsync("43.2510", "76.9210");
        await MailingTests.SubscribeAndConfirmAsync(factory, beatId, $"throttled-{Guid.NewGuid():N}@test.kz", "en");
        // Another district's mailing of 130 messages is still waiting: more than a minute's worth.
        var queuedAt = DateTime.UtcNow;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Uchastok.Web.Shared.Data.UchastokDbContext>();
            db.Outbox.AddRange(Enumerable.Range(0, Uchastok.Web.Community.Mailings.PerMinute + 10).Select(i => new Uchastok.Web.Notifications.OutboxMessage
            {
                Channel = Uchastok.Web.Notifications.NotificationChannel.Email, Recipient = $"backlog-{i}@test.kz", Language = "kk",
                TemplateKey = Uchastok.Web.Notifications.DefaultTemplates.Mailing, Subject = "S", Body = "B", DedupeKey = $"backlog:{Guid.NewGuid():N}",
                Topic = "mailing:backlog", State = Uchastok.Web.Notifications.OutboxState.Pending, CreatedAtUtc = queuedAt, NextAttemptAtUtc = queuedAt,
            }));
            await db.SaveChangesAsync();
        }
        using var inspector = await factory.SignedInAsync("inspector1@demo.kz");

        var sent = await inspector.PostAsJsonAsync("/api/v1/community/mailings", new
        {
            beatId, kind = "Information", subjectKk = "Т", subjectRu = "Т", subjectEn = "S", textKk = "М", textRu = "Т", textEn = "T",
        });

        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var mailingId = (await sent.JsonAsync()).GetProperty("id").GetInt32();
        await using var check = factory.Services.CreateAsyncScope();
        var outbox = await check.ServiceProvider.GetRequiredService<Uchastok.Web.Shared.Data.UchastokDbContext>().Outbox
            .Where(m => m.Topic == $"mailing:{mailingId}").Select(m => m.NextAttemptAtUtc).ToListAsync();
        Assert.NotEmpty(outbox);
        Assert.All(outbox, due => Assert.True(due >= queuedAt.AddMinutes(1), $"{due:O} is within the minute of the waiting messages ({queuedAt:O})"));
    }
}

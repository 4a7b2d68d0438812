using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Uchastok.Rules.Appeals;
using Uchastok.Web.Calendar;
using Uchastok.Web.Notifications;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Appeals;

/// <summary>The calendar administrators keep moves the due dates of new appeals; the message templates exist in three languages.</summary>
public sealed class CalendarAndTemplatesTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task Calendar_AdminDeclaresAHolidayBeforeTheDueDate_NewAppealsAreDueOneWorkingDayLater()
    {
        using var guest = factory.Client();
        var (_, _, before) = await factory.FileAppealAsync(guest);
        var due = DateOnly.Parse(before.GetProperty("dueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var calendars = factory.Services.GetRequiredService<WorkingCalendarProvider>();
        var calendar = await calendars.GetAsync();
        // A working day between today and the due date becomes a holiday.
        var day = calendar.AddWorkingDays(calendars.Today(), 2);
        using var admin = await factory.SignedInAsync("admin@demo.kz");

        var set = await admin.PutAsJsonAsync($"/api/v1/calendar/{day:yyyy-MM-dd}", new { kind = "Holiday", nameKk = "Сынақ", nameRu = "Проверка", nameEn = "Test" });

        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        var (_, _, after) = await factory.FileAppealAsync(guest);
        var expected = (await calendars.GetAsync()).AddWorkingDays(due, 1);
        Assert.Equal(expected.ToString("yyyy-MM-dd"), after.GetProperty("dueDate").GetString());
        var year = await (await guest.GetAsync($"/api/v1/calendar?year={day.Year}")).JsonAsync();
        Assert.Contains(year.EnumerateArray(), d => d.GetProperty("date").GetString() == day.ToString("yyyy-MM-dd") && d.GetProperty("kind").GetString() == "Holiday");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/calendar/{day:yyyy-MM-dd}")).StatusCode);
    }

    [Fact]
    public async Task Calendar_WorkingDayOnAWeekday_IsRefusedInTheAdminsLanguage()
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz", language: "kk");

        var response = await admin.PutAsJsonAsync("/api/v1/calendar/2026-12-02", new { kind = "WorkingDay", nameKk = "а", nameRu = "б", nameEn = "c" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("сенбі немесе жексенбі", (await response.JsonAsync()).GetProperty("errors").GetProperty("kind")[0].GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void DefaultTemplates_EveryKey_HasKazakhRussianAndEnglish_WithWhatItsMessageMustSay()
    {
        // What each kind of message cannot do without: an appeal's number and link; a password reset's link; a recovery code; a reception's time and inspector; the report-meeting alert's inspector and quarter; a mailing's link to leave.
        string[] Required(string key) => key switch
        {
            DefaultTemplates.ReceptionCancelled => ["{when}", "{inspector}"],
            DefaultTemplates.ReceptionBooked or DefaultTemplates.ReceptionReminder => ["{when}", "{inspector}", "{link}"],
            DefaultTemplates.StaffReportMeetingDue => ["{inspector}", "{quarter}", "{link}"],
            DefaultTemplates.StaffReportsReady => ["{quarter}", "{count}", "{link}"],
            // A count and a date, never a name: the reminder leaves the system by e-mail.
            DefaultTemplates.StaffPreventionDue => ["{count}", "{date}", "{link}"],
            // A date and a link, never the holder's name: the reminder leaves the system by e-mail.
            DefaultTemplates.StaffPermitExpiring => ["{date}", "{link}"],
            DefaultTemplates.StaffSafetyEscalated => ["{reference}", "{level}", "{what}", "{place}", "{received}", "{link}"],
            DefaultTemplates.SubscriptionConfirm => ["{scope}", "{link}"],
            // Every mailing carries the link to leave.
            DefaultTemplates.Mailing => ["{subject}", "{text}", "{link}"],
            // A message to a domestic-violence victim is the staff member's neutral text and nothing else: no number, no link.
            DefaultTemplates.DomesticViolenceMessage => ["{text}"],
            // A password reset is its link; a lost appeal link's code names the appeal and carries no link at all.
            DefaultTemplates.PasswordReset => ["{link}"],
            DefaultTemplates.TrackingLinkCode => ["{number}", "{code}"],
            // The first message to a contact carries the code that confirms it.
            DefaultTemplates.RegisteredWithCode => ["{number}", "{link}", "{code}"],
            _ => ["{number}", "{link}"],
        };
        foreach (var key in DefaultTemplates.Keys)
        {
            foreach (var language in new[] { "kk", "ru", "en" })
            {
                Assert.True(DefaultTemplates.All.TryGetValue((key, language), out var text), $"{key} {language}");
                Assert.All(Required(key), placeholder => Assert.Contains(placeholder, text.Subject + text.Body));
            }
        }
    }

    [Fact]
    public async Task Templates_AdminEditsOne_NewMessagesUseItAndQueuedOnesDoNot()
    {
        using var admin = await factory.SignedInAsync("admin@demo.kz");
        // A new contact's registration is the template that carries the confirmation code.
        var edited = await admin.PutAsJsonAsync($"/api/v1/admin/notification-templates/{DefaultTemplates.RegisteredWithCode}/en",
            new { subject = "Received: {number}", body = "We have your appeal {number}. {link} {code}" });
        Assert.Equal(HttpStatusCode.NoContent, edited.StatusCode);

        using var guest = factory.Client("en");
        var body = await factory.AppealBodyAsync();
        var (number, _, _) = await factory.FileAppealAsync(guest, body);

        Assert.Contains(await factory.DeliveredToAsync((string)body["email"]!), m => m.Subject == $"Received: {number}");
        var restored = DefaultTemplates.All[(DefaultTemplates.RegisteredWithCode, "en")];
        await admin.PutAsJsonAsync($"/api/v1/admin/notification-templates/{DefaultTemplates.RegisteredWithCode}/en", new { subject = restored.Subject, body = restored.Body });
    }
}

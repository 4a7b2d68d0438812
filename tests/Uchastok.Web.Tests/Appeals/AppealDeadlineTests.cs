using Microsoft.Extensions.DependencyInjection;
using Uchastok.Web.Appeals;
using Uchastok.Web.Tests.Support;

namespace Uchastok.Web.Tests.Appeals;

/// <summary>Reminders and escalations: sent once each, across passes of the job.</summary>
public sealed class AppealReminderTests(ClockedAppFactory factory) : IClassFixture<ClockedAppFactory>
{
    [Fact]
    public async Task DeadlineJob_RemindsTheInspectorOnce_ThenTellsTheSupervisorOnce_WhenTheDueDatePasses()
    {
        using var guest = factory.Client();
        var (number, _, filed) = await factory.FileAppealAsync(guest);
        var due = DateOnly.Parse(filed.GetProperty("dueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        var job = factory.Services.GetRequiredService<AppealDeadlineJob>();

        // Filed Monday 2 November: due Monday 23 November; the reminder is due on Wednesday 18 November.
        Assert.Equal(new DateOnly(2026, 11, 23), due);
        await MoveToAsync(new DateOnly(2026, 11, 17));
        await job.RunOnceAsync();
        Assert.DoesNotContain(await factory.DeliveredToAsync("inspector1@demo.kz"), m => m.Subject.StartsWith(number, StringComparison.Ordinal));

        await MoveToAsync(new DateOnly(2026, 11, 18));
        await job.RunOnceAsync();
        await job.RunOnceAsync();
        var reminders = (await factory.DeliveredToAsync("inspector1@demo.kz")).Where(m => m.Subject.StartsWith(number, StringComparison.Ordinal)).ToList();
        var reminder = Assert.Single(reminders);
        Assert.Contains("23.11.2026", reminder.Subject);

        await MoveToAsync(new DateOnly(2026, 11, 24));
        await job.RunOnceAsync();
        await job.RunOnceAsync();
        Assert.Single(await factory.DeliveredToAsync("supervisor.almaly@demo.kz"), m => m.Subject.StartsWith(number, StringComparison.Ordinal));
    }

    private Task MoveToAsync(DateOnly day) => factory.MoveToAsync(day);
}

/// <summary>Closing after the answer: ten days for the applicant to confirm or contest, then the job closes it.</summary>
public sealed class AppealAutoCloseTests(ClockedAppFactory factory) : IClassFixture<ClockedAppFactory>
{
    [Fact]
    public async Task DeadlineJob_ClosesAnAnsweredAppealTenDaysAfterTheAnswer()
    {
        using var guest = factory.Client();
        var (number, token, _) = await factory.FileAppealAsync(guest);
        using (var inspector = await factory.SignedInAsync("inspector1@demo.kz"))
        {
            await inspector.ActAsync(number, "start");
            await inspector.ActAsync(number, "answer", new { answer = "Done." });
        }
        var answeredOn = factory.Services.GetRequiredService<Uchastok.Web.Calendar.WorkingCalendarProvider>().Today();
        var job = factory.Services.GetRequiredService<AppealDeadlineJob>();

        await MoveToAsync(answeredOn.AddDays(10));
        await job.RunOnceAsync();
        Assert.Equal("answered", (await (await guest.GetAsync($"/api/v1/appeals/track/{token}")).JsonAsync()).GetProperty("state").GetString());

        await MoveToAsync(answeredOn.AddDays(11));
        await job.RunOnceAsync();
        var tracked = await (await guest.GetAsync($"/api/v1/appeals/track/{token}")).JsonAsync();
        Assert.Equal("closed", tracked.GetProperty("state").GetString());
        Assert.Equal("autoClose", tracked.GetProperty("timeline").EnumerateArray().Last().GetProperty("action").GetString());
    }

    private Task MoveToAsync(DateOnly day) => factory.MoveToAsync(day);
}

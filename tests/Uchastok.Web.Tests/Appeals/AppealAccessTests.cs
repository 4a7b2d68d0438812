using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Uchastok.Web.Tests.Support;
using Uchastok.Web.Shared.Security;

namespace Uchastok.Web.Tests.Appeals;

/// <summary>Who may see which appeal: by number, by token, in lists, and never a complaint about oneself.</summary>
public sealed class AppealAccessTests(UchastokAppFactory factory) : IClassFixture<UchastokAppFactory>
{
    [Fact]
    public async Task ResidentA_CannotReadResidentBsAppeal_ByNumberListOrAttachment()
    {
        using var residentB = await factory.SignedInAsync("resident2@demo.kz");
        var body = await factory.AppealBodyAsync();
        body.Remove("email");
        var (number, token, _) = await factory.FileAppealAsync(residentB, body);
        using var residentA = await factory.SignedInAsync("resident1@demo.kz");

        Assert.Equal(HttpStatusCode.NotFound, (await residentA.GetAsync($"/api/v1/appeals/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await residentA.ActAsync(number, "confirm")).StatusCode);
        var listed = await (await residentA.GetAsync("/api/v1/appeals")).JsonAsync();
        Assert.DoesNotContain(listed.EnumerateArray(), a => a.GetProperty("number").GetString() == number);
        // The owner reads it by number; anyone holding the link reads it, without the applicant's details.
        Assert.Equal(number, (await residentB.AppealAsync(number)).GetProperty("number").GetString());
        using var anonymous = factory.Client();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/v1/appeals/track/{token}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/appeals/track/{token[..^2]}xx")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/appeals/{number}")).StatusCode);
    }

    [Fact]
    public async Task InspectorOfAnotherBeat_CannotReadTheAppeal_WhileTheBeatsInspectorSeesItInHisQueue()
    {
        using var guest = factory.Client();
        var (number, _, _) = await factory.FileAppealAsync(guest);
        var (otherBeat, otherDistrict) = await factory.BeatAtAsync("43.2600", "76.9400");
        var otherInspector = await factory.InspectorAtAsync(43.2600, 76.9400);
        using var other = await factory.SignedInAsync(await factory.CreateStaffAsync(Roles.Inspector, otherDistrict, otherInspector));
        using var inspector1 = await factory.SignedInAsync("inspector1@demo.kz");

        Assert.NotEqual((await factory.BeatAtAsync("43.2510", "76.9210")).BeatId, otherBeat);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/appeals/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.ActAsync(number, "start")).StatusCode);
        Assert.DoesNotContain((await (await other.GetAsync("/api/v1/appeals")).JsonAsync()).EnumerateArray(), a => a.GetProperty("number").GetString() == number);
        var queue = await (await inspector1.GetAsync("/api/v1/appeals")).JsonAsync();
        Assert.Contains(queue.EnumerateArray(), a => a.GetProperty("number").GetString() == number);
        var detail = await inspector1.AppealAsync(number);
        Assert.Equal("Test Resident", detail.GetProperty("applicant").GetProperty("name").GetString());
    }

    [Fact]
    public async Task ComplaintAboutTheBeatInspector_GoesToHisHead_AndHeNeverSeesIt()
    {
        using var guest = factory.Client();
        var body = await factory.AppealBodyAsync();
        body["kind"] = "complaint";
        body["categoryId"] = await factory.CategoryIdAsync("officer-conduct");
        body["aboutPoliceOfficer"] = true;
        body["concernsBeatInspector"] = true;
        var inspectorOfficer = await factory.InspectorAtAsync(AppealsClient.AlmalyLat, AppealsClient.AlmalyLon);

        var (number, _, filed) = await factory.FileAppealAsync(guest, body);

        using var inspector1 = await factory.SignedInAsync("inspector1@demo.kz");
        Assert.Equal(HttpStatusCode.NotFound, (await inspector1.GetAsync($"/api/v1/appeals/{number}")).StatusCode);
        Assert.DoesNotContain((await (await inspector1.GetAsync("/api/v1/appeals?state=all")).JsonAsync()).EnumerateArray(), a => a.GetProperty("number").GetString() == number);
        Assert.DoesNotContain((await (await inspector1.GetAsync($"/api/v1/appeals?q={number}")).JsonAsync()).EnumerateArray(), a => a.GetProperty("number").GetString() == number);
        Assert.Equal(HttpStatusCode.NotFound, (await inspector1.ActAsync(number, "start")).StatusCode);

        using var supervisor = await factory.SignedInAsync("supervisor.almaly@demo.kz");
        var detail = await supervisor.AppealAsync(number);
        Assert.Equal("supervisor", detail.GetProperty("queue").GetString());
        Assert.NotEqual(inspectorOfficer, detail.GetProperty("assignee").GetProperty("id").GetInt32());
        Assert.Equal(filed.GetProperty("assignee").GetProperty("name").GetString(), detail.GetProperty("assignee").GetProperty("name").GetString());
        // Nor can the complaint be handed to him.
        var handOver = await supervisor.ActAsync(number, "assign", new { officerId = inspectorOfficer });
        Assert.Equal(HttpStatusCode.BadRequest, handOver.StatusCode);
        Assert.True((await handOver.JsonAsync()).HasError("officerId"));
    }

    [Fact]
    public async Task ComplaintNotAsAComplaint_IsRefused()
    {
        using var guest = factory.Client();
        var body = await factory.AppealBodyAsync();
        body["aboutPoliceOfficer"] = true;

        var response = await guest.PostAppealAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.JsonAsync()).HasError("kind"));
    }

    [Fact]
    public async Task StaffReadingAnAppeal_IsLoggedAsPersonalDataAccess()
    {
        using var guest = factory.Client();
        var (number, _, _) = await factory.FileAppealAsync(guest);
        using var inspector1 = await factory.SignedInAsync("inspector1@demo.kz");

        await inspector1.AppealAsync(number);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Uchastok.Web.Shared.Data.UchastokDbContext>();
        Assert.True(await db.PersonalDataAccesses.AnyAsync(a => a.Purpose == $"appeal {number}"));
    }
}

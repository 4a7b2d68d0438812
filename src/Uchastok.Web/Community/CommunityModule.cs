using Microsoft.Extensions.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Community;

/// <summary>Community engagement (C10): meetings held with residents and preventive work on the beats.</summary>
public static class CommunityModule
{
    public static IServiceCollection AddCommunity(this IServiceCollection services)
    {
        services.AddScoped<CommunityRecords>();
        return services;
    }

    public static IEndpointRouteBuilder MapCommunityApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/community").RequireAuthorization(Policies.Staff).WithTags("Community");
        group.MapGet("/beats", (HttpContext http, CommunityRecords r, CancellationToken ct) => r.BeatsAsync(http.User, ct))
            .WithSummary("The beats the caller may record meetings and preventive work for.");
        group.MapPost("/meetings", async (MeetingInput body, HttpContext http, CommunityRecords r, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var (meeting, errors) = await r.RecordMeetingAsync(body, http.User, ct);
            return meeting is null ? (IResult)Problems.Validation(l, errors) : TypedResults.Created($"/api/v1/community/meetings/{meeting.Id}", meeting);
        }).WithSummary("Record a meeting held with a beat's residents; it is credited to the beat's inspector.");
        group.MapPost("/activities", async (ActivityInput body, HttpContext http, CommunityRecords r, IStringLocalizer<SharedResource> l, CancellationToken ct) =>
        {
            var (activity, errors) = await r.RecordActivityAsync(body, http.User, ct);
            return activity is null ? (IResult)Problems.Validation(l, errors) : TypedResults.Created($"/api/v1/community/activities/{activity.Id}", activity);
        }).WithSummary("Record preventive or community work done on a beat.");
        return app;
    }
}

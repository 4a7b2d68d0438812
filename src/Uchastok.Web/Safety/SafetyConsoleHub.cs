using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;

namespace Uchastok.Web.Safety;

/// <summary>
/// The duty console's live channel (<c>/hubs/safety-console</c>): the server calls the client method <c>incident</c>
/// with a <see cref="ConsoleIncidentView"/> whenever an incident of the console's district gets a step. Same sign-in
/// (the cookie, or a bearer token for a client that is not a browser), roles and scope as the console page: a
/// district's duty officer and supervisor join the district's group, an administrator the group of all. Clients
/// call nothing on it: acknowledging and closing go through the API, where they are checked and audited.
/// A connection is closed when its sign-in expires (<c>CloseOnAuthenticationExpiration</c>) and when, at the feed's
/// re-check every <c>Safety:ConnectionRecheck</c> (a minute), its session was ended or its account lost the role or
/// the district it joined with (<see cref="SafetyConsoleFeed.RecheckConnectionsAsync"/>).
/// </summary>
[Authorize(Policy = Policies.DutyConsole)]
public sealed class SafetyConsoleHub(ConsoleConnections connections, ILogger<SafetyConsoleHub> logger) : Hub
{
    public const string Path = "/hubs/safety-console";
    public const string ClientMethod = "incident";

    public override async Task OnConnectedAsync()
    {
        var user = Context.User ?? new ClaimsPrincipal();
        // A page of another site could open a WebSocket here with the visitor's cookie (browsers send a Lax cookie on a
        // same-site request only, but an old one may not): a browser's connection must come from this site.
        var request = Context.GetHttpContext()?.Request;
        if (ConsoleScope.Of(user) is not { } scope || (request is not null && !CrossSiteApiWrites.SameOrigin(request))
            || user.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
        {
            logger.LogWarning("A console connection without a console or from another site was closed");
            Context.Abort();
            return;
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, scope.Group);
        var context = Context;
        connections.Add(Context.ConnectionId, new ConsoleConnections.Reader(userId, scope.All ? null : scope.District), user, scope, () => context.Abort());
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}

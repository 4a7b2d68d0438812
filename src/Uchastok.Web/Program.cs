using Uchastok.Web.Appeals;
using Uchastok.Web.BeatDesign;
using Uchastok.Web.Calendar;
using Uchastok.Web.Community;
using Uchastok.Web.CrimeAnalytics;
using Uchastok.Web.Evaluation;
using Uchastok.Web.Host;
using Uchastok.Web.Integrations;
using Uchastok.Web.Notifications;
using Uchastok.Web.PatrolPlanning;
using Uchastok.Web.Prevention;
using Uchastok.Web.Protocols;
using Uchastok.Web.Safety;
using Uchastok.Web.Shared.Data;
using Uchastok.Web.Shared.Localization;
using Uchastok.Web.Shared.Security;
using Uchastok.Web.Shared.Web;
using Uchastok.Web.Territory;
using Uchastok.Web.Transparency;
using Uchastok.Web.Trust;
using Uchastok.Web.Weapons;
using Uchastok.Web.Accounts;
using Uchastok.Web.WeaponSeizures;

var builder = WebApplication.CreateBuilder(args);
if (builder.Configuration["UCHASTOK_URLS"] is { Length: > 0 } urls) builder.WebHost.UseUrls(urls);
var databaseCommand = ShellCommands.IsDatabase(args);
var commandLine = databaseCommand || ShellCommands.IsBeats(args);
// On the command line stdout carries the command's output (an export may be piped), so logs go to stderr.
if (commandLine) builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

var database = DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services
    .AddUchastokDatabase(database, builder.Configuration)
    .AddUchastokBackup(builder.Configuration, database)
    .AddUchastokLocalization()
    .AddUchastokAuthorization()
    .AddUchastokWeb(builder.Configuration)
    .AddAccounts()
    .AddTerritory()
    .AddCalendar()
    .AddNotifications(builder.Configuration)
    .AddAppeals()
    .AddIntegrations(builder.Configuration)
    .AddBeatDesign(builder.Configuration)
    .AddCommunity()
    .AddTrust(builder.Configuration)
    .AddPrevention()
    .AddProtocols()
    .AddSafety(builder.Configuration)
    .AddPatrolPlanning()
    .AddWeapons(builder.Configuration)
    .AddEvaluation()
    .AddCrimeAnalytics(builder.Configuration)
    .AddTransparency()
    .AddWeaponSeizures();

var app = builder.Build();
if (databaseCommand) return await ShellCommands.RunAsync(app.Services, args);
// A serving host marks its SQLite database in use before migrating it, so a restore cannot replace it underneath.
if (!commandLine) app.Services.GetService<SqliteServingLock>()?.Acquire();
await Startup.PrepareAsync(app.Services, app.Configuration, app.Environment);

if (commandLine) return await ShellCommands.RunAsync(app.Services, args);

app.UseUchastokWeb();
app.UseRevokedDevices();
app.UseIntegrations();
app.MapUchastokWeb();
app.MapAccountsApi();
app.MapTerritoryApi();
app.MapCalendarApi();
app.MapAppealsApi();
app.MapAppealsAdministrationApi();
app.MapIntegrationsApi();
app.MapBeatDesignApi();
app.MapCommunityApi();
app.MapTrustApi();
app.MapPreventionApi();
app.MapProtocolsApi();
app.MapSafetyApi();
app.MapPatrolPlanningApi();
app.MapWeaponsApi();
app.MapEvaluationApi();
app.MapCrimeAnalyticsApi();
app.MapTransparencyApi();
app.MapWeaponSeizuresApi();
await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;

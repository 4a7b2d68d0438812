using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Uchastok.Web.Appeals;
using Uchastok.Web.BeatDesign;
using Uchastok.Web.Calendar;
using Uchastok.Web.Community;
using Uchastok.Web.Evaluation;
using Uchastok.Web.Integrations;
using Uchastok.Web.Notifications;
using Uchastok.Web.Prevention;
using Uchastok.Web.Protocols;
using Uchastok.Web.Territory;
using Uchastok.Web.Trust;
using Uchastok.Web.Accounts;
using Uchastok.Web.WeaponSeizures;

namespace Uchastok.Web.Shared.Data;

/// <summary>
/// The one EF Core model of Uchastok. Each provider has a subclass only so that it can keep
/// its own migrations (<see cref="SqliteUchastokDbContext"/>, <see cref="PostgresUchastokDbContext"/>);
/// everything else asks for this type. Tables are prefixed with the capability that owns them.
/// </summary>
public abstract class UchastokDbContext(DbContextOptions options) : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<District> Districts => Set<District>();
    public DbSet<Beat> Beats => Set<Beat>();
    public DbSet<Officer> Officers => Set<Officer>();
    public DbSet<ReceptionPoint> ReceptionPoints => Set<ReceptionPoint>();
    public DbSet<Street> Streets => Set<Street>();
    public DbSet<Address> Addresses => Set<Address>();
    public DbSet<SmallArea> SmallAreas => Set<SmallArea>();
    public DbSet<TerritoryRevision> TerritoryRevisions => Set<TerritoryRevision>();
    public DbSet<PersonalDataAccess> PersonalDataAccesses => Set<PersonalDataAccess>();
    public DbSet<AccountSession> AccountSessions => Set<AccountSession>();
    public DbSet<SignInLockout> SignInLockouts => Set<SignInLockout>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Security.SearchKey> SearchKeys => Set<Security.SearchKey>();
    public DbSet<CalendarDayRecord> CalendarDays => Set<CalendarDayRecord>();
    public DbSet<AppealCategory> AppealCategories => Set<AppealCategory>();
    public DbSet<AppealKindSetting> AppealKindSettings => Set<AppealKindSetting>();
    public DbSet<AppealSequence> AppealSequences => Set<AppealSequence>();
    public DbSet<Appeal> Appeals => Set<Appeal>();
    public DbSet<AppealEvent> AppealEvents => Set<AppealEvent>();
    public DbSet<AppealAttachment> AppealAttachments => Set<AppealAttachment>();
    public DbSet<AppealRating> AppealRatings => Set<AppealRating>();
    public DbSet<AppealIdempotencyKey> AppealIdempotencyKeys => Set<AppealIdempotencyKey>();
    public DbSet<Tip> Tips => Set<Tip>();
    public DbSet<TrackingLinkCode> TrackingLinkCodes => Set<TrackingLinkCode>();
    public DbSet<ApplicantContact> ApplicantContacts => Set<ApplicantContact>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<NotificationTemplate> NotificationTemplates => Set<NotificationTemplate>();
    public DbSet<SinkMessage> SinkMessages => Set<SinkMessage>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<ApiKeyUsage> ApiKeyUsage => Set<ApiKeyUsage>();
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<IncidentImport> IncidentImports => Set<IncidentImport>();
    public DbSet<DesignRun> DesignRuns => Set<DesignRun>();
    public DbSet<BeatVersion> BeatVersions => Set<BeatVersion>();
    public DbSet<Survey> Surveys => Set<Survey>();
    public DbSet<SurveyQuestion> SurveyQuestions => Set<SurveyQuestion>();
    public DbSet<SurveyPlace> SurveyPlaces => Set<SurveyPlace>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
    public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();
    public DbSet<SurveyTokenUse> SurveyTokenUses => Set<SurveyTokenUse>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<PreventiveActivity> PreventiveActivities => Set<PreventiveActivity>();
    public DbSet<NeighbourhoodPriority> Priorities => Set<NeighbourhoodPriority>();
    public DbSet<ReceptionBooking> ReceptionBookings => Set<ReceptionBooking>();
    public DbSet<Subscription> Subscriptions => Set<Subscription>();
    public DbSet<Mailing> Mailings => Set<Mailing>();
    public DbSet<PreventionCategoryRecord> PreventionCategories => Set<PreventionCategoryRecord>();
    public DbSet<PreventionEntry> PreventionEntries => Set<PreventionEntry>();
    public DbSet<PreventionAction> PreventionActions => Set<PreventionAction>();
    public DbSet<PreventionEvent> PreventionEvents => Set<PreventionEvent>();
    public DbSet<JuvenileDelivery> JuvenileDeliveries => Set<JuvenileDelivery>();
    public DbSet<JuvenileGatheringPlace> JuvenileGatheringPlaces => Set<JuvenileGatheringPlace>();
    public DbSet<DvCase> DvCases => Set<DvCase>();
    public DbSet<DvEvidence> DvEvidence => Set<DvEvidence>();
    public DbSet<DvMeasureType> DvMeasureTypes => Set<DvMeasureType>();
    public DbSet<DvMeasure> DvMeasures => Set<DvMeasure>();
    public DbSet<DvSettings> DvSettings => Set<DvSettings>();
    public DbSet<Protocol> Protocols => Set<Protocol>();
    public DbSet<ProtocolSignature> ProtocolSignatures => Set<ProtocolSignature>();
    public DbSet<ProtocolAddendum> ProtocolAddenda => Set<ProtocolAddendum>();
    public DbSet<ProtocolSigningRefusal> ProtocolSigningRefusals => Set<ProtocolSigningRefusal>();
    public DbSet<ProtocolOffenceArticle> ProtocolOffenceArticles => Set<ProtocolOffenceArticle>();
    public DbSet<KpiWeightSetting> KpiWeightSettings => Set<KpiWeightSetting>();
    public DbSet<Safety.SafetyIncident> SafetyIncidents => Set<Safety.SafetyIncident>();
    public DbSet<Safety.SafetyIncidentStep> SafetyIncidentSteps => Set<Safety.SafetyIncidentStep>();
    public DbSet<Safety.SafetyIncidentPhoto> SafetyIncidentPhotos => Set<Safety.SafetyIncidentPhoto>();
    public DbSet<Safety.SafetyDevice> SafetyDevices => Set<Safety.SafetyDevice>();
    public DbSet<Weapons.WeaponHolder> WeaponHolders => Set<Weapons.WeaponHolder>();
    public DbSet<Weapons.CivilWeapon> CivilWeapons => Set<Weapons.CivilWeapon>();
    public DbSet<Weapons.WeaponHolderImport> WeaponHolderImports => Set<Weapons.WeaponHolderImport>();
    public DbSet<Weapons.StorageSite> StorageSites => Set<Weapons.StorageSite>();
    public DbSet<Weapons.StorageInspection> StorageInspections => Set<Weapons.StorageInspection>();
    public DbSet<Weapons.StorageBreach> StorageBreaches => Set<Weapons.StorageBreach>();
    public DbSet<Transparency.QuarterlyReport> QuarterlyReports => Set<Transparency.QuarterlyReport>();
    public DbSet<WeaponSeizure> WeaponSeizures => Set<WeaponSeizure>();
    public DbSet<WeaponSeizureItem> WeaponSeizureItems => Set<WeaponSeizureItem>();
    public DbSet<WeaponSeizureDeterminant> WeaponSeizureDeterminants => Set<WeaponSeizureDeterminant>();
    public DbSet<PatrolPlanning.PatrolSuggestionSet> PatrolSuggestionSets => Set<PatrolPlanning.PatrolSuggestionSet>();
    public DbSet<PatrolPlanning.PatrolSuggestion> PatrolSuggestions => Set<PatrolPlanning.PatrolSuggestion>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<ApplicationUser>().ToTable("accounts_users");
        builder.Entity<IdentityRole>().ToTable("accounts_roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("accounts_user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("accounts_user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("accounts_user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("accounts_user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("accounts_role_claims");
        builder.Entity<DataProtectionKey>().ToTable("shared_data_protection_keys");
        builder.ApplyConfigurationsFromAssembly(typeof(UchastokDbContext).Assembly);
    }
}

public sealed class SqliteUchastokDbContext(DbContextOptions<SqliteUchastokDbContext> options) : UchastokDbContext(options);

public sealed class PostgresUchastokDbContext(DbContextOptions<PostgresUchastokDbContext> options) : UchastokDbContext(options);

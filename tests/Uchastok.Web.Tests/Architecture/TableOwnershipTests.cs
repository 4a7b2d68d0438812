using Microsoft.EntityFrameworkCore;
using Mono.Cecil;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Tests.Architecture;

/// <summary>
/// One writer per table (src/Uchastok.Web/Shared/Data/README.md, "Who writes which table"): the module whose
/// namespace holds an entity class is the only one that adds, changes or deletes its rows. Others read, or call
/// the owner's command. The IL of every method of Uchastok.Web is read (<see cref="TableWriteScanner"/>); the
/// owners come from the EF model.
/// </summary>
public sealed class TableOwnershipTests
{
    /// <summary>
    /// The one exception. Demo seeding fills every table of an empty database with a year of invented history,
    /// in bulk and back-dated, as a test fixture would; going through each module's commands would take minutes
    /// and would not be history (commands stamp the present time and send messages).
    /// </summary>
    private const string DemoSeeding = "Demo";

    [Fact]
    public void EveryTable_IsWrittenOnlyByItsOwningModule()
    {
        var foreign = TableWrite.Lines(ScanUchastokWeb().Where(w => w.CrossesModules));

        Assert.True(foreign.Count == 0,
            $"{foreign.Count} method(s) write another module's table; call the owning module's command instead:\n" + string.Join("\n", foreign));
    }

    [Fact]
    public void TheCommandsOthersCall_AreFoundWritingTheirOwnTables()
    {
        var lines = TableWrite.Lines(ScanUchastokWeb());

        // The scanner sees writes through a DbSet, through ExecuteUpdate and through Identity: it is not blind.
        Assert.Contains("Accounts.PersonalDataLog.RecordAsync writes Accounts.PersonalDataAccess (DbSet.Add, sets AtUtc, sets Purpose, sets ReaderUserId, sets SubjectUserId)", lines);
        Assert.Contains("Notifications.Outbox.EnqueueAsync writes Notifications.OutboxMessage (DbSet.Add, sets Body, sets Channel, sets CreatedAtUtc, sets DedupeKey, sets Language, sets NextAttemptAtUtc, sets Recipient, sets State, sets Subject, sets TemplateKey, sets Topic, sets WithdrawalTopic)", lines);
        Assert.Contains("Notifications.Outbox.WithdrawAsync writes Notifications.OutboxMessage (ExecuteUpdate)", lines);
        Assert.Contains("Notifications.Outbox.WithdrawAsync writes Notifications.SinkMessage (ExecuteUpdate)", lines);
        Assert.Contains("Appeals.AppealFeedbackCommands.AddSystemNoteAsync writes Appeals.AppealEvent (DbSet.Add, sets AppealId, sets AtUtc, sets IsPublic, sets Kind, sets Text, sets ToState)", lines);
        Assert.Contains("Accounts.PasswordSignIn.ResetPasswordAsync writes Accounts.ApplicationUser (UserManager.ResetPasswordAsync)", lines);
    }

    [Fact]
    public void ADeliberateViolation_IsFound_InEveryWayOfWriting_AndReadsAreNot()
    {
        using var db = ModelOnly();
        var scanner = TableWriteScanner.For(db);
        using var assembly = AssemblyDefinition.ReadAssembly(typeof(DeliberateViolation).Assembly.Location);

        var writes = scanner.Scan(assembly, type => type.FullName == typeof(DeliberateViolation).FullName);

        Assert.All(writes, w => Assert.True(w.CrossesModules, w.ToString()));
        Assert.Equal(
        [
            "Tests.DeliberateViolation.Drop writes Notifications.NotificationTemplate (DbContext.Remove)",
            "Tests.DeliberateViolation.EmptySinkAsync writes Notifications.SinkMessage (SQL DELETE FROM)",
            "Tests.DeliberateViolation.ForgetReadsAsync writes Accounts.PersonalDataAccess (ExecuteDelete)",
            "Tests.DeliberateViolation.MarkChanged writes Notifications.NotificationTemplate (Entry.State)",
            "Tests.DeliberateViolation.QueueAsync writes Notifications.OutboxMessage (DbSet.Add, sets Body, sets DedupeKey, sets Language, sets Recipient, sets Subject, sets TemplateKey)",
            "Tests.DeliberateViolation.Rename writes Notifications.NotificationTemplate (sets Subject)",
            "Tests.DeliberateViolation.RenameUserAsync writes Accounts.ApplicationUser (UserManager.SetUserNameAsync)",
            "Tests.DeliberateViolation.RewriteAll writes Notifications.NotificationTemplate (sets Body)",
            "Tests.DeliberateViolation.WithdrawAsync writes Notifications.OutboxMessage (ExecuteUpdate)",
        ], TableWrite.Lines(writes));
    }

    [Fact]
    public void EveryEntity_HasAnOwningModule()
    {
        using var db = ModelOnly();
        var owners = TableWriteScanner.For(db).Entities.Select(e => e.Owner).Distinct().Order(StringComparer.Ordinal).ToList();

        Assert.Equal(
            ["Accounts", "Appeals", "BeatDesign", "Calendar", "Community", "Evaluation", "Integrations", "Notifications", "PatrolPlanning", "Prevention", "Protocols", "Safety", "Shared", "Territory", "Transparency", "Trust", "WeaponSeizures", "Weapons"],
            owners);
    }

    private static IReadOnlyList<TableWrite> ScanUchastokWeb()
    {
        using var db = ModelOnly();
        var scanner = TableWriteScanner.For(db);
        using var assembly = AssemblyDefinition.ReadAssembly(typeof(UchastokDbContext).Assembly.Location);
        return scanner.Scan(assembly, type => !IsExempt(type));
    }

    /// <summary>
    /// Demo seeding (see <see cref="DemoSeeding"/>); and the model itself: the DbContext, its entity configurations
    /// and the generated migrations describe tables, they do not write rows of a module.
    /// </summary>
    private static bool IsExempt(TypeDefinition type) =>
        TableWriteScanner.ModuleOf(type.Namespace, type.Name) == DemoSeeding
        || type.Namespace.StartsWith("Uchastok.Web.Shared.Data.Migrations", StringComparison.Ordinal)
        || type.FullName == typeof(UchastokDbContext).FullName || type.BaseType?.FullName == typeof(UchastokDbContext).FullName
        || type.Interfaces.Any(i => i.InterfaceType.GetElementType().FullName == "Microsoft.EntityFrameworkCore.IEntityTypeConfiguration`1");

    /// <summary>The model of the SQLite provider; building it opens no connection.</summary>
    private static SqliteUchastokDbContext ModelOnly() =>
        new(new DbContextOptionsBuilder<SqliteUchastokDbContext>().UseSqlite("Data Source=:memory:").Options);
}

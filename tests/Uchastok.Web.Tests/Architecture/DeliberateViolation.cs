using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Uchastok.Web.Accounts;
using Uchastok.Web.Notifications;
using Uchastok.Web.Shared.Data;

namespace Uchastok.Web.Tests.Architecture;

/// <summary>
/// Writes into Notifications' and Accounts' tables from module "Tests" (the namespace <c>Uchastok.Web.Tests</c>), in
/// every way <see cref="TableWriteScanner"/> knows: <see cref="TableOwnershipTests"/> checks that each is found. It is
/// never run; only its IL is read.
/// </summary>
internal sealed class DeliberateViolation(UchastokDbContext db, UserManager<ApplicationUser> users)
{
    public async Task QueueAsync()
    {
        db.Outbox.Add(new OutboxMessage { Recipient = "x@test.kz", Language = "kk", TemplateKey = "t", Subject = "s", Body = "b", DedupeKey = "k" });
        await db.SaveChangesAsync();
    }

    public Task<int> WithdrawAsync(string topic) =>
        db.Outbox.Where(m => m.Topic == topic).ExecuteUpdateAsync(s => s.SetProperty(m => m.State, OutboxState.Withdrawn));

    public async Task ForgetReadsAsync(string userId) =>
        await db.PersonalDataAccesses.Where(a => a.ReaderUserId == userId).ExecuteDeleteAsync();

    public void Rename(NotificationTemplate template) => template.Subject = "renamed";

    public void RewriteAll(List<NotificationTemplate> templates) => templates.ForEach(t => t.Body = "rewritten");

    public void Drop(NotificationTemplate template) => db.Remove(template);

    public void MarkChanged(NotificationTemplate template) => db.Entry(template).State = EntityState.Modified;

    public Task<int> EmptySinkAsync() => db.Database.ExecuteSqlRawAsync("DELETE FROM notifications_sink WHERE 1 = 0");

    public Task<IdentityResult> RenameUserAsync(ApplicationUser user) => users.SetUserNameAsync(user, "renamed");

    /// <summary>Reads only: reading another module's table is allowed.</summary>
    public async Task<int> CountAsync() =>
        await db.Outbox.AsNoTracking().CountAsync(m => m.Subject.Length > 0) + (await db.NotificationTemplates.FirstAsync()).Body.Length;
}

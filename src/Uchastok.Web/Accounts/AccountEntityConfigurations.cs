using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Uchastok.Web.Accounts;

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.ProtectedIin).HasMaxLength(500);
        builder.Property(u => u.MaskedIin).HasMaxLength(12);
        builder.Property(u => u.IinHash).HasMaxLength(64);
        builder.Property(u => u.PreferredLanguage).HasMaxLength(2);
        builder.HasIndex(u => u.PhoneNumber);
        // The police-witness check (Protocols) asks which IINs belong to police accounts: an index look-up, not a scan.
        builder.HasIndex(u => u.IinHash);
    }
}

internal sealed class PersonalDataAccessConfiguration : IEntityTypeConfiguration<PersonalDataAccess>
{
    public void Configure(EntityTypeBuilder<PersonalDataAccess> builder)
    {
        builder.ToTable("accounts_personal_data_access");
        builder.Property(a => a.ReaderUserId).HasMaxLength(450);
        builder.Property(a => a.SubjectUserId).HasMaxLength(450);
        builder.Property(a => a.Purpose).HasMaxLength(200);
        builder.HasIndex(a => a.SubjectUserId);
        builder.Property(a => a.RecordKind).HasMaxLength(40);
        builder.Property(a => a.RecordId).HasMaxLength(64);
        // A record's own access history is read by its supervisor: by record, newest first.
        builder.HasIndex(a => new { a.RecordKind, a.RecordId, a.AtUtc });
    }
}

internal sealed class AccountSessionConfiguration : IEntityTypeConfiguration<AccountSession>
{
    public void Configure(EntityTypeBuilder<AccountSession> builder)
    {
        builder.ToTable("accounts_sessions");
        builder.Property(s => s.Id).HasMaxLength(32);
        builder.Property(s => s.UserId).HasMaxLength(450);
        builder.Property(s => s.Kind).HasMaxLength(10);
        builder.Property(s => s.SecurityStamp).HasMaxLength(256);
        builder.Property(s => s.RevokedReason).HasMaxLength(40);
        builder.HasIndex(s => s.UserId);
        builder.HasIndex(s => s.ExpiresAtUtc);
    }
}

internal sealed class SignInLockoutConfiguration : IEntityTypeConfiguration<SignInLockout>
{
    public void Configure(EntityTypeBuilder<SignInLockout> builder)
    {
        builder.ToTable("accounts_sign_in_lockouts");
        builder.HasKey(l => new { l.UserId, l.Network });
        builder.Property(l => l.UserId).HasMaxLength(450);
        builder.Property(l => l.Network).HasMaxLength(64);
        builder.HasIndex(l => l.LastFailureUtc);
    }
}

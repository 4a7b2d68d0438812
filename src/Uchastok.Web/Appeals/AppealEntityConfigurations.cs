using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Uchastok.Web.Appeals;

internal sealed class AppealCategoryConfiguration : IEntityTypeConfiguration<AppealCategory>
{
    public void Configure(EntityTypeBuilder<AppealCategory> builder)
    {
        builder.ToTable("appeals_categories");
        builder.Property(c => c.Code).HasMaxLength(40);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.NameKk).HasMaxLength(200);
        builder.Property(c => c.NameRu).HasMaxLength(200);
        builder.Property(c => c.NameEn).HasMaxLength(200);
    }
}

internal sealed class AppealKindSettingConfiguration : IEntityTypeConfiguration<AppealKindSetting>
{
    public void Configure(EntityTypeBuilder<AppealKindSetting> builder)
    {
        builder.ToTable("appeals_kind_settings");
        builder.HasKey(k => k.Kind);
        builder.Property(k => k.Kind).HasConversion<string>().HasMaxLength(30);
    }
}

internal sealed class AppealSequenceConfiguration : IEntityTypeConfiguration<AppealSequence>
{
    public void Configure(EntityTypeBuilder<AppealSequence> builder)
    {
        builder.ToTable("appeals_sequences");
        builder.HasKey(s => s.Year);
        builder.Property(s => s.Year).ValueGeneratedNever();
    }
}

internal sealed class AppealConfiguration : IEntityTypeConfiguration<Appeal>
{
    public void Configure(EntityTypeBuilder<Appeal> builder)
    {
        builder.ToTable("appeals");
        builder.Property(a => a.Number).HasMaxLength(30);
        builder.HasIndex(a => a.Number).IsUnique();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.State).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Queue).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Text).HasMaxLength(AppealInput.MaxTextLength);
        builder.Property(a => a.AddressText).HasMaxLength(300);
        builder.Property(a => a.ApplicantUserId).HasMaxLength(450);
        builder.Property(a => a.ApplicantName).HasMaxLength(200);
        builder.Property(a => a.ApplicantPhone).HasMaxLength(20);
        builder.Property(a => a.ApplicantEmail).HasMaxLength(256);
        builder.Property(a => a.ApplicantProtectedIin).HasMaxLength(500);
        builder.Property(a => a.ApplicantMaskedIin).HasMaxLength(12);
        builder.Property(a => a.Language).HasMaxLength(2);
        builder.Property(a => a.TrackingTokenHash).HasMaxLength(64);
        builder.HasIndex(a => a.TrackingTokenHash).IsUnique();
        builder.Property(a => a.ProtectedTrackingToken).HasMaxLength(500);
        builder.Property(a => a.AnswerText).HasMaxLength(AppealInput.MaxTextLength);
        builder.Property(a => a.ForwardedTo).HasMaxLength(300);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasOne(a => a.Category).WithMany().HasForeignKey(a => a.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Beat).WithMany().HasForeignKey(a => a.BeatId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.District).WithMany().HasForeignKey(a => a.DistrictId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.AssigneeOfficer).WithMany().HasForeignKey(a => a.AssigneeOfficerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Events).WithOne().HasForeignKey(e => e.AppealId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Attachments).WithOne().HasForeignKey(e => e.AppealId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Rating).WithOne().HasForeignKey<AppealRating>(r => r.AppealId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.AssigneeOfficerId, a.State, a.DueDate });
        builder.HasIndex(a => new { a.DistrictId, a.State, a.DueDate });
        builder.HasIndex(a => new { a.State, a.DueDate });
        builder.HasIndex(a => a.ApplicantUserId);
    }
}

internal sealed class AppealEventConfiguration : IEntityTypeConfiguration<AppealEvent>
{
    public void Configure(EntityTypeBuilder<AppealEvent> builder)
    {
        builder.ToTable("appeals_events");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.FromState).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.ToState).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.ActorUserId).HasMaxLength(450);
        builder.Property(e => e.Text).HasMaxLength(AppealInput.MaxTextLength);
        builder.HasOne(e => e.ActorOfficer).WithMany().HasForeignKey(e => e.ActorOfficerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.AssigneeOfficer).WithMany().HasForeignKey(e => e.AssigneeOfficerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppealAttachmentConfiguration : IEntityTypeConfiguration<AppealAttachment>
{
    public void Configure(EntityTypeBuilder<AppealAttachment> builder)
    {
        builder.ToTable("appeals_attachments");
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.ContentType).HasMaxLength(50);
    }
}

internal sealed class AppealRatingConfiguration : IEntityTypeConfiguration<AppealRating>
{
    public void Configure(EntityTypeBuilder<AppealRating> builder)
    {
        builder.ToTable("appeals_ratings");
        builder.HasKey(r => r.AppealId);
        builder.Property(r => r.Comment).HasMaxLength(2000);
        builder.HasIndex(r => new { r.OfficerId, r.RatedOn });
    }
}

internal sealed class AppealIdempotencyKeyConfiguration : IEntityTypeConfiguration<AppealIdempotencyKey>
{
    public void Configure(EntityTypeBuilder<AppealIdempotencyKey> builder)
    {
        builder.ToTable("appeals_idempotency_keys");
        builder.HasKey(k => new { k.Sender, k.Key });
        builder.Property(k => k.Sender).HasMaxLength(450);
        builder.Property(k => k.Key).HasMaxLength(100);
        builder.Property(k => k.RequestHash).HasMaxLength(64);
        builder.HasOne(k => k.Appeal).WithMany().HasForeignKey(k => k.AppealId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TipConfiguration : IEntityTypeConfiguration<Tip>
{
    public void Configure(EntityTypeBuilder<Tip> builder)
    {
        builder.ToTable("appeals_tips");
        builder.Property(t => t.Text).HasMaxLength(AppealInput.MaxTextLength);
        builder.Property(t => t.AddressText).HasMaxLength(300);
        builder.Property(t => t.ReviewedByUserId).HasMaxLength(450);
        builder.Property(t => t.ReviewNote).HasMaxLength(2000);
        builder.HasOne(t => t.District).WithMany().HasForeignKey(t => t.DistrictId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.Category).WithMany().HasForeignKey(t => t.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.DistrictId, t.ReviewedAtUtc });
    }
}

internal sealed class TrackingLinkCodeConfiguration : IEntityTypeConfiguration<TrackingLinkCode>
{
    public void Configure(EntityTypeBuilder<TrackingLinkCode> builder)
    {
        builder.ToTable("appeals_tracking_link_codes");
        builder.Property(c => c.CodeHash).HasMaxLength(64);
        builder.HasIndex(c => new { c.AppealId, c.CreatedAtUtc });
        builder.HasOne(c => c.Appeal).WithMany().HasForeignKey(c => c.AppealId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApplicantContactConfiguration : IEntityTypeConfiguration<ApplicantContact>
{
    public void Configure(EntityTypeBuilder<ApplicantContact> builder)
    {
        builder.ToTable("appeals_contacts");
        builder.Property(c => c.ContactHash).HasMaxLength(64);
        builder.HasIndex(c => c.ContactHash).IsUnique();
        builder.Property(c => c.CodeHash).HasMaxLength(64);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Uchastok.Web.Territory;

namespace Uchastok.Web.Community;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("community_meetings");
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.Place).HasMaxLength(CommunityRecords.MaxPlaceLength);
        builder.Property(m => m.Link).HasMaxLength(500);
        builder.Property(m => m.Agenda).HasMaxLength(CommunityRecords.MaxTextLength);
        builder.Property(m => m.Language).HasMaxLength(2);
        builder.Property(m => m.Minutes).HasMaxLength(CommunityRecords.MaxTextLength);
        builder.Property(m => m.RecordedByUserId).HasMaxLength(450);
        builder.HasOne<Beat>().WithMany().HasForeignKey(m => m.BeatId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Officer>().WithMany().HasForeignKey(m => m.OfficerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.OfficerId, m.HeldOn });
        builder.HasIndex(m => new { m.BeatId, m.StartsAtUtc });
        builder.HasIndex(m => new { m.DistrictId, m.HeldOn });
    }
}

internal sealed class NeighbourhoodPriorityConfiguration : IEntityTypeConfiguration<NeighbourhoodPriority>
{
    public void Configure(EntityTypeBuilder<NeighbourhoodPriority> builder)
    {
        builder.ToTable("community_priorities");
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Issue).HasMaxLength(CommunityRecords.MaxPriorityLength);
        builder.Property(p => p.Action).HasMaxLength(CommunityRecords.MaxPriorityLength);
        builder.Property(p => p.Language).HasMaxLength(2);
        builder.Property(p => p.ChangedByUserId).HasMaxLength(450);
        builder.HasOne<Beat>().WithMany().HasForeignKey(p => p.BeatId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(p => p.MeetingId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => new { p.BeatId, p.RaisedOn });
    }
}

internal sealed class PreventiveActivityConfiguration : IEntityTypeConfiguration<PreventiveActivity>
{
    public void Configure(EntityTypeBuilder<PreventiveActivity> builder)
    {
        builder.ToTable("community_preventive_activities");
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Note).HasMaxLength(CommunityRecords.MaxTextLength);
        builder.Property(a => a.RecordedByUserId).HasMaxLength(450);
        builder.HasOne<Beat>().WithMany().HasForeignKey(a => a.BeatId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Officer>().WithMany().HasForeignKey(a => a.OfficerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.OfficerId, a.DoneOn });
    }
}

internal sealed class ReceptionBookingConfiguration : IEntityTypeConfiguration<ReceptionBooking>
{
    public void Configure(EntityTypeBuilder<ReceptionBooking> builder)
    {
        builder.ToTable("community_reception_bookings");
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.Name).HasMaxLength(200);
        builder.Property(b => b.Phone).HasMaxLength(20);
        builder.Property(b => b.Email).HasMaxLength(256);
        builder.Property(b => b.Topic).HasMaxLength(500);
        builder.Property(b => b.Language).HasMaxLength(2);
        builder.Property(b => b.TokenHash).HasMaxLength(64);
        builder.Property(b => b.ProtectedToken).HasMaxLength(1000);
        builder.HasIndex(b => b.TokenHash).IsUnique();
        // One booked person per inspector and slot: the database refuses a second, however the requests race.
        builder.HasIndex(b => new { b.OfficerId, b.StartsAtUtc }).IsUnique().HasFilter("\"Status\" = 'Booked'");
        builder.HasOne<Officer>().WithMany().HasForeignKey(b => b.OfficerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Beat>().WithMany().HasForeignKey(b => b.BeatId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> builder)
    {
        builder.ToTable("community_subscriptions");
        builder.Property(s => s.Channel).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.Address).HasMaxLength(256);
        builder.Property(s => s.ScopeKey).HasMaxLength(20);
        // One live subscription per address and place, however two requests race.
        builder.HasIndex(s => new { s.Address, s.ScopeKey }).IsUnique().HasFilter("\"UnsubscribedAtUtc\" IS NULL");
        builder.Property(s => s.Language).HasMaxLength(2);
        builder.Property(s => s.TokenHash).HasMaxLength(64);
        builder.Property(s => s.ProtectedToken).HasMaxLength(1000);
        builder.HasIndex(s => s.TokenHash).IsUnique();
        builder.HasIndex(s => new { s.DistrictId, s.BeatId });
        builder.HasOne<District>().WithMany().HasForeignKey(s => s.DistrictId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MailingConfiguration : IEntityTypeConfiguration<Mailing>
{
    public void Configure(EntityTypeBuilder<Mailing> builder)
    {
        builder.ToTable("community_mailings");
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        foreach (var subject in new[] { nameof(Mailing.SubjectKk), nameof(Mailing.SubjectRu), nameof(Mailing.SubjectEn) }) builder.Property(subject).HasMaxLength(Mailings.MaxSubjectLength);
        foreach (var text in new[] { nameof(Mailing.TextKk), nameof(Mailing.TextRu), nameof(Mailing.TextEn) }) builder.Property(text).HasMaxLength(Mailings.MaxTextLength);
        builder.Property(m => m.SentByUserId).HasMaxLength(450);
        builder.HasIndex(m => new { m.DistrictId, m.SentAtUtc });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Uchastok.Web.Territory;

namespace Uchastok.Web.Community;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("community_meetings");
        builder.Property(m => m.Place).HasMaxLength(CommunityRecords.MaxPlaceLength);
        builder.Property(m => m.Minutes).HasMaxLength(CommunityRecords.MaxTextLength);
        builder.Property(m => m.RecordedByUserId).HasMaxLength(450);
        builder.HasOne<Beat>().WithMany().HasForeignKey(m => m.BeatId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Officer>().WithMany().HasForeignKey(m => m.OfficerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.OfficerId, m.HeldOn });
        builder.HasIndex(m => new { m.DistrictId, m.HeldOn });
    }
}

internal sealed class PreventiveActivityConfiguration : IEntityTypeConfiguration<PreventiveActivity>
{
    public void Configure(EntityTypeBuilder<PreventiveActivity> builder)
    {
        builder.ToTable("community_preventive_activities");
        builder.Property(a => a.Note).HasMaxLength(CommunityRecords.MaxTextLength);
        builder.Property(a => a.RecordedByUserId).HasMaxLength(450);
        builder.HasOne<Beat>().WithMany().HasForeignKey(a => a.BeatId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Officer>().WithMany().HasForeignKey(a => a.OfficerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.OfficerId, a.DoneOn });
    }
}

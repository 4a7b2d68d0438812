using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Uchastok.Rules.Safety;
using Uchastok.Web.Territory;

namespace Uchastok.Web.Safety;

internal sealed class SafetyIncidentConfiguration : IEntityTypeConfiguration<SafetyIncident>
{
    public void Configure(EntityTypeBuilder<SafetyIncident> builder)
    {
        builder.ToTable("safety_incidents");
        builder.Property(i => i.Reference).HasMaxLength(20);
        builder.HasIndex(i => i.Reference).IsUnique();
        // Words, so a row reads as what it is and a reordered enum cannot change a stored incident.
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(i => i.Category).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.AddressText).HasMaxLength(300);
        builder.Property(i => i.Text).HasMaxLength(SafetyCategories.MaxTextLength);
        builder.Property(i => i.AccountId).HasMaxLength(450);
        builder.HasOne<Beat>().WithMany().HasForeignKey(i => i.BeatId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<District>().WithMany().HasForeignKey(i => i.DistrictId).OnDelete(DeleteBehavior.Restrict);
        // The inspector's list (his beats) and the supervisor's (his district), newest first.
        builder.HasIndex(i => new { i.BeatId, i.CreatedAtUtc });
        builder.HasIndex(i => new { i.DistrictId, i.CreatedAtUtc });
        builder.HasIndex(i => i.CreatedAtUtc);
        builder.Property(i => i.AcknowledgedByUserId).HasMaxLength(450);
        builder.Property(i => i.ClosedByUserId).HasMaxLength(450);
        builder.Property(i => i.Outcome).HasMaxLength(30);
        builder.Property(i => i.OutcomePatrol).HasMaxLength(ConsoleOutcomes.MaxPatrolLength);
        builder.Property(i => i.AppealNumber).HasMaxLength(30);
        // The escalation job's question: which untaken incidents were received before a moment.
        builder.HasIndex(i => new { i.Status, i.CreatedAtUtc });
        builder.HasOne<SafetyDevice>().WithMany().HasForeignKey(i => i.DeviceId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.DeviceEventId).HasMaxLength(AlarmEvents.MaxEventIdLength);
        builder.Property(i => i.MediaUrl).HasMaxLength(AlarmEvents.MaxMediaUrlLength);
        // An event sent twice (a retry, two copies at once) is one incident: the database decides, not a read before the write.
        // Reports have neither column, and both databases let any number of rows hold nulls in a unique index.
        builder.HasIndex(i => new { i.DeviceId, i.DeviceEventId }).IsUnique();
    }
}

internal sealed class SafetyDeviceConfiguration : IEntityTypeConfiguration<SafetyDevice>
{
    public void Configure(EntityTypeBuilder<SafetyDevice> builder)
    {
        builder.ToTable("safety_devices");
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(d => d.Name).HasMaxLength(SafetyDeviceRegistry.MaxNameLength);
        builder.Property(d => d.PlaceDescription).HasMaxLength(SafetyDeviceRegistry.MaxPlaceLength);
        builder.Property(d => d.KeyHash).HasMaxLength(64);
        builder.Property(d => d.CreatedByUserId).HasMaxLength(450);
        builder.Property(d => d.RevokedByUserId).HasMaxLength(450);
        builder.HasOne<Beat>().WithMany().HasForeignKey(d => d.BeatId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<District>().WithMany().HasForeignKey(d => d.DistrictId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => d.KeyHash).IsUnique();
    }
}

internal sealed class SafetyIncidentStepConfiguration : IEntityTypeConfiguration<SafetyIncidentStep>
{
    public void Configure(EntityTypeBuilder<SafetyIncidentStep> builder)
    {
        builder.ToTable("safety_incident_steps");
        builder.Property(s => s.Step).HasMaxLength(30);
        builder.Property(s => s.ByUserId).HasMaxLength(450);
        builder.Property(s => s.Note).HasMaxLength(1000);
        builder.HasOne<SafetyIncident>().WithMany().HasForeignKey(s => s.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.IncidentId, s.AtUtc });
    }
}

internal sealed class SafetyIncidentPhotoConfiguration : IEntityTypeConfiguration<SafetyIncidentPhoto>
{
    public void Configure(EntityTypeBuilder<SafetyIncidentPhoto> builder)
    {
        builder.ToTable("safety_incident_photos");
        builder.Property(p => p.ContentType).HasMaxLength(40);
        builder.HasOne<SafetyIncident>().WithMany().HasForeignKey(p => p.IncidentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.IncidentId).IsUnique();
    }
}

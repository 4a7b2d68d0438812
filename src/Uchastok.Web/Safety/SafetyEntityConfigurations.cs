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

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Uchastok.Web.Territory;

namespace Uchastok.Web.BeatDesign;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> builder)
    {
        builder.ToTable("beatdesign_incidents");
        builder.Property(i => i.Type).HasMaxLength(80);
        builder.Property(i => i.ExternalId).HasMaxLength(100);
        // Rows older than the column get "" and are categorised at start-up (IncidentCategorySettings.RecategoriseAsync).
        builder.Property(i => i.Category).HasMaxLength(Uchastok.Rules.CrimeAnalytics.IncidentCategoryMap.MaxCodeLength).HasDefaultValue(string.Empty);
        builder.HasOne<IncidentImport>().WithMany().HasForeignKey(i => i.ImportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SmallArea>().WithMany().HasForeignKey(i => i.SmallAreaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.DistrictId, i.OccurredOn });
        // The hotspot maps filter a district's period by category.
        builder.HasIndex(i => new { i.DistrictId, i.Category, i.OccurredOn });
        // The start-up pass asks, per source type, for the rows not yet in its category: an index seek, not a scan per type.
        builder.HasIndex(i => new { i.Type, i.Category });
    }
}

internal sealed class IncidentImportConfiguration : IEntityTypeConfiguration<IncidentImport>
{
    public void Configure(EntityTypeBuilder<IncidentImport> builder)
    {
        builder.ToTable("beatdesign_incident_imports");
        builder.Property(i => i.FileName).HasMaxLength(200);
        builder.Property(i => i.Format).HasMaxLength(20);
        builder.Property(i => i.ImportedByUserId).HasMaxLength(450);
    }
}

internal sealed class DesignRunConfiguration : IEntityTypeConfiguration<DesignRun>
{
    public void Configure(EntityTypeBuilder<DesignRun> builder)
    {
        builder.ToTable("beatdesign_runs");
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Phase).HasMaxLength(20);
        builder.Property(r => r.RequestedByUserId).HasMaxLength(450);
        builder.Property(r => r.Error).HasMaxLength(2000);
        builder.HasOne<District>().WithMany().HasForeignKey(r => r.DistrictId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.DistrictId, r.RequestedAtUtc });
    }
}

internal sealed class BeatVersionConfiguration : IEntityTypeConfiguration<BeatVersion>
{
    public void Configure(EntityTypeBuilder<BeatVersion> builder)
    {
        builder.ToTable("beatdesign_beat_versions");
        builder.Property(v => v.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.ApprovedByUserId).HasMaxLength(450);
        builder.Property(v => v.Note).HasMaxLength(500);
        builder.HasOne<District>().WithMany().HasForeignKey(v => v.DistrictId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.DistrictId, v.Number }).IsUnique();
    }
}

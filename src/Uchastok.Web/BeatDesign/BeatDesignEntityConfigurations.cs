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
        builder.HasOne<IncidentImport>().WithMany().HasForeignKey(i => i.ImportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SmallArea>().WithMany().HasForeignKey(i => i.SmallAreaId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.DistrictId, i.OccurredOn });
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

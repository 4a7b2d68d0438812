using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Uchastok.Rules.WeaponSeizures;
using Uchastok.Web.Protocols;
using Uchastok.Web.Territory;

namespace Uchastok.Web.WeaponSeizures;

internal sealed class WeaponSeizureConfiguration : IEntityTypeConfiguration<WeaponSeizure>
{
    public void Configure(EntityTypeBuilder<WeaponSeizure> builder)
    {
        builder.ToTable("weaponseizures_seizures");
        builder.Property(s => s.Quarter).HasMaxLength(7);
        builder.Property(s => s.ProtectedPlace).HasMaxLength(4000);
        builder.Property(s => s.ProtocolNumber).HasMaxLength(SeizureRule.MaxProtocolNumber);
        builder.Property(s => s.IncidentNumber).HasMaxLength(SeizureRule.MaxIncidentDigits);
        builder.Property(s => s.RecordedByUserId).HasMaxLength(450);
        builder.HasOne<District>().WithMany().HasForeignKey(s => s.DistrictId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Beat>().WithMany().HasForeignKey(s => s.BeatId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Officer>().WithMany().HasForeignKey(s => s.RecordedByOfficerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Protocol>().WithMany().HasForeignKey(s => s.ProtocolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Items).WithOne().HasForeignKey(i => i.SeizureId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Determinants).WithOne().HasForeignKey(d => d.SeizureId).OnDelete(DeleteBehavior.Cascade);
        // The dashboard counts by district and quarter; the lists page a district's (or a beat's) newest first.
        builder.HasIndex(s => new { s.DistrictId, s.Quarter });
        builder.HasIndex(s => new { s.BeatId, s.Id });
        builder.HasIndex(s => s.ProtocolId);
    }
}

internal sealed class WeaponSeizureItemConfiguration : IEntityTypeConfiguration<WeaponSeizureItem>
{
    public void Configure(EntityTypeBuilder<WeaponSeizureItem> builder)
    {
        builder.ToTable("weaponseizures_items");
        builder.Property(i => i.Category).HasMaxLength(30);
        foreach (var text in new[] { nameof(WeaponSeizureItem.Type), nameof(WeaponSeizureItem.Make), nameof(WeaponSeizureItem.Model), nameof(WeaponSeizureItem.Calibre), nameof(WeaponSeizureItem.Series), nameof(WeaponSeizureItem.Number) })
            builder.Property(text).HasMaxLength(SeizureRule.MaxText);
        builder.HasIndex(i => new { i.SeizureId, i.Position }).IsUnique();
        // A seized firearm is looked up by its number (against civil circulation's register, issue 21 part 1).
        builder.HasIndex(i => new { i.Category, i.Number });
    }
}

internal sealed class WeaponSeizureDeterminantConfiguration : IEntityTypeConfiguration<WeaponSeizureDeterminant>
{
    public void Configure(EntityTypeBuilder<WeaponSeizureDeterminant> builder)
    {
        builder.ToTable("weaponseizures_determinants");
        builder.HasKey(d => new { d.SeizureId, d.Code });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Uchastok.Web.Territory;

internal sealed class DistrictConfiguration : IEntityTypeConfiguration<District>
{
    public void Configure(EntityTypeBuilder<District> builder)
    {
        builder.ToTable("territory_districts");
        builder.Property(d => d.Code).HasMaxLength(40);
        builder.HasIndex(d => d.Code).IsUnique();
        builder.Property(d => d.NameKk).HasMaxLength(200);
        builder.Property(d => d.NameRu).HasMaxLength(200);
        builder.Property(d => d.NameEn).HasMaxLength(200);
    }
}

internal sealed class BeatConfiguration : IEntityTypeConfiguration<Beat>
{
    public void Configure(EntityTypeBuilder<Beat> builder)
    {
        builder.ToTable("territory_beats");
        builder.Property(b => b.Code).HasMaxLength(40);
        builder.HasIndex(b => b.Code).IsUnique();
        builder.Property(b => b.Name).HasMaxLength(200);
        builder.HasOne(b => b.District).WithMany().HasForeignKey(b => b.DistrictId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(b => b.Inspector).WithMany().HasForeignKey(b => b.InspectorId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(b => b.ReceptionPoint).WithMany().HasForeignKey(b => b.ReceptionPointId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(b => new { b.DistrictId, b.IsActive });
    }
}

internal sealed class OfficerConfiguration : IEntityTypeConfiguration<Officer>
{
    public void Configure(EntityTypeBuilder<Officer> builder)
    {
        builder.ToTable("territory_officers");
        builder.Property(o => o.Surname).HasMaxLength(100);
        builder.Property(o => o.GivenName).HasMaxLength(100);
        builder.Property(o => o.Patronymic).HasMaxLength(100);
        builder.Property(o => o.Phone).HasMaxLength(20);
        builder.Property(o => o.Rank).HasConversion<string>().HasMaxLength(30);
        builder.Property(o => o.Position).HasConversion<string>().HasMaxLength(40);
        builder.HasOne(o => o.District).WithMany().HasForeignKey(o => o.DistrictId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReceptionPointConfiguration : IEntityTypeConfiguration<ReceptionPoint>
{
    public void Configure(EntityTypeBuilder<ReceptionPoint> builder)
    {
        builder.ToTable("territory_reception_points");
        builder.Property(p => p.Hours).HasMaxLength(200);
        builder.HasOne(p => p.District).WithMany().HasForeignKey(p => p.DistrictId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(p => p.Address).WithMany().HasForeignKey(p => p.AddressId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StreetConfiguration : IEntityTypeConfiguration<Street>
{
    public void Configure(EntityTypeBuilder<Street> builder)
    {
        builder.ToTable("territory_streets");
        builder.Property(s => s.NameKk).HasMaxLength(200);
        builder.Property(s => s.NameRu).HasMaxLength(200);
        builder.Property(s => s.NameEn).HasMaxLength(200);
        builder.Property(s => s.SearchKey).HasMaxLength(700);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class AddressConfiguration : IEntityTypeConfiguration<Address>
{
    public void Configure(EntityTypeBuilder<Address> builder)
    {
        builder.ToTable("territory_addresses");
        builder.Property(a => a.HouseNumber).HasMaxLength(20);
        builder.HasOne(a => a.Street).WithMany().HasForeignKey(a => a.StreetId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.StreetId, a.HouseNumber });
    }
}

internal sealed class TerritoryRevisionConfiguration : IEntityTypeConfiguration<TerritoryRevision>
{
    public void Configure(EntityTypeBuilder<TerritoryRevision> builder)
    {
        builder.ToTable("territory_revision");
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.HasData(new TerritoryRevision { Id = TerritoryRevision.SingletonId, Number = 0 });
    }
}

internal sealed class SmallAreaConfiguration : IEntityTypeConfiguration<SmallArea>
{
    public void Configure(EntityTypeBuilder<SmallArea> builder)
    {
        builder.ToTable("territory_small_areas");
        builder.Property(a => a.Code).HasMaxLength(60);
        builder.HasIndex(a => a.Code).IsUnique();
        builder.HasOne(a => a.District).WithMany().HasForeignKey(a => a.DistrictId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Beat).WithMany().HasForeignKey(a => a.BeatId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(a => a.BeatId);
    }
}

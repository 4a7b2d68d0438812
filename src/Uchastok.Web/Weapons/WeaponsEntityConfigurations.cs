using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Uchastok.Rules.Weapons;
using Uchastok.Web.Territory;

namespace Uchastok.Web.Weapons;

internal sealed class WeaponHolderConfiguration : IEntityTypeConfiguration<WeaponHolder>
{
    public void Configure(EntityTypeBuilder<WeaponHolder> builder)
    {
        builder.ToTable("weapons_holders");
        // Words, so a row reads as what it is and a reordered enum cannot change a stored holder.
        builder.Property(h => h.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.Name).HasMaxLength(WeaponHolderRules.NameMax);
        builder.Property(h => h.ProtectedIin).HasMaxLength(1000);
        builder.Property(h => h.MaskedIin).HasMaxLength(20);
        builder.Property(h => h.IinHash).HasMaxLength(100);
        builder.Property(h => h.Bin).HasMaxLength(12);
        builder.Property(h => h.Address).HasMaxLength(WeaponHolderRules.AddressMax);
        builder.Property(h => h.CreatedByUserId).HasMaxLength(450);
        builder.HasOne<Beat>().WithMany().HasForeignKey(h => h.BeatId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<District>().WithMany().HasForeignKey(h => h.DistrictId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<WeaponHolderImport>().WithMany().HasForeignKey(h => h.ImportId).OnDelete(DeleteBehavior.Restrict);
        // The beat's register, by name; the district's; a person by the keyed hash of his IIN; an organisation by its BIN.
        builder.HasIndex(h => new { h.BeatId, h.Name });
        builder.HasIndex(h => new { h.DistrictId, h.Name });
        builder.HasIndex(h => h.IinHash);
        builder.HasIndex(h => h.Bin);
    }
}

internal sealed class CivilWeaponConfiguration : IEntityTypeConfiguration<CivilWeapon>
{
    public void Configure(EntityTypeBuilder<CivilWeapon> builder)
    {
        builder.ToTable("weapons_civil_weapons");
        builder.Property(w => w.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(w => w.Make).HasMaxLength(WeaponHolderRules.ShortMax);
        builder.Property(w => w.Model).HasMaxLength(WeaponHolderRules.ShortMax);
        builder.Property(w => w.Calibre).HasMaxLength(WeaponHolderRules.ShortMax);
        builder.Property(w => w.SerialNumber).HasMaxLength(WeaponHolderRules.ShortMax);
        builder.Property(w => w.PermitNumber).HasMaxLength(WeaponHolderRules.ShortMax);
        builder.Property(w => w.Issuer).HasMaxLength(WeaponHolderRules.NameMax);
        builder.Property(w => w.Verification).HasConversion<string>().HasMaxLength(20);
        builder.Property(w => w.VerifiedByUserId).HasMaxLength(450);
        builder.HasOne<WeaponHolder>().WithMany().HasForeignKey(w => w.HolderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(w => w.HolderId);
        // The reminder job's question: which permits expire between two days.
        builder.HasIndex(w => w.ValidTo);
        builder.HasIndex(w => w.SerialNumber);
    }
}

internal sealed class WeaponHolderImportConfiguration : IEntityTypeConfiguration<WeaponHolderImport>
{
    public void Configure(EntityTypeBuilder<WeaponHolderImport> builder)
    {
        builder.ToTable("weapons_holder_imports");
        builder.Property(i => i.FileName).HasMaxLength(200);
        builder.Property(i => i.ImportedByUserId).HasMaxLength(450);
    }
}

internal sealed class StorageSiteConfiguration : IEntityTypeConfiguration<StorageSite>
{
    public void Configure(EntityTypeBuilder<StorageSite> builder)
    {
        builder.ToTable("weapons_storage_sites");
        builder.Property(s => s.Name).HasMaxLength(WeaponHolderRules.NameMax);
        builder.Property(s => s.Organisation).HasMaxLength(WeaponHolderRules.NameMax);
        builder.Property(s => s.Address).HasMaxLength(WeaponHolderRules.AddressMax);
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(s => s.CreatedByUserId).HasMaxLength(450);
        builder.HasOne<Beat>().WithMany().HasForeignKey(s => s.BeatId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<District>().WithMany().HasForeignKey(s => s.DistrictId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.BeatId, s.Name });
        builder.HasIndex(s => new { s.DistrictId, s.Name });
    }
}

internal sealed class StorageInspectionConfiguration : IEntityTypeConfiguration<StorageInspection>
{
    public void Configure(EntityTypeBuilder<StorageInspection> builder)
    {
        builder.ToTable("weapons_storage_inspections");
        builder.Property(i => i.RecordedByUserId).HasMaxLength(450);
        builder.HasOne<StorageSite>().WithMany().HasForeignKey(i => i.SiteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.SiteId, i.InspectedOn });
    }
}

internal sealed class StorageBreachConfiguration : IEntityTypeConfiguration<StorageBreach>
{
    public void Configure(EntityTypeBuilder<StorageBreach> builder)
    {
        builder.ToTable("weapons_storage_breaches");
        builder.Property(b => b.Text).HasMaxLength(StorageInspectionRules.TextMax);
        builder.Property(b => b.Requirement).HasMaxLength(StorageInspectionRules.TextMax);
        builder.HasOne<StorageInspection>().WithMany().HasForeignKey(b => b.InspectionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => b.InspectionId);
        builder.HasIndex(b => new { b.SiteId, b.RequirementDue });
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Uchastok.Rules.Prevention;
using Uchastok.Web.Territory;

namespace Uchastok.Web.Prevention;

internal sealed class PreventionCategoryRecordConfiguration : IEntityTypeConfiguration<PreventionCategoryRecord>
{
    public void Configure(EntityTypeBuilder<PreventionCategoryRecord> builder)
    {
        builder.ToTable("prevention_categories");
        builder.Property(c => c.Code).HasMaxLength(PreventionCategoryValidator.MaxCodeLength);
        builder.HasIndex(c => c.Code).IsUnique();
        foreach (var name in new[] { nameof(PreventionCategoryRecord.NameKk), nameof(PreventionCategoryRecord.NameRu), nameof(PreventionCategoryRecord.NameEn) })
            builder.Property(name).HasMaxLength(PreventionCategoryAdministration.MaxNameLength);
        builder.Property(c => c.LegalBasis).HasMaxLength(PreventionCategoryValidator.MaxLegalBasisLength);
        // Units as words, so a row reads as its source wrote it ("1 Months") and a reordered enum cannot change a period.
        builder.Property(c => c.VisitIntervalUnit).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.RetentionUnit).HasConversion<string>().HasMaxLength(10);
        builder.Ignore(c => c.VisitInterval);
        builder.Ignore(c => c.RetentionAfterRemoval);
    }
}

internal sealed class PreventionEntryConfiguration : IEntityTypeConfiguration<PreventionEntry>
{
    public void Configure(EntityTypeBuilder<PreventionEntry> builder)
    {
        builder.ToTable("prevention_entries");
        builder.Property(e => e.FullName).HasMaxLength(PreventionEntryValidator.MaxNameLength);
        builder.Property(e => e.NameKey).HasMaxLength(PreventionEntryValidator.MaxNameLength);
        builder.Property(e => e.ProtectedIin).HasMaxLength(1000);
        builder.Property(e => e.MaskedIin).HasMaxLength(12);
        builder.Property(e => e.IinHash).HasMaxLength(64);
        builder.Property(e => e.AddressText).HasMaxLength(300);
        builder.Property(e => e.ProtectedBasis).HasMaxLength(8000);
        builder.Property(e => e.ProtectedRemovalReason).HasMaxLength(8000);
        builder.Property(e => e.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.CreatedByUserId).HasMaxLength(450);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasOne<PreventionCategoryRecord>().WithMany().HasForeignKey(e => e.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Beat>().WithMany().HasForeignKey(e => e.BeatId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Address>().WithMany().HasForeignKey(e => e.AddressId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.BeatId, e.State });
        // The district register pages by name then id: an index in that order keeps every page a seek.
        builder.HasIndex(e => new { e.DistrictId, e.State, e.FullName, e.Id });
        builder.HasIndex(e => e.IinHash);
        builder.HasIndex(e => new { e.NameKey, e.BirthDate });
        builder.HasIndex(e => new { e.State, e.PurgeDueOn });
    }
}

internal sealed class PreventionActionConfiguration : IEntityTypeConfiguration<PreventionAction>
{
    public void Configure(EntityTypeBuilder<PreventionAction> builder)
    {
        builder.ToTable("prevention_actions");
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Place).HasMaxLength(300);
        builder.Property(a => a.ProtectedNote).HasMaxLength(8000);
        builder.Property(a => a.DoneByUserId).HasMaxLength(450);
        // A file's actions go with it when the purge job deletes it.
        builder.HasOne<PreventionEntry>().WithMany().HasForeignKey(a => a.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Officer>().WithMany().HasForeignKey(a => a.DoneByOfficerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.EntryId, a.Due });
        builder.HasIndex(a => new { a.DoneByOfficerId, a.DoneOn });
        builder.HasIndex(a => new { a.Due, a.DoneOn });
    }
}

internal sealed class PreventionEventConfiguration : IEntityTypeConfiguration<PreventionEvent>
{
    public void Configure(EntityTypeBuilder<PreventionEvent> builder)
    {
        builder.ToTable("prevention_events");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.ProtectedNote).HasMaxLength(8000);
        builder.Property(e => e.ProtocolReference).HasMaxLength(100);
        builder.Property(e => e.ByUserId).HasMaxLength(450);
        builder.HasOne<PreventionEntry>().WithMany().HasForeignKey(e => e.EntryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.EntryId, e.OccurredOn });
    }
}

internal sealed class JuvenileDeliveryConfiguration : IEntityTypeConfiguration<JuvenileDelivery>
{
    public void Configure(EntityTypeBuilder<JuvenileDelivery> builder)
    {
        builder.ToTable("prevention_juvenile_deliveries");
        builder.Property(d => d.Reason).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.ProtectedMinorName).HasMaxLength(2000);
        builder.Property(d => d.FoundAt).HasMaxLength(300);
        builder.Property(d => d.ProtectedDeliveredTo).HasMaxLength(2000);
        builder.Property(d => d.DeliveredBy).HasMaxLength(200);
        builder.Property(d => d.RecordedByUserId).HasMaxLength(450);
        builder.HasOne<Beat>().WithMany().HasForeignKey(d => d.BeatId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PreventionEntry>().WithMany().HasForeignKey(d => d.EntryId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(d => new { d.BeatId, d.DeliveredAtUtc });
        builder.HasIndex(d => new { d.DistrictId, d.DeliveredAtUtc });
    }
}

internal sealed class JuvenileGatheringPlaceConfiguration : IEntityTypeConfiguration<JuvenileGatheringPlace>
{
    public void Configure(EntityTypeBuilder<JuvenileGatheringPlace> builder)
    {
        builder.ToTable("prevention_gathering_places");
        builder.Property(p => p.Description).HasMaxLength(500);
        builder.Property(p => p.RecordedByUserId).HasMaxLength(450);
        builder.HasOne<Beat>().WithMany().HasForeignKey(p => p.BeatId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.BeatId, p.IsActive });
    }
}

internal sealed class DvCaseConfiguration : IEntityTypeConfiguration<DvCase>
{
    public void Configure(EntityTypeBuilder<DvCase> builder)
    {
        builder.ToTable("prevention_dv_cases");
        builder.Property(c => c.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.CourtOutcome).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.VictimChannel).HasConversion<string>().HasMaxLength(10);
        builder.Property(c => c.RepeatReasons).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.AddressText).HasMaxLength(DomesticViolenceCases.MaxAddressLength);
        builder.Property(c => c.AddressKey).HasMaxLength(DomesticViolenceCases.MaxAddressLength);
        builder.Property(c => c.ProtectedSummary).HasMaxLength(16000);
        builder.Property(c => c.ProtocolNumber).HasMaxLength(DomesticViolenceCases.MaxShortText);
        builder.Property(c => c.ProtectedVictimName).HasMaxLength(2000);
        builder.Property(c => c.ProtectedVictimAddress).HasMaxLength(2000);
        builder.Property(c => c.ProtectedVictimPhone).HasMaxLength(2000);
        builder.Property(c => c.ProtectedVictimEmail).HasMaxLength(2000);
        builder.Property(c => c.ReferralOrganisation).HasMaxLength(DomesticViolenceCases.MaxShortText);
        builder.Property(c => c.CreatedByUserId).HasMaxLength(450);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasOne<Beat>().WithMany().HasForeignKey(c => c.BeatId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PreventionEntry>().WithMany().HasForeignKey(c => c.OffenderEntryId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => new { c.BeatId, c.DetectedOn });
        builder.HasIndex(c => new { c.DistrictId, c.State });
        builder.HasIndex(c => c.AddressKey);
        builder.HasIndex(c => c.OffenderEntryId);
    }
}

internal sealed class DvEvidenceConfiguration : IEntityTypeConfiguration<DvEvidence>
{
    public void Configure(EntityTypeBuilder<DvEvidence> builder)
    {
        builder.ToTable("prevention_dv_evidence");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(e => e.ProtectedPersonName).HasMaxLength(2000);
        builder.Property(e => e.ProtectedContact).HasMaxLength(2000);
        builder.Property(e => e.ProtectedText).HasMaxLength(16000);
        builder.Property(e => e.Sha256).HasMaxLength(64);
        builder.Property(e => e.Source).HasMaxLength(DomesticViolenceCases.MaxShortText);
        builder.Property(e => e.ByUserId).HasMaxLength(450);
        builder.HasOne<DvCase>().WithMany().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.CaseId);
    }
}

internal sealed class DvMeasureTypeConfiguration : IEntityTypeConfiguration<DvMeasureType>
{
    public void Configure(EntityTypeBuilder<DvMeasureType> builder)
    {
        builder.ToTable("prevention_dv_measure_types");
        foreach (var name in new[] { nameof(DvMeasureType.NameKk), nameof(DvMeasureType.NameRu), nameof(DvMeasureType.NameEn) })
            builder.Property(name).HasMaxLength(PreventionCategoryAdministration.MaxNameLength);
        builder.Property(t => t.LegalSource).HasMaxLength(PreventionCategoryValidator.MaxLegalBasisLength);
        builder.Property(t => t.CheckIntervalUnit).HasConversion<string>().HasMaxLength(10);
        builder.Ignore(t => t.CheckInterval);
    }
}

internal sealed class DvMeasureConfiguration : IEntityTypeConfiguration<DvMeasure>
{
    public void Configure(EntityTypeBuilder<DvMeasure> builder)
    {
        builder.ToTable("prevention_dv_measures");
        builder.Property(m => m.ByUserId).HasMaxLength(450);
        builder.HasOne<DvCase>().WithMany().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DvMeasureType>().WithMany().HasForeignKey(m => m.TypeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.CaseId);
        builder.HasIndex(m => m.NextCheckDue);
    }
}

internal sealed class DvSettingsConfiguration : IEntityTypeConfiguration<DvSettings>
{
    public void Configure(EntityTypeBuilder<DvSettings> builder)
    {
        builder.ToTable("prevention_dv_settings");
        builder.Property(s => s.RepeatWindowUnit).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.RepeatWindowSource).HasMaxLength(PreventionCategoryValidator.MaxLegalBasisLength);
        builder.Property(s => s.ChangedByUserId).HasMaxLength(450);
    }
}

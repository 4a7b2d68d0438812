using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Uchastok.Rules.Prevention;

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

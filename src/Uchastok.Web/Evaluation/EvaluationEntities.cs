using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Uchastok.Web.Evaluation;

/// <summary>
/// The composite's weights a district's supervisor set (C9); a district without a row uses the
/// defaults of <see cref="Rules.Evaluation.KpiWeights.Default"/>. Every change is kept, newest wins.
/// </summary>
public sealed class KpiWeightSetting
{
    public int Id { get; set; }
    public int DistrictId { get; set; }
    /// <summary>Weight per KPI, as JSON {"OnTimeAnswers":25,…}.</summary>
    public required string WeightsJson { get; set; }
    public int ActivitiesTarget { get; set; }
    public DateTime ChangedAtUtc { get; set; }
    public string? ChangedByUserId { get; set; }
}

internal sealed class KpiWeightSettingConfiguration : IEntityTypeConfiguration<KpiWeightSetting>
{
    public void Configure(EntityTypeBuilder<KpiWeightSetting> builder)
    {
        builder.ToTable("evaluation_kpi_weights");
        builder.Property(w => w.WeightsJson).HasMaxLength(1000);
        builder.Property(w => w.ChangedByUserId).HasMaxLength(450);
        builder.HasIndex(w => new { w.DistrictId, w.ChangedAtUtc });
    }
}

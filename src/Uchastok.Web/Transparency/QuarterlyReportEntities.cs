using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Uchastok.Web.Transparency;

/// <summary>Written by name in the API and in the stored figures, as the other enums of the API are.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReportLevel>))]
public enum ReportLevel { City, District, Beat }

[JsonConverter(typeof(JsonStringEnumConverter<ReportStatus>))]
public enum ReportStatus
{
    /// <summary>Made from the data when the quarter ended; recomputed until a supervisor publishes it.</summary>
    Draft,
    /// <summary>Approved and public at its stable address; its figures never change again.</summary>
    Published,
}

/// <summary>
/// The public quarterly report of a beat, a district or the city (C11): the figures as they were
/// when it was drafted (JSON of <see cref="ReportFigures"/>), with who approved it and when.
/// </summary>
public sealed class QuarterlyReport
{
    public int Id { get; set; }
    /// <summary>"2026-Q4".</summary>
    public required string Quarter { get; set; }
    public ReportLevel Level { get; set; }
    public int? DistrictId { get; set; }
    public int? BeatId { get; set; }
    /// <summary>"city", "d:{district}" or "b:{beat}": one report per area and quarter, held by a unique index.</summary>
    public required string ScopeKey { get; set; }
    public ReportStatus Status { get; set; }
    public required string FiguresJson { get; set; }
    /// <summary>The area's name in each language, as in the figures: lists read it without opening them.</summary>
    public required string NameKk { get; set; }
    public required string NameRu { get; set; }
    public required string NameEn { get; set; }
    /// <summary>Raised whenever the draft's figures change, so that what a supervisor approves is what he saw.</summary>
    public int Revision { get; set; }
    public DateTime DraftedAtUtc { get; set; }
    public DateTime UpdatedAtUtc { get; set; }
    public DateTime? PublishedAtUtc { get; set; }
    public string? PublishedByUserId { get; set; }

    public static string KeyOf(ReportLevel level, int? id) => level switch
    {
        ReportLevel.City => "city",
        ReportLevel.District => $"d:{id}",
        _ => $"b:{id}",
    };
}

internal sealed class QuarterlyReportConfiguration : IEntityTypeConfiguration<QuarterlyReport>
{
    public void Configure(EntityTypeBuilder<QuarterlyReport> builder)
    {
        builder.ToTable("transparency_quarterly_reports");
        builder.Property(r => r.Quarter).HasMaxLength(7);
        builder.Property(r => r.Level).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.ScopeKey).HasMaxLength(20);
        builder.Property(r => r.PublishedByUserId).HasMaxLength(450);
        builder.Property(r => r.NameKk).HasMaxLength(300);
        builder.Property(r => r.NameRu).HasMaxLength(300);
        builder.Property(r => r.NameEn).HasMaxLength(300);
        builder.HasIndex(r => new { r.Quarter, r.ScopeKey }).IsUnique();
        builder.HasIndex(r => new { r.Status, r.Quarter, r.DistrictId });
    }
}

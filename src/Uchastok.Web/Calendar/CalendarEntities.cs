using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Uchastok.Rules.Calendar;

namespace Uchastok.Web.Calendar;

/// <summary>One exception to the Monday–Friday week, kept by administrators (table <c>calendar_days</c>).</summary>
public sealed class CalendarDayRecord
{
    public DateOnly Date { get; set; }
    public CalendarDayKind Kind { get; set; }
    public required string NameKk { get; set; }
    public required string NameRu { get; set; }
    public required string NameEn { get; set; }

    public CalendarDay ToRule() => new(Date, Kind, NameKk, NameRu, NameEn);
}

internal sealed class CalendarDayRecordConfiguration : IEntityTypeConfiguration<CalendarDayRecord>
{
    public void Configure(EntityTypeBuilder<CalendarDayRecord> builder)
    {
        builder.ToTable("calendar_days");
        builder.HasKey(d => d.Date);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.NameKk).HasMaxLength(200);
        builder.Property(d => d.NameRu).HasMaxLength(200);
        builder.Property(d => d.NameEn).HasMaxLength(200);
    }
}

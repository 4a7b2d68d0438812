using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Uchastok.Web.Territory;

namespace Uchastok.Web.PatrolPlanning;

internal sealed class PatrolSuggestionSetConfiguration : IEntityTypeConfiguration<PatrolSuggestionSet>
{
    public void Configure(EntityTypeBuilder<PatrolSuggestionSet> builder)
    {
        builder.ToTable("patrolplanning_suggestion_sets");
        builder.Property(s => s.Method).HasMaxLength(200);
        builder.Property(s => s.GeneratedByUserId).HasMaxLength(450);
        builder.HasOne<Beat>().WithMany().HasForeignKey(s => s.BeatId).OnDelete(DeleteBehavior.Cascade);
        // One suggestion per beat and month: generating again answers the one made (and two supervisors pressing at once make one).
        builder.HasIndex(s => new { s.BeatId, s.Period }).IsUnique();
        builder.HasIndex(s => new { s.DistrictId, s.Period });
        builder.HasMany(s => s.Suggestions).WithOne().HasForeignKey(s => s.SetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PatrolSuggestionConfiguration : IEntityTypeConfiguration<PatrolSuggestion>
{
    public void Configure(EntityTypeBuilder<PatrolSuggestion> builder)
    {
        builder.ToTable("patrolplanning_suggestions");
        builder.Property(s => s.HourBands).HasMaxLength(40);
        builder.Property(s => s.Decision).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.DecisionReason).HasMaxLength(PatrolLimits.ReasonLength);
        builder.Property(s => s.PatrolNote).HasMaxLength(PatrolLimits.NoteLength);
        builder.Property(s => s.DecidedByUserId).HasMaxLength(450);
        builder.Property(s => s.RecordedByUserId).HasMaxLength(450);
        builder.HasIndex(s => new { s.SetId, s.Rank }).IsUnique();
    }
}

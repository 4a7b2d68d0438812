using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Uchastok.Rules.Trust;
using Uchastok.Web.Territory;

namespace Uchastok.Web.Trust;

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> builder)
    {
        builder.ToTable("trust_surveys");
        builder.Property(s => s.Code).HasMaxLength(40);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(s => s.Code).IsUnique();
        foreach (var title in new[] { nameof(Survey.TitleKk), nameof(Survey.TitleRu), nameof(Survey.TitleEn) })
            builder.Property(title).HasMaxLength(SurveyRules.MaxTitleLength);
        foreach (var intro in new[] { nameof(Survey.IntroKk), nameof(Survey.IntroRu), nameof(Survey.IntroEn) })
            builder.Property(intro).HasMaxLength(SurveyRules.MaxQuestionLength * 2);
        builder.HasMany(s => s.Questions).WithOne().HasForeignKey(q => q.SurveyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyQuestionConfiguration : IEntityTypeConfiguration<SurveyQuestion>
{
    public void Configure(EntityTypeBuilder<SurveyQuestion> builder)
    {
        builder.ToTable("trust_survey_questions");
        builder.Property(q => q.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(q => q.Criterion).HasConversion<string>().HasMaxLength(30);
        builder.Property(q => q.Dimension).HasConversion<string>().HasMaxLength(30);
        foreach (var text in new[] { nameof(SurveyQuestion.TextKk), nameof(SurveyQuestion.TextRu), nameof(SurveyQuestion.TextEn) })
            builder.Property(text).HasMaxLength(SurveyRules.MaxQuestionLength);
        builder.HasIndex(q => new { q.SurveyId, q.Position });
    }
}

internal sealed class SurveyPlaceConfiguration : IEntityTypeConfiguration<SurveyPlace>
{
    public void Configure(EntityTypeBuilder<SurveyPlace> builder)
    {
        builder.ToTable("trust_survey_places");
        builder.Property(p => p.Code).HasMaxLength(16);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(p => p.Code).IsUnique();
        foreach (var name in new[] { nameof(SurveyPlace.NameKk), nameof(SurveyPlace.NameRu), nameof(SurveyPlace.NameEn) })
            builder.Property(name).HasMaxLength(SurveyRules.MaxTitleLength);
        builder.HasOne<Beat>().WithMany().HasForeignKey(p => p.BeatId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.DistrictId);
    }
}

internal sealed class SurveyResponseConfiguration : IEntityTypeConfiguration<SurveyResponse>
{
    public void Configure(EntityTypeBuilder<SurveyResponse> builder)
    {
        builder.ToTable("trust_survey_responses");
        builder.Property(r => r.Quarter).HasMaxLength(7);
        builder.Property(r => r.Channel).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.AgeBand).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Sex).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Language).HasMaxLength(2);
        builder.HasOne<Survey>().WithMany().HasForeignKey(r => r.SurveyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Answers).WithOne().HasForeignKey(a => a.ResponseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.SurveyId, r.Quarter, r.BeatId });
        builder.HasIndex(r => new { r.Quarter, r.DistrictId });
    }
}

internal sealed class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> builder)
    {
        builder.ToTable("trust_survey_answers");
        builder.Property(a => a.Choices).HasMaxLength(100);
        builder.Property(a => a.Text).HasMaxLength(SurveyRules.MaxAnswerTextLength);
        builder.HasOne<SurveyQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SurveyTokenUseConfiguration : IEntityTypeConfiguration<SurveyTokenUse>
{
    public void Configure(EntityTypeBuilder<SurveyTokenUse> builder)
    {
        builder.ToTable("trust_survey_token_uses");
        builder.HasKey(u => u.Hash);
        builder.Property(u => u.Hash).HasMaxLength(64);
    }
}

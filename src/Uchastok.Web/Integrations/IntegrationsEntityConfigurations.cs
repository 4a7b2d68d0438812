using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Uchastok.Web.Integrations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("integrations_api_keys");
        builder.Property(k => k.Name).HasMaxLength(200);
        builder.Property(k => k.Contact).HasMaxLength(200);
        builder.Property(k => k.Prefix).HasMaxLength(12);
        builder.Property(k => k.Hash).HasMaxLength(64);
        builder.Property(k => k.CreatedByUserId).HasMaxLength(450);
        builder.Property(k => k.RevokedByUserId).HasMaxLength(450);
        builder.HasIndex(k => k.Hash).IsUnique();
    }
}

internal sealed class ApiKeyUsageConfiguration : IEntityTypeConfiguration<ApiKeyUsage>
{
    public void Configure(EntityTypeBuilder<ApiKeyUsage> builder)
    {
        builder.ToTable("integrations_api_key_usage");
        builder.HasKey(u => new { u.ApiKeyId, u.Day });
        builder.HasOne<ApiKey>().WithMany().HasForeignKey(u => u.ApiKeyId).OnDelete(DeleteBehavior.Cascade);
    }
}

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Uchastok.Web.Territory;

namespace Uchastok.Web.Protocols;

internal sealed class ProtocolConfiguration : IEntityTypeConfiguration<Protocol>
{
    public void Configure(EntityTypeBuilder<Protocol> builder)
    {
        builder.ToTable("protocols_protocols");
        builder.HasIndex(p => p.ClientId).IsUnique();
        builder.Property(p => p.TypeCode).HasMaxLength(50);
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.DrafterUserId).HasMaxLength(450);
        builder.Property(p => p.ContentSha256).HasMaxLength(64);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<Officer>().WithMany().HasForeignKey(p => p.DrafterOfficerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<District>().WithMany().HasForeignKey(p => p.DistrictId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Beat>().WithMany().HasForeignKey(p => p.BeatId).OnDelete(DeleteBehavior.Restrict);
        // Lists page by id, newest first, within a drafter or a district.
        builder.HasIndex(p => new { p.DrafterUserId, p.Id });
        builder.HasIndex(p => new { p.DistrictId, p.Id });
    }
}

internal sealed class ProtocolSignatureConfiguration : IEntityTypeConfiguration<ProtocolSignature>
{
    public void Configure(EntityTypeBuilder<ProtocolSignature> builder)
    {
        builder.ToTable("protocols_signatures");
        builder.Property(s => s.Role).HasMaxLength(30);
        builder.Property(s => s.ImageSha256).HasMaxLength(64);
        builder.Property(s => s.ProtectedRefusalReason).HasMaxLength(4000);
        builder.HasOne<Protocol>().WithMany().HasForeignKey(s => s.ProtocolId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.ProtocolId, s.Role }).IsUnique();
    }
}

internal sealed class ProtocolAddendumConfiguration : IEntityTypeConfiguration<ProtocolAddendum>
{
    public void Configure(EntityTypeBuilder<ProtocolAddendum> builder)
    {
        builder.ToTable("protocols_addenda");
        builder.HasIndex(a => a.ClientId).IsUnique();
        builder.Property(a => a.ProtectedText).HasMaxLength(20000);
        builder.Property(a => a.SignerUserId).HasMaxLength(450);
        builder.Property(a => a.SignatureSha256).HasMaxLength(64);
        builder.Property(a => a.PreviousSha256).HasMaxLength(64);
        builder.Property(a => a.Sha256).HasMaxLength(64);
        builder.HasOne<Protocol>().WithMany().HasForeignKey(a => a.ProtocolId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.ProtocolId, a.Id });
    }
}

internal sealed class ProtocolSigningRefusalConfiguration : IEntityTypeConfiguration<ProtocolSigningRefusal>
{
    public void Configure(EntityTypeBuilder<ProtocolSigningRefusal> builder)
    {
        builder.ToTable("protocols_signing_refusals");
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.Property(r => r.TypeCode).HasMaxLength(50);
        builder.Property(r => r.Kind).HasMaxLength(10);
        builder.Property(r => r.Code).HasMaxLength(100);
        builder.Property(r => r.ContentSha256).HasMaxLength(64);
        builder.HasIndex(r => new { r.DistrictId, r.Code });
        // One attempt's rows once: the check before writing is a look-up on its first two columns, and two retries racing
        // each other are stopped here (nulls are distinct, so rows of no known attempt never collide).
        builder.HasIndex(r => new { r.ClientId, r.ContentSha256, r.Kind, r.Code }).IsUnique();
    }
}

internal sealed class ProtocolOffenceArticleConfiguration : IEntityTypeConfiguration<ProtocolOffenceArticle>
{
    public void Configure(EntityTypeBuilder<ProtocolOffenceArticle> builder)
    {
        builder.ToTable("protocols_offence_articles");
        builder.HasKey(a => a.OffenceCode);
        builder.Property(a => a.OffenceCode).HasMaxLength(100);
        builder.Property(a => a.Article).HasMaxLength(200);
        builder.Property(a => a.Source).HasMaxLength(1000);
        builder.Property(a => a.UpdatedByUserId).HasMaxLength(450);
    }
}

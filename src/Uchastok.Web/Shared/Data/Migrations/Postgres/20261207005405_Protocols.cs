using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Uchastok.Web.Shared.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Protocols : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "protocols_offence_articles",
                columns: table => new
                {
                    OffenceCode = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Article = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Source = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    UpdatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protocols_offence_articles", x => x.OffenceCode);
                });

            migrationBuilder.CreateTable(
                name: "protocols_protocols",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    TypeCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    State = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    DrafterUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    DrafterOfficerId = table.Column<int>(type: "integer", nullable: true),
                    DistrictId = table.Column<int>(type: "integer", nullable: false),
                    BeatId = table.Column<int>(type: "integer", nullable: true),
                    ProtectedDocument = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SignedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ContentSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    WitnessCount = table.Column<int>(type: "integer", nullable: true),
                    NothingFound = table.Column<bool>(type: "boolean", nullable: true),
                    ItemCount = table.Column<int>(type: "integer", nullable: true),
                    SeizedFirearmCount = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protocols_protocols", x => x.Id);
                    table.ForeignKey(
                        name: "FK_protocols_protocols_territory_beats_BeatId",
                        column: x => x.BeatId,
                        principalTable: "territory_beats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_protocols_protocols_territory_districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "territory_districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_protocols_protocols_territory_officers_DrafterOfficerId",
                        column: x => x.DrafterOfficerId,
                        principalTable: "territory_officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "protocols_signing_refusals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AttemptId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    OfficerId = table.Column<int>(type: "integer", nullable: true),
                    DistrictId = table.Column<int>(type: "integer", nullable: false),
                    TypeCode = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Kind = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protocols_signing_refusals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "protocols_addenda",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ClientId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProtocolId = table.Column<long>(type: "bigint", nullable: false),
                    ProtectedText = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    SignerUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ProtectedSignatureImage = table.Column<byte[]>(type: "bytea", nullable: false),
                    SignatureSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    PreviousSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protocols_addenda", x => x.Id);
                    table.ForeignKey(
                        name: "FK_protocols_addenda_protocols_protocols_ProtocolId",
                        column: x => x.ProtocolId,
                        principalTable: "protocols_protocols",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "protocols_signatures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProtocolId = table.Column<long>(type: "bigint", nullable: false),
                    Role = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    ProtectedImage = table.Column<byte[]>(type: "bytea", nullable: true),
                    ImageSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Refused = table.Column<bool>(type: "boolean", nullable: false),
                    ProtectedRefusalReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_protocols_signatures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_protocols_signatures_protocols_protocols_ProtocolId",
                        column: x => x.ProtocolId,
                        principalTable: "protocols_protocols",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_protocols_addenda_ClientId",
                table: "protocols_addenda",
                column: "ClientId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_protocols_addenda_ProtocolId_Id",
                table: "protocols_addenda",
                columns: new[] { "ProtocolId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_protocols_protocols_BeatId",
                table: "protocols_protocols",
                column: "BeatId");

            migrationBuilder.CreateIndex(
                name: "IX_protocols_protocols_ClientId",
                table: "protocols_protocols",
                column: "ClientId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_protocols_protocols_DistrictId_Id",
                table: "protocols_protocols",
                columns: new[] { "DistrictId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_protocols_protocols_DrafterOfficerId",
                table: "protocols_protocols",
                column: "DrafterOfficerId");

            migrationBuilder.CreateIndex(
                name: "IX_protocols_protocols_DrafterUserId_Id",
                table: "protocols_protocols",
                columns: new[] { "DrafterUserId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_protocols_signatures_ProtocolId_Role",
                table: "protocols_signatures",
                columns: new[] { "ProtocolId", "Role" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_protocols_signing_refusals_DistrictId_Code",
                table: "protocols_signing_refusals",
                columns: new[] { "DistrictId", "Code" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "protocols_addenda");

            migrationBuilder.DropTable(
                name: "protocols_offence_articles");

            migrationBuilder.DropTable(
                name: "protocols_signatures");

            migrationBuilder.DropTable(
                name: "protocols_signing_refusals");

            migrationBuilder.DropTable(
                name: "protocols_protocols");
        }
    }
}

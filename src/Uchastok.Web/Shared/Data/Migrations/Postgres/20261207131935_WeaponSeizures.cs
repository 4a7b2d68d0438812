using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Uchastok.Web.Shared.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class WeaponSeizures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "weaponseizures_seizures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DistrictId = table.Column<int>(type: "integer", nullable: false),
                    BeatId = table.Column<int>(type: "integer", nullable: true),
                    SeizedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Quarter = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    ProtectedPlace = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    ProtocolId = table.Column<long>(type: "bigint", nullable: true),
                    ProtocolNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    IncidentNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    RecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    RecordedByOfficerId = table.Column<int>(type: "integer", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_weaponseizures_seizures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_weaponseizures_seizures_protocols_protocols_ProtocolId",
                        column: x => x.ProtocolId,
                        principalTable: "protocols_protocols",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_weaponseizures_seizures_territory_beats_BeatId",
                        column: x => x.BeatId,
                        principalTable: "territory_beats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_weaponseizures_seizures_territory_districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "territory_districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_weaponseizures_seizures_territory_officers_RecordedByOffice~",
                        column: x => x.RecordedByOfficerId,
                        principalTable: "territory_officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "weaponseizures_determinants",
                columns: table => new
                {
                    SeizureId = table.Column<long>(type: "bigint", nullable: false),
                    Code = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_weaponseizures_determinants", x => new { x.SeizureId, x.Code });
                    table.ForeignKey(
                        name: "FK_weaponseizures_determinants_weaponseizures_seizures_Seizure~",
                        column: x => x.SeizureId,
                        principalTable: "weaponseizures_seizures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "weaponseizures_items",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SeizureId = table.Column<long>(type: "bigint", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Make = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Model = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Calibre = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Series = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Number = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_weaponseizures_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_weaponseizures_items_weaponseizures_seizures_SeizureId",
                        column: x => x.SeizureId,
                        principalTable: "weaponseizures_seizures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_weaponseizures_items_Category_Number",
                table: "weaponseizures_items",
                columns: new[] { "Category", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_weaponseizures_items_SeizureId_Position",
                table: "weaponseizures_items",
                columns: new[] { "SeizureId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_weaponseizures_seizures_BeatId_Id",
                table: "weaponseizures_seizures",
                columns: new[] { "BeatId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_weaponseizures_seizures_DistrictId_Quarter",
                table: "weaponseizures_seizures",
                columns: new[] { "DistrictId", "Quarter" });

            migrationBuilder.CreateIndex(
                name: "IX_weaponseizures_seizures_ProtocolId",
                table: "weaponseizures_seizures",
                column: "ProtocolId");

            migrationBuilder.CreateIndex(
                name: "IX_weaponseizures_seizures_RecordedByOfficerId",
                table: "weaponseizures_seizures",
                column: "RecordedByOfficerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "weaponseizures_determinants");

            migrationBuilder.DropTable(
                name: "weaponseizures_items");

            migrationBuilder.DropTable(
                name: "weaponseizures_seizures");
        }
    }
}

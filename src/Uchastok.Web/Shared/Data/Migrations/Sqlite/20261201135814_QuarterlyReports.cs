using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Uchastok.Web.Shared.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QuarterlyReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "transparency_quarterly_reports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Quarter = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: true),
                    BeatId = table.Column<int>(type: "INTEGER", nullable: true),
                    ScopeKey = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    FiguresJson = table.Column<string>(type: "TEXT", nullable: false),
                    NameKk = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    NameRu = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    DraftedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_transparency_quarterly_reports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_transparency_quarterly_reports_Quarter_ScopeKey",
                table: "transparency_quarterly_reports",
                columns: new[] { "Quarter", "ScopeKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_transparency_quarterly_reports_Status_Quarter_DistrictId",
                table: "transparency_quarterly_reports",
                columns: new[] { "Status", "Quarter", "DistrictId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "transparency_quarterly_reports");
        }
    }
}

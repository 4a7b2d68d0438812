using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Uchastok.Web.Shared.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PatrolSuggestions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "patrolplanning_suggestion_sets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BeatId = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    Period = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    GeneratedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    GeneratedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Method = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    GridOriginLongitude = table.Column<double>(type: "REAL", nullable: false),
                    GridOriginLatitude = table.Column<double>(type: "REAL", nullable: false),
                    CellMetres = table.Column<double>(type: "REAL", nullable: false),
                    BeatCells = table.Column<int>(type: "INTEGER", nullable: false),
                    HistoryIncidents = table.Column<int>(type: "INTEGER", nullable: false),
                    TimedIncidents = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patrolplanning_suggestion_sets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_patrolplanning_suggestion_sets_territory_beats_BeatId",
                        column: x => x.BeatId,
                        principalTable: "territory_beats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "patrolplanning_suggestions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rank = table.Column<int>(type: "INTEGER", nullable: false),
                    Column = table.Column<int>(type: "INTEGER", nullable: false),
                    Row = table.Column<int>(type: "INTEGER", nullable: false),
                    CentreLatitude = table.Column<double>(type: "REAL", nullable: false),
                    CentreLongitude = table.Column<double>(type: "REAL", nullable: false),
                    ExpectedShare = table.Column<double>(type: "REAL", nullable: false),
                    HourBands = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    TimedIncidents = table.Column<int>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DecisionReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DecidedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PatrolHours = table.Column<double>(type: "REAL", nullable: true),
                    PatrolNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patrolplanning_suggestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_patrolplanning_suggestions_patrolplanning_suggestion_sets_SetId",
                        column: x => x.SetId,
                        principalTable: "patrolplanning_suggestion_sets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_patrolplanning_suggestion_sets_BeatId_Period",
                table: "patrolplanning_suggestion_sets",
                columns: new[] { "BeatId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_patrolplanning_suggestion_sets_DistrictId_Period",
                table: "patrolplanning_suggestion_sets",
                columns: new[] { "DistrictId", "Period" });

            migrationBuilder.CreateIndex(
                name: "IX_patrolplanning_suggestions_SetId_Rank",
                table: "patrolplanning_suggestions",
                columns: new[] { "SetId", "Rank" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "patrolplanning_suggestions");

            migrationBuilder.DropTable(
                name: "patrolplanning_suggestion_sets");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Uchastok.Web.Shared.Data.Migrations.Postgres
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    BeatId = table.Column<int>(type: "integer", nullable: false),
                    DistrictId = table.Column<int>(type: "integer", nullable: false),
                    Period = table.Column<DateOnly>(type: "date", nullable: false),
                    GeneratedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    GeneratedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Method = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    GridOriginLongitude = table.Column<double>(type: "double precision", nullable: false),
                    GridOriginLatitude = table.Column<double>(type: "double precision", nullable: false),
                    CellMetres = table.Column<double>(type: "double precision", nullable: false),
                    BeatCells = table.Column<int>(type: "integer", nullable: false),
                    HistoryIncidents = table.Column<int>(type: "integer", nullable: false),
                    TimedIncidents = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SetId = table.Column<int>(type: "integer", nullable: false),
                    Rank = table.Column<int>(type: "integer", nullable: false),
                    Column = table.Column<int>(type: "integer", nullable: false),
                    Row = table.Column<int>(type: "integer", nullable: false),
                    CentreLatitude = table.Column<double>(type: "double precision", nullable: false),
                    CentreLongitude = table.Column<double>(type: "double precision", nullable: false),
                    ExpectedShare = table.Column<double>(type: "double precision", nullable: false),
                    HourBands = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    TimedIncidents = table.Column<int>(type: "integer", nullable: false),
                    Decision = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DecisionReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    DecidedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DecidedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PatrolHours = table.Column<double>(type: "double precision", nullable: true),
                    PatrolNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_patrolplanning_suggestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_patrolplanning_suggestions_patrolplanning_suggestion_sets_S~",
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

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Uchastok.Web.Shared.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class BeatDesign : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "beatdesign_beat_versions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DistrictId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RunId = table.Column<int>(type: "integer", nullable: true),
                    ApprovedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    BeatsGeoJson = table.Column<string>(type: "text", nullable: false),
                    BeatCount = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_beatdesign_beat_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_beatdesign_beat_versions_territory_districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "territory_districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "beatdesign_incident_imports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Format = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ImportedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ImportedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RowsRead = table.Column<int>(type: "integer", nullable: false),
                    RowsTaken = table.Column<int>(type: "integer", nullable: false),
                    RowsRefused = table.Column<int>(type: "integer", nullable: false),
                    RefusalsJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_beatdesign_incident_imports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "beatdesign_runs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DistrictId = table.Column<int>(type: "integer", nullable: false),
                    RequestedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RequestedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Beats = table.Column<int>(type: "integer", nullable: false),
                    Seed = table.Column<int>(type: "integer", nullable: false),
                    MinimalChange = table.Column<bool>(type: "boolean", nullable: false),
                    KeepReceptionPoints = table.Column<bool>(type: "boolean", nullable: false),
                    TimeLimitSeconds = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Progress = table.Column<double>(type: "double precision", nullable: false),
                    Phase = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    TerritoryRevision = table.Column<long>(type: "bigint", nullable: false),
                    StartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FinishedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PlanJson = table.Column<string>(type: "text", nullable: true),
                    BeforeJson = table.Column<string>(type: "text", nullable: true),
                    AfterJson = table.Column<string>(type: "text", nullable: true),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_beatdesign_runs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_beatdesign_runs_territory_districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "territory_districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "territory_small_areas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    DistrictId = table.Column<int>(type: "integer", nullable: false),
                    BeatId = table.Column<int>(type: "integer", nullable: true),
                    Population = table.Column<int>(type: "integer", nullable: false),
                    BoundaryGeoJson = table.Column<string>(type: "text", nullable: false),
                    AreaSquareKilometres = table.Column<double>(type: "double precision", nullable: false),
                    CentreLatitude = table.Column<double>(type: "double precision", nullable: false),
                    CentreLongitude = table.Column<double>(type: "double precision", nullable: false),
                    IsRural = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_territory_small_areas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_territory_small_areas_territory_beats_BeatId",
                        column: x => x.BeatId,
                        principalTable: "territory_beats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_territory_small_areas_territory_districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "territory_districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "beatdesign_incidents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ImportId = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false),
                    SmallAreaId = table.Column<int>(type: "integer", nullable: false),
                    DistrictId = table.Column<int>(type: "integer", nullable: false),
                    ExternalId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_beatdesign_incidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_beatdesign_incidents_beatdesign_incident_imports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "beatdesign_incident_imports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_beatdesign_incidents_territory_small_areas_SmallAreaId",
                        column: x => x.SmallAreaId,
                        principalTable: "territory_small_areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_beatdesign_beat_versions_DistrictId_Number",
                table: "beatdesign_beat_versions",
                columns: new[] { "DistrictId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_beatdesign_incidents_DistrictId_OccurredOn",
                table: "beatdesign_incidents",
                columns: new[] { "DistrictId", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_beatdesign_incidents_ImportId",
                table: "beatdesign_incidents",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_beatdesign_incidents_SmallAreaId",
                table: "beatdesign_incidents",
                column: "SmallAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_beatdesign_runs_DistrictId_RequestedAtUtc",
                table: "beatdesign_runs",
                columns: new[] { "DistrictId", "RequestedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_territory_small_areas_BeatId",
                table: "territory_small_areas",
                column: "BeatId");

            migrationBuilder.CreateIndex(
                name: "IX_territory_small_areas_Code",
                table: "territory_small_areas",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_territory_small_areas_DistrictId",
                table: "territory_small_areas",
                column: "DistrictId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "beatdesign_beat_versions");

            migrationBuilder.DropTable(
                name: "beatdesign_incidents");

            migrationBuilder.DropTable(
                name: "beatdesign_runs");

            migrationBuilder.DropTable(
                name: "beatdesign_incident_imports");

            migrationBuilder.DropTable(
                name: "territory_small_areas");
        }
    }
}

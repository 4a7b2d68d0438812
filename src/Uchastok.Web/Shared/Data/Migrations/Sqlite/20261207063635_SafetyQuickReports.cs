using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Uchastok.Web.Shared.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SafetyQuickReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "safety_incidents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    AddressText = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PlaceLocated = table.Column<bool>(type: "INTEGER", nullable: false),
                    BeatId = table.Column<int>(type: "INTEGER", nullable: true),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_safety_incidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_safety_incidents_territory_beats_BeatId",
                        column: x => x.BeatId,
                        principalTable: "territory_beats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_safety_incidents_territory_districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "territory_districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "safety_incident_photos",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    SizeBytes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_safety_incident_photos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_safety_incident_photos_safety_incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "safety_incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "safety_incident_steps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentId = table.Column<long>(type: "INTEGER", nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_safety_incident_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_safety_incident_steps_safety_incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "safety_incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_safety_incident_photos_IncidentId",
                table: "safety_incident_photos",
                column: "IncidentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_safety_incident_steps_IncidentId_AtUtc",
                table: "safety_incident_steps",
                columns: new[] { "IncidentId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_safety_incidents_BeatId_CreatedAtUtc",
                table: "safety_incidents",
                columns: new[] { "BeatId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_safety_incidents_CreatedAtUtc",
                table: "safety_incidents",
                column: "CreatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_safety_incidents_DistrictId_CreatedAtUtc",
                table: "safety_incidents",
                columns: new[] { "DistrictId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_safety_incidents_Reference",
                table: "safety_incidents",
                column: "Reference",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "safety_incident_photos");

            migrationBuilder.DropTable(
                name: "safety_incident_steps");

            migrationBuilder.DropTable(
                name: "safety_incidents");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Uchastok.Web.Shared.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SafetyConsoleDevicesAndNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AcknowledgedAtUtc",
                table: "safety_incidents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AcknowledgedByUserId",
                table: "safety_incidents",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AppealNumber",
                table: "safety_incidents",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAtUtc",
                table: "safety_incidents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedByUserId",
                table: "safety_incidents",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeviceEventId",
                table: "safety_incidents",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DeviceId",
                table: "safety_incidents",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EscalationLevel",
                table: "safety_incidents",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "MediaUrl",
                table: "safety_incidents",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "OccurredAtUtc",
                table: "safety_incidents",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "safety_incidents",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutcomePatrol",
                table: "safety_incidents",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "safety_devices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PlaceDescription = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false),
                    BeatId = table.Column<int>(type: "integer", nullable: false),
                    DistrictId = table.Column<int>(type: "integer", nullable: false),
                    HasCamera = table.Column<bool>(type: "boolean", nullable: false),
                    HasSpeaker = table.Column<bool>(type: "boolean", nullable: false),
                    KeyHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    KeyIssuedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    RevokedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_safety_devices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_safety_devices_territory_beats_BeatId",
                        column: x => x.BeatId,
                        principalTable: "territory_beats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_safety_devices_territory_districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "territory_districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_safety_incidents_DeviceId_DeviceEventId",
                table: "safety_incidents",
                columns: new[] { "DeviceId", "DeviceEventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_safety_incidents_Status_CreatedAtUtc",
                table: "safety_incidents",
                columns: new[] { "Status", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_safety_devices_BeatId",
                table: "safety_devices",
                column: "BeatId");

            migrationBuilder.CreateIndex(
                name: "IX_safety_devices_DistrictId",
                table: "safety_devices",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_safety_devices_KeyHash",
                table: "safety_devices",
                column: "KeyHash",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_safety_incidents_safety_devices_DeviceId",
                table: "safety_incidents",
                column: "DeviceId",
                principalTable: "safety_devices",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_safety_incidents_safety_devices_DeviceId",
                table: "safety_incidents");

            migrationBuilder.DropTable(
                name: "safety_devices");

            migrationBuilder.DropIndex(
                name: "IX_safety_incidents_DeviceId_DeviceEventId",
                table: "safety_incidents");

            migrationBuilder.DropIndex(
                name: "IX_safety_incidents_Status_CreatedAtUtc",
                table: "safety_incidents");

            migrationBuilder.DropColumn(
                name: "AcknowledgedAtUtc",
                table: "safety_incidents");

            migrationBuilder.DropColumn(
                name: "AcknowledgedByUserId",
                table: "safety_incidents");

            migrationBuilder.DropColumn(
                name: "AppealNumber",
                table: "safety_incidents");

            migrationBuilder.DropColumn(
                name: "ClosedAtUtc",
                table: "safety_incidents");

            migrationBuilder.DropColumn(
                name: "ClosedByUserId",
                table: "safety_incidents");

            migrationBuilder.DropColumn(
                name: "DeviceEventId",
                table: "safety_incidents");

            migrationBuilder.DropColumn(
                name: "DeviceId",
                table: "safety_incidents");

            migrationBuilder.DropColumn(
                name: "EscalationLevel",
                table: "safety_incidents");

            migrationBuilder.DropColumn(
                name: "MediaUrl",
                table: "safety_incidents");

            migrationBuilder.DropColumn(
                name: "OccurredAtUtc",
                table: "safety_incidents");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "safety_incidents");

            migrationBuilder.DropColumn(
                name: "OutcomePatrol",
                table: "safety_incidents");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Uchastok.Web.Shared.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SafetyConsole : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AcknowledgedAtUtc",
                table: "safety_incidents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AcknowledgedByUserId",
                table: "safety_incidents",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AppealNumber",
                table: "safety_incidents",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ClosedAtUtc",
                table: "safety_incidents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClosedByUserId",
                table: "safety_incidents",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "EscalationLevel",
                table: "safety_incidents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "safety_incidents",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutcomePatrol",
                table: "safety_incidents",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_safety_incidents_Status_CreatedAtUtc",
                table: "safety_incidents",
                columns: new[] { "Status", "CreatedAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
                name: "EscalationLevel",
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

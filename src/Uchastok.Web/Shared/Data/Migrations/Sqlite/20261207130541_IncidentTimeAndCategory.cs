using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Uchastok.Web.Shared.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IncidentTimeAndCategory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Category",
                table: "beatdesign_incidents",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<TimeOnly>(
                name: "OccurredAt",
                table: "beatdesign_incidents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_beatdesign_incidents_DistrictId_Category_OccurredOn",
                table: "beatdesign_incidents",
                columns: new[] { "DistrictId", "Category", "OccurredOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_beatdesign_incidents_DistrictId_Category_OccurredOn",
                table: "beatdesign_incidents");

            migrationBuilder.DropColumn(
                name: "Category",
                table: "beatdesign_incidents");

            migrationBuilder.DropColumn(
                name: "OccurredAt",
                table: "beatdesign_incidents");
        }
    }
}

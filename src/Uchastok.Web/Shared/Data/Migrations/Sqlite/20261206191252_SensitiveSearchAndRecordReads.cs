using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Uchastok.Web.Shared.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SensitiveSearchAndRecordReads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "RecordId",
                table: "accounts_personal_data_access",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordKind",
                table: "accounts_personal_data_access",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "shared_search_keys",
                columns: table => new
                {
                    Name = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ProtectedKey = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_shared_search_keys", x => x.Name);
                });

            migrationBuilder.CreateIndex(
                name: "IX_accounts_personal_data_access_RecordKind_RecordId_AtUtc",
                table: "accounts_personal_data_access",
                columns: new[] { "RecordKind", "RecordId", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "shared_search_keys");

            migrationBuilder.DropIndex(
                name: "IX_accounts_personal_data_access_RecordKind_RecordId_AtUtc",
                table: "accounts_personal_data_access");

            migrationBuilder.DropColumn(
                name: "RecordId",
                table: "accounts_personal_data_access");

            migrationBuilder.DropColumn(
                name: "RecordKind",
                table: "accounts_personal_data_access");
        }
    }
}

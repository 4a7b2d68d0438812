using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Uchastok.Web.Shared.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ApplicantContactsAndSensitiveCategories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsSensitive",
                table: "appeals_categories",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "appeals_contacts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ContactHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ConfirmedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CodeHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CodeAttempts = table.Column<int>(type: "integer", nullable: false),
                    LastMessageAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WindowStartedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FilingsInWindow = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_appeals_contacts", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_appeals_contacts_ContactHash",
                table: "appeals_contacts",
                column: "ContactHash",
                unique: true);

            // The categories that were sensitive by configuration before are flagged, so nothing becomes public by the upgrade.
            migrationBuilder.Sql("UPDATE appeals_categories SET \"IsSensitive\" = TRUE WHERE \"Code\" IN ('domestic', 'minors')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "appeals_contacts");

            migrationBuilder.DropColumn(
                name: "IsSensitive",
                table: "appeals_categories");
        }
    }
}

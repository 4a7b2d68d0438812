using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Uchastok.Web.Shared.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProtocolsRefinements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ClientId",
                table: "protocols_signing_refusals",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContentSha256",
                table: "protocols_signing_refusals",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IinHash",
                table: "accounts_users",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ShiftEndsAtUtc",
                table: "accounts_sessions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_protocols_signing_refusals_ClientId_ContentSha256_Kind_Code",
                table: "protocols_signing_refusals",
                columns: new[] { "ClientId", "ContentSha256", "Kind", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_accounts_users_IinHash",
                table: "accounts_users",
                column: "IinHash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_protocols_signing_refusals_ClientId_ContentSha256_Kind_Code",
                table: "protocols_signing_refusals");

            migrationBuilder.DropIndex(
                name: "IX_accounts_users_IinHash",
                table: "accounts_users");

            migrationBuilder.DropColumn(
                name: "ClientId",
                table: "protocols_signing_refusals");

            migrationBuilder.DropColumn(
                name: "ContentSha256",
                table: "protocols_signing_refusals");

            migrationBuilder.DropColumn(
                name: "IinHash",
                table: "accounts_users");

            migrationBuilder.DropColumn(
                name: "ShiftEndsAtUtc",
                table: "accounts_sessions");
        }
    }
}

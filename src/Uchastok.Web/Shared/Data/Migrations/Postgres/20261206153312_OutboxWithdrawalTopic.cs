using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Uchastok.Web.Shared.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OutboxWithdrawalTopic : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "WithdrawalTopic",
                table: "notifications_outbox",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_notifications_outbox_WithdrawalTopic",
                table: "notifications_outbox",
                column: "WithdrawalTopic");

            // Messages queued before the column existed get the topic Community now gives them, so that leaving still
            // withdraws them and erases the address: confirmations (key subscription:{hash16}:confirm:{ticks}) carry it
            // in their key; mailings (key mailing:{mailing}:{subscription}) take it from their subscription.
            migrationBuilder.Sql("""
                UPDATE notifications_outbox SET "WithdrawalTopic" = left("DedupeKey", 29)
                WHERE "DedupeKey" LIKE 'subscription:%:confirm:%';
                """);
            migrationBuilder.Sql("""
                UPDATE notifications_outbox AS o SET "WithdrawalTopic" = 'subscription:' || left(s."TokenHash", 16)
                FROM community_subscriptions AS s
                WHERE o."DedupeKey" LIKE 'mailing:%:%'
                  AND s."Id" = CASE WHEN split_part(o."DedupeKey", ':', 3) ~ '^[0-9]{1,18}$' THEN CAST(split_part(o."DedupeKey", ':', 3) AS bigint) END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_notifications_outbox_WithdrawalTopic",
                table: "notifications_outbox");

            migrationBuilder.DropColumn(
                name: "WithdrawalTopic",
                table: "notifications_outbox");
        }
    }
}

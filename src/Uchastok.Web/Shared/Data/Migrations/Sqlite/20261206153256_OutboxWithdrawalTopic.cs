using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Uchastok.Web.Shared.Data.Migrations.Sqlite
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
                type: "TEXT",
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
                UPDATE notifications_outbox SET WithdrawalTopic = substr(DedupeKey, 1, 29)
                WHERE DedupeKey LIKE 'subscription:%:confirm:%';
                """);
            migrationBuilder.Sql("""
                UPDATE notifications_outbox SET WithdrawalTopic = (
                    SELECT 'subscription:' || substr(s.TokenHash, 1, 16) FROM community_subscriptions s
                    WHERE s.Id = CAST(substr(notifications_outbox.DedupeKey, 9 + instr(substr(notifications_outbox.DedupeKey, 9), ':')) AS INTEGER))
                WHERE DedupeKey LIKE 'mailing:%:%';
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

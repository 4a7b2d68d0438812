using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Uchastok.Web.Shared.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DomesticViolenceCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "prevention_dv_cases",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BeatId = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AppealId = table.Column<long>(type: "INTEGER", nullable: true),
                    TipId = table.Column<long>(type: "INTEGER", nullable: true),
                    DetectedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AddressText = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    AddressKey = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ProtectedSummary = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ProtocolOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ProtocolNumber = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SentToCourtOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CourtDecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CourtOutcome = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    OffenderEntryId = table.Column<long>(type: "INTEGER", nullable: true),
                    ProtectedVictimName = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    VictimKey = table.Column<long>(type: "INTEGER", nullable: true),
                    ProtectedVictimAddress = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ProtectedVictimPhone = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ProtectedVictimEmail = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    VictimChannel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    ReferralConsentOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReferralOrganisation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReferredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    IsRepeat = table.Column<bool>(type: "INTEGER", nullable: false),
                    RepeatOfCaseId = table.Column<long>(type: "INTEGER", nullable: true),
                    RepeatReasons = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prevention_dv_cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_prevention_dv_cases_prevention_entries_OffenderEntryId",
                        column: x => x.OffenderEntryId,
                        principalTable: "prevention_entries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_prevention_dv_cases_territory_beats_BeatId",
                        column: x => x.BeatId,
                        principalTable: "territory_beats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "prevention_dv_measure_types",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NameKk = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameRu = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    LegalSource = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CheckIntervalCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CheckIntervalUnit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prevention_dv_measure_types", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "prevention_dv_settings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RepeatWindowCount = table.Column<int>(type: "INTEGER", nullable: true),
                    RepeatWindowUnit = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    RepeatWindowSource = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prevention_dv_settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "prevention_dv_evidence",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    ProtectedPersonName = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ProtectedContact = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ProtectedText = table.Column<string>(type: "TEXT", maxLength: 16000, nullable: true),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prevention_dv_evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_prevention_dv_evidence_prevention_dv_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "prevention_dv_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "prevention_dv_measures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: false),
                    TypeId = table.Column<int>(type: "INTEGER", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NextCheckDue = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_prevention_dv_measures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_prevention_dv_measures_prevention_dv_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "prevention_dv_cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_prevention_dv_measures_prevention_dv_measure_types_TypeId",
                        column: x => x.TypeId,
                        principalTable: "prevention_dv_measure_types",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_prevention_dv_cases_AddressKey",
                table: "prevention_dv_cases",
                column: "AddressKey");

            migrationBuilder.CreateIndex(
                name: "IX_prevention_dv_cases_BeatId_DetectedOn",
                table: "prevention_dv_cases",
                columns: new[] { "BeatId", "DetectedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_prevention_dv_cases_DistrictId_State",
                table: "prevention_dv_cases",
                columns: new[] { "DistrictId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_prevention_dv_cases_OffenderEntryId",
                table: "prevention_dv_cases",
                column: "OffenderEntryId");

            migrationBuilder.CreateIndex(
                name: "IX_prevention_dv_evidence_CaseId",
                table: "prevention_dv_evidence",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_prevention_dv_measures_CaseId",
                table: "prevention_dv_measures",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_prevention_dv_measures_NextCheckDue",
                table: "prevention_dv_measures",
                column: "NextCheckDue");

            migrationBuilder.CreateIndex(
                name: "IX_prevention_dv_measures_TypeId",
                table: "prevention_dv_measures",
                column: "TypeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "prevention_dv_evidence");

            migrationBuilder.DropTable(
                name: "prevention_dv_measures");

            migrationBuilder.DropTable(
                name: "prevention_dv_settings");

            migrationBuilder.DropTable(
                name: "prevention_dv_cases");

            migrationBuilder.DropTable(
                name: "prevention_dv_measure_types");
        }
    }
}

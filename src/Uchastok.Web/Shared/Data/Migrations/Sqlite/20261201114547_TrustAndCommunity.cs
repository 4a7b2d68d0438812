using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Uchastok.Web.Shared.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TrustAndCommunity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ComplaintUpheld",
                table: "appeals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "community_mailings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    BeatId = table.Column<int>(type: "INTEGER", nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SubjectKk = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    SubjectRu = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    SubjectEn = table.Column<string>(type: "TEXT", maxLength: 150, nullable: false),
                    TextKk = table.Column<string>(type: "TEXT", maxLength: 1500, nullable: false),
                    TextRu = table.Column<string>(type: "TEXT", maxLength: 1500, nullable: false),
                    TextEn = table.Column<string>(type: "TEXT", maxLength: 1500, nullable: false),
                    Recipients = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SentByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_mailings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "community_meetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BeatId = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    OfficerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartsAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Agenda = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Attendance = table.Column<int>(type: "INTEGER", nullable: true),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_meetings_territory_beats_BeatId",
                        column: x => x.BeatId,
                        principalTable: "territory_beats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_community_meetings_territory_officers_OfficerId",
                        column: x => x.OfficerId,
                        principalTable: "territory_officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "community_preventive_activities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BeatId = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    OfficerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Participants = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecordedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_preventive_activities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_preventive_activities_territory_beats_BeatId",
                        column: x => x.BeatId,
                        principalTable: "territory_beats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_community_preventive_activities_territory_officers_OfficerId",
                        column: x => x.OfficerId,
                        principalTable: "territory_officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "community_reception_bookings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OfficerId = table.Column<int>(type: "INTEGER", nullable: false),
                    BeatId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReceptionPointId = table.Column<int>(type: "INTEGER", nullable: true),
                    StartsAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProtectedToken = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RemindedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CancelledAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_reception_bookings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_reception_bookings_territory_beats_BeatId",
                        column: x => x.BeatId,
                        principalTable: "territory_beats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_community_reception_bookings_territory_officers_OfficerId",
                        column: x => x.OfficerId,
                        principalTable: "territory_officers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "community_subscriptions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    BeatId = table.Column<int>(type: "INTEGER", nullable: true),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    ScopeKey = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProtectedToken = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ConfirmedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConfirmationSentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UnsubscribedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_subscriptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_subscriptions_territory_districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "territory_districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "evaluation_kpi_weights",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    WeightsJson = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ActivitiesTarget = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_evaluation_kpi_weights", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "trust_survey_places",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    NameKk = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameRu = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BeatId = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trust_survey_places", x => x.Id);
                    table.ForeignKey(
                        name: "FK_trust_survey_places_territory_beats_BeatId",
                        column: x => x.BeatId,
                        principalTable: "territory_beats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trust_survey_token_uses",
                columns: table => new
                {
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trust_survey_token_uses", x => x.Hash);
                });

            migrationBuilder.CreateTable(
                name: "trust_surveys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TitleKk = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleRu = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IntroKk = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IntroRu = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IntroEn = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AskDemographics = table.Column<bool>(type: "INTEGER", nullable: false),
                    AfterAppeals = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trust_surveys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "community_priorities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    BeatId = table.Column<int>(type: "INTEGER", nullable: false),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    Issue = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    RaisedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Action = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ActionOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    ChangedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_community_priorities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_community_priorities_community_meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "community_meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_community_priorities_territory_beats_BeatId",
                        column: x => x.BeatId,
                        principalTable: "territory_beats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trust_survey_questions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SurveyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    TextKk = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    TextRu = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    TextEn = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Criterion = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Dimension = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    Required = table.Column<bool>(type: "INTEGER", nullable: false),
                    OptionsJson = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trust_survey_questions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_trust_survey_questions_trust_surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "trust_surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "trust_survey_responses",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SurveyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Quarter = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    SubmittedWeek = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PlaceId = table.Column<int>(type: "INTEGER", nullable: true),
                    BeatId = table.Column<int>(type: "INTEGER", nullable: true),
                    DistrictId = table.Column<int>(type: "INTEGER", nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    AgeBand = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Sex = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trust_survey_responses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_trust_survey_responses_trust_surveys_SurveyId",
                        column: x => x.SurveyId,
                        principalTable: "trust_surveys",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "trust_survey_answers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResponseId = table.Column<long>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<int>(type: "INTEGER", nullable: true),
                    Choices = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_trust_survey_answers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_trust_survey_answers_trust_survey_questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "trust_survey_questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_trust_survey_answers_trust_survey_responses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "trust_survey_responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_community_mailings_DistrictId_SentAtUtc",
                table: "community_mailings",
                columns: new[] { "DistrictId", "SentAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_community_meetings_BeatId_StartsAtUtc",
                table: "community_meetings",
                columns: new[] { "BeatId", "StartsAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_community_meetings_DistrictId_HeldOn",
                table: "community_meetings",
                columns: new[] { "DistrictId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_community_meetings_OfficerId_HeldOn",
                table: "community_meetings",
                columns: new[] { "OfficerId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_community_preventive_activities_BeatId",
                table: "community_preventive_activities",
                column: "BeatId");

            migrationBuilder.CreateIndex(
                name: "IX_community_preventive_activities_OfficerId_DoneOn",
                table: "community_preventive_activities",
                columns: new[] { "OfficerId", "DoneOn" });

            migrationBuilder.CreateIndex(
                name: "IX_community_priorities_BeatId_RaisedOn",
                table: "community_priorities",
                columns: new[] { "BeatId", "RaisedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_community_priorities_MeetingId",
                table: "community_priorities",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_community_reception_bookings_BeatId",
                table: "community_reception_bookings",
                column: "BeatId");

            migrationBuilder.CreateIndex(
                name: "IX_community_reception_bookings_OfficerId_StartsAtUtc",
                table: "community_reception_bookings",
                columns: new[] { "OfficerId", "StartsAtUtc" },
                unique: true,
                filter: "\"Status\" = 'Booked'");

            migrationBuilder.CreateIndex(
                name: "IX_community_reception_bookings_TokenHash",
                table: "community_reception_bookings",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_community_subscriptions_Address_ScopeKey",
                table: "community_subscriptions",
                columns: new[] { "Address", "ScopeKey" },
                unique: true,
                filter: "\"UnsubscribedAtUtc\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_community_subscriptions_DistrictId_BeatId",
                table: "community_subscriptions",
                columns: new[] { "DistrictId", "BeatId" });

            migrationBuilder.CreateIndex(
                name: "IX_community_subscriptions_TokenHash",
                table: "community_subscriptions",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_evaluation_kpi_weights_DistrictId_ChangedAtUtc",
                table: "evaluation_kpi_weights",
                columns: new[] { "DistrictId", "ChangedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_trust_survey_answers_QuestionId",
                table: "trust_survey_answers",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_trust_survey_answers_ResponseId",
                table: "trust_survey_answers",
                column: "ResponseId");

            migrationBuilder.CreateIndex(
                name: "IX_trust_survey_places_BeatId",
                table: "trust_survey_places",
                column: "BeatId");

            migrationBuilder.CreateIndex(
                name: "IX_trust_survey_places_Code",
                table: "trust_survey_places",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_trust_survey_places_DistrictId",
                table: "trust_survey_places",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_trust_survey_questions_SurveyId_Position",
                table: "trust_survey_questions",
                columns: new[] { "SurveyId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_trust_survey_responses_Quarter_DistrictId",
                table: "trust_survey_responses",
                columns: new[] { "Quarter", "DistrictId" });

            migrationBuilder.CreateIndex(
                name: "IX_trust_survey_responses_SurveyId_Quarter_BeatId",
                table: "trust_survey_responses",
                columns: new[] { "SurveyId", "Quarter", "BeatId" });

            migrationBuilder.CreateIndex(
                name: "IX_trust_surveys_Code",
                table: "trust_surveys",
                column: "Code",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "community_mailings");

            migrationBuilder.DropTable(
                name: "community_preventive_activities");

            migrationBuilder.DropTable(
                name: "community_priorities");

            migrationBuilder.DropTable(
                name: "community_reception_bookings");

            migrationBuilder.DropTable(
                name: "community_subscriptions");

            migrationBuilder.DropTable(
                name: "evaluation_kpi_weights");

            migrationBuilder.DropTable(
                name: "trust_survey_answers");

            migrationBuilder.DropTable(
                name: "trust_survey_places");

            migrationBuilder.DropTable(
                name: "trust_survey_token_uses");

            migrationBuilder.DropTable(
                name: "community_meetings");

            migrationBuilder.DropTable(
                name: "trust_survey_questions");

            migrationBuilder.DropTable(
                name: "trust_survey_responses");

            migrationBuilder.DropTable(
                name: "trust_surveys");

            migrationBuilder.DropColumn(
                name: "ComplaintUpheld",
                table: "appeals");
        }
    }
}

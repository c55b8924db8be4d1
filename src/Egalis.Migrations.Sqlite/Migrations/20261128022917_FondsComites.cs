using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egalis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FondsComites : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Dossiers_OrganisationId",
                table: "Dossiers");

            migrationBuilder.AddColumn<string>(
                name: "Bic",
                table: "Dossiers",
                type: "TEXT",
                maxLength: 11,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Iban",
                table: "Dossiers",
                type: "TEXT",
                maxLength: 34,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitulaireCompte",
                table: "Dossiers",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Comites",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AppelId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    TenuLe = table.Column<long>(type: "INTEGER", nullable: true),
                    TenuPar = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Comites", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Comites_AppelsAProjets_AppelId",
                        column: x => x.AppelId,
                        principalTable: "AppelsAProjets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Notations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DossierId = table.Column<int>(type: "INTEGER", nullable: false),
                    CritereId = table.Column<int>(type: "INTEGER", nullable: false),
                    InstructeurId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    InstructeurNom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Note = table.Column<int>(type: "INTEGER", nullable: false),
                    ModifieLe = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notations_CriteresNotation_CritereId",
                        column: x => x.CritereId,
                        principalTable: "CriteresNotation",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Notations_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DecisionsComite",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    DossierId = table.Column<int>(type: "INTEGER", nullable: false),
                    Accorde = table.Column<bool>(type: "INTEGER", nullable: false),
                    Montant = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    Motif = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    EngagementId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionsComite", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionsComite_Comites_ComiteId",
                        column: x => x.ComiteId,
                        principalTable: "Comites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DecisionsComite_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_DecisionsComite_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_OrganisationId_AppelId",
                table: "Dossiers",
                columns: new[] { "OrganisationId", "AppelId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Comites_AppelId_Date",
                table: "Comites",
                columns: new[] { "AppelId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionsComite_ComiteId_DossierId",
                table: "DecisionsComite",
                columns: new[] { "ComiteId", "DossierId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DecisionsComite_DossierId",
                table: "DecisionsComite",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_DecisionsComite_EngagementId",
                table: "DecisionsComite",
                column: "EngagementId");

            migrationBuilder.CreateIndex(
                name: "IX_Notations_CritereId",
                table: "Notations",
                column: "CritereId");

            migrationBuilder.CreateIndex(
                name: "IX_Notations_DossierId_CritereId_InstructeurId",
                table: "Notations",
                columns: new[] { "DossierId", "CritereId", "InstructeurId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DecisionsComite");

            migrationBuilder.DropTable(
                name: "Notations");

            migrationBuilder.DropTable(
                name: "Comites");

            migrationBuilder.DropIndex(
                name: "IX_Dossiers_OrganisationId_AppelId",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "Bic",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "Iban",
                table: "Dossiers");

            migrationBuilder.DropColumn(
                name: "TitulaireCompte",
                table: "Dossiers");

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_OrganisationId",
                table: "Dossiers",
                column: "OrganisationId");
        }
    }
}

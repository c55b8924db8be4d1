using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egalis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FondsDossiers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Dossiers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AppelId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Etat = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreePar = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CreeLe = table.Column<long>(type: "INTEGER", nullable: false),
                    ModifieLe = table.Column<long>(type: "INTEGER", nullable: false),
                    DeposeLe = table.Column<long>(type: "INTEGER", nullable: true),
                    CorrectionDemandee = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ConseilTerritoireCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Agrements = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Salaries = table.Column<int>(type: "INTEGER", nullable: true),
                    Etp = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: true),
                    Benevoles = table.Column<int>(type: "INTEGER", nullable: true),
                    Intitule = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Objectifs = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Description = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    PublicVise = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    NombreBeneficiaires = table.Column<int>(type: "INTEGER", nullable: true),
                    DateDebut = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DateFin = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Communes = table.Column<string>(type: "TEXT", nullable: false),
                    Qpv = table.Column<string>(type: "TEXT", nullable: false),
                    Criteres = table.Column<string>(type: "TEXT", nullable: false),
                    Domaines = table.Column<string>(type: "TEXT", nullable: false),
                    Moyens = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Evaluation = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    MontantDemande = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    Attestation = table.Column<bool>(type: "INTEGER", nullable: false),
                    EngagementRepublicain = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Dossiers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Dossiers_AppelsAProjets_AppelId",
                        column: x => x.AppelId,
                        principalTable: "AppelsAProjets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Dossiers_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LignesBudgetDossier",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DossierId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Montant = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LignesBudgetDossier", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LignesBudgetDossier_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_AppelId_Etat",
                table: "Dossiers",
                columns: new[] { "AppelId", "Etat" });

            migrationBuilder.CreateIndex(
                name: "IX_Dossiers_OrganisationId",
                table: "Dossiers",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_LignesBudgetDossier_DossierId_Code",
                table: "LignesBudgetDossier",
                columns: new[] { "DossierId", "Code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LignesBudgetDossier");

            migrationBuilder.DropTable(
                name: "Dossiers");
        }
    }
}

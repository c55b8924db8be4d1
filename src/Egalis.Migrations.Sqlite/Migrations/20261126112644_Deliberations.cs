using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egalis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Deliberations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LiensElementPlan");

            migrationBuilder.CreateTable(
                name: "Assemblees",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    ConseilTerritoireCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assemblees", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Elus",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Nom = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Elus", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Mandats",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssembleeId = table.Column<int>(type: "INTEGER", nullable: false),
                    EluId = table.Column<int>(type: "INTEGER", nullable: false),
                    Debut = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Fin = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mandats", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Mandats_Assemblees_AssembleeId",
                        column: x => x.AssembleeId,
                        principalTable: "Assemblees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Mandats_Elus_EluId",
                        column: x => x.EluId,
                        principalTable: "Elus",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Seances",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AssembleeId = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Lieu = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DateConvocation = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FondementConvocation = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    PresidentMandatId = table.Column<int>(type: "INTEGER", nullable: true),
                    SecretaireMandatId = table.Column<int>(type: "INTEGER", nullable: true),
                    PolitiqueCode = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    SeanceInitialeId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Seances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Seances_Assemblees_AssembleeId",
                        column: x => x.AssembleeId,
                        principalTable: "Assemblees",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Seances_Mandats_PresidentMandatId",
                        column: x => x.PresidentMandatId,
                        principalTable: "Mandats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Seances_Mandats_SecretaireMandatId",
                        column: x => x.SecretaireMandatId,
                        principalTable: "Mandats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Seances_Seances_SeanceInitialeId",
                        column: x => x.SeanceInitialeId,
                        principalTable: "Seances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PointsOrdreDuJour",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SeanceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rang = table.Column<int>(type: "INTEGER", nullable: false),
                    NumeroRapport = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Theme = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Objet = table.Column<string>(type: "TEXT", maxLength: 499, nullable: false),
                    RapporteurMandatId = table.Column<int>(type: "INTEGER", nullable: true),
                    MatiereCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    NatureCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Genre = table.Column<int>(type: "INTEGER", nullable: false),
                    Rapport = table.Column<string>(type: "TEXT", nullable: true),
                    Visas = table.Column<string>(type: "TEXT", nullable: false),
                    Considerants = table.Column<string>(type: "TEXT", nullable: false),
                    Articles = table.Column<string>(type: "TEXT", nullable: false),
                    TextePriseActe = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    NumeroActe = table.Column<string>(type: "TEXT", maxLength: 15, nullable: true),
                    ScrutinSecret = table.Column<bool>(type: "INTEGER", nullable: false),
                    Pour = table.Column<int>(type: "INTEGER", nullable: true),
                    Contre = table.Column<int>(type: "INTEGER", nullable: true),
                    Abstention = table.Column<int>(type: "INTEGER", nullable: true),
                    NePrendPasPart = table.Column<int>(type: "INTEGER", nullable: true),
                    VoixPresidentPour = table.Column<bool>(type: "INTEGER", nullable: true),
                    ResultatSansDecompte = table.Column<int>(type: "INTEGER", nullable: true),
                    Transmission = table.Column<int>(type: "INTEGER", nullable: false),
                    DateSignature = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DateTransmission = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DateAccuse = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MotifRefus = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointsOrdreDuJour", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PointsOrdreDuJour_Mandats_RapporteurMandatId",
                        column: x => x.RapporteurMandatId,
                        principalTable: "Mandats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PointsOrdreDuJour_Seances_SeanceId",
                        column: x => x.SeanceId,
                        principalTable: "Seances",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LiensDeliberation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PointId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiensDeliberation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiensDeliberation_PointsOrdreDuJour_PointId",
                        column: x => x.PointId,
                        principalTable: "PointsOrdreDuJour",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Presences",
                columns: table => new
                {
                    PointId = table.Column<int>(type: "INTEGER", nullable: false),
                    MandatId = table.Column<int>(type: "INTEGER", nullable: false),
                    Statut = table.Column<int>(type: "INTEGER", nullable: false),
                    MandataireMandatId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Presences", x => new { x.PointId, x.MandatId });
                    table.ForeignKey(
                        name: "FK_Presences_Mandats_MandatId",
                        column: x => x.MandatId,
                        principalTable: "Mandats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Presences_Mandats_MandataireMandatId",
                        column: x => x.MandataireMandatId,
                        principalTable: "Mandats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Presences_PointsOrdreDuJour_PointId",
                        column: x => x.PointId,
                        principalTable: "PointsOrdreDuJour",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Assemblees_Code",
                table: "Assemblees",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Elus_Nom",
                table: "Elus",
                column: "Nom");

            migrationBuilder.CreateIndex(
                name: "IX_LiensDeliberation_PointId_Type_Reference",
                table: "LiensDeliberation",
                columns: new[] { "PointId", "Type", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LiensDeliberation_Type_Reference",
                table: "LiensDeliberation",
                columns: new[] { "Type", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_Mandats_AssembleeId_EluId_Debut",
                table: "Mandats",
                columns: new[] { "AssembleeId", "EluId", "Debut" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Mandats_EluId",
                table: "Mandats",
                column: "EluId");

            migrationBuilder.CreateIndex(
                name: "IX_PointsOrdreDuJour_NumeroActe",
                table: "PointsOrdreDuJour",
                column: "NumeroActe",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PointsOrdreDuJour_RapporteurMandatId",
                table: "PointsOrdreDuJour",
                column: "RapporteurMandatId");

            migrationBuilder.CreateIndex(
                name: "IX_PointsOrdreDuJour_SeanceId_Rang",
                table: "PointsOrdreDuJour",
                columns: new[] { "SeanceId", "Rang" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Presences_MandataireMandatId",
                table: "Presences",
                column: "MandataireMandatId");

            migrationBuilder.CreateIndex(
                name: "IX_Presences_MandatId",
                table: "Presences",
                column: "MandatId");

            migrationBuilder.CreateIndex(
                name: "IX_Seances_AssembleeId_Date",
                table: "Seances",
                columns: new[] { "AssembleeId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Seances_PresidentMandatId",
                table: "Seances",
                column: "PresidentMandatId");

            migrationBuilder.CreateIndex(
                name: "IX_Seances_SeanceInitialeId",
                table: "Seances",
                column: "SeanceInitialeId");

            migrationBuilder.CreateIndex(
                name: "IX_Seances_SecretaireMandatId",
                table: "Seances",
                column: "SecretaireMandatId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LiensDeliberation");

            migrationBuilder.DropTable(
                name: "Presences");

            migrationBuilder.DropTable(
                name: "PointsOrdreDuJour");

            migrationBuilder.DropTable(
                name: "Seances");

            migrationBuilder.DropTable(
                name: "Mandats");

            migrationBuilder.DropTable(
                name: "Assemblees");

            migrationBuilder.DropTable(
                name: "Elus");

            migrationBuilder.CreateTable(
                name: "LiensElementPlan",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ElementPlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Libelle = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LiensElementPlan", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LiensElementPlan_ElementsPlan_ElementPlanId",
                        column: x => x.ElementPlanId,
                        principalTable: "ElementsPlan",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LiensElementPlan_ElementPlanId",
                table: "LiensElementPlan",
                column: "ElementPlanId");

            migrationBuilder.CreateIndex(
                name: "IX_LiensElementPlan_Type_Reference",
                table: "LiensElementPlan",
                columns: new[] { "Type", "Reference" });
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egalis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FondsAppels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AppelsAProjets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Annee = table.Column<int>(type: "INTEGER", nullable: false),
                    Titre = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reglement = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    Ouverture = table.Column<long>(type: "INTEGER", nullable: false),
                    Cloture = table.Column<long>(type: "INTEGER", nullable: false),
                    AllocationId = table.Column<int>(type: "INTEGER", nullable: true),
                    OuvertAuxAssociations = table.Column<bool>(type: "INTEGER", nullable: false),
                    OuvertAuxCommunes = table.Column<bool>(type: "INTEGER", nullable: false),
                    Territoires = table.Column<string>(type: "TEXT", nullable: false),
                    PrioriteSansPlanLocal = table.Column<bool>(type: "INTEGER", nullable: false),
                    MontantMaximum = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    PartMaximale = table.Column<int>(type: "INTEGER", nullable: true),
                    NotesRequises = table.Column<int>(type: "INTEGER", nullable: false),
                    Statut = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PublieLe = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AppelsAProjets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AppelsAProjets_Allocations_AllocationId",
                        column: x => x.AllocationId,
                        principalTable: "Allocations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CommunesPlanLocal",
                columns: table => new
                {
                    CommuneCodeInsee = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunesPlanLocal", x => x.CommuneCodeInsee);
                    table.ForeignKey(
                        name: "FK_CommunesPlanLocal_Communes_CommuneCodeInsee",
                        column: x => x.CommuneCodeInsee,
                        principalTable: "Communes",
                        principalColumn: "CodeInsee",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CriteresNotation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AppelId = table.Column<int>(type: "INTEGER", nullable: false),
                    Rang = table.Column<int>(type: "INTEGER", nullable: false),
                    Libelle = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Poids = table.Column<int>(type: "INTEGER", nullable: false),
                    Echelle = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CriteresNotation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CriteresNotation_AppelsAProjets_AppelId",
                        column: x => x.AppelId,
                        principalTable: "AppelsAProjets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AppelsAProjets_AllocationId",
                table: "AppelsAProjets",
                column: "AllocationId");

            migrationBuilder.CreateIndex(
                name: "IX_AppelsAProjets_Annee_Titre",
                table: "AppelsAProjets",
                columns: new[] { "Annee", "Titre" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AppelsAProjets_Statut",
                table: "AppelsAProjets",
                column: "Statut");

            migrationBuilder.CreateIndex(
                name: "IX_CriteresNotation_AppelId_Rang",
                table: "CriteresNotation",
                columns: new[] { "AppelId", "Rang" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommunesPlanLocal");

            migrationBuilder.DropTable(
                name: "CriteresNotation");

            migrationBuilder.DropTable(
                name: "AppelsAProjets");
        }
    }
}

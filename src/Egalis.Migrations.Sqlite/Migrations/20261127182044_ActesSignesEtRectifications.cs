using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egalis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ActesSignesEtRectifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Delibere",
                table: "PointsOrdreDuJour",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "ImporteLe",
                table: "PointsOrdreDuJour",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CreeParImportPointId",
                table: "Mandats",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Rectifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PointId = table.Column<int>(type: "INTEGER", nullable: false),
                    Quand = table.Column<long>(type: "INTEGER", nullable: false),
                    Auteur = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Champ = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    AncienneValeur = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: true),
                    NouvelleValeur = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: true),
                    Motif = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rectifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Rectifications_PointsOrdreDuJour_PointId",
                        column: x => x.PointId,
                        principalTable: "PointsOrdreDuJour",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Rectifications_PointId",
                table: "Rectifications",
                column: "PointId");

            // Acts already decided before this version: a recorded vote, a result from an extract, a signature
            // or a transmission, or a taking note with its attendance — for a session that has taken place.
            migrationBuilder.Sql(@"UPDATE PointsOrdreDuJour SET Delibere = 1
                WHERE (Pour IS NOT NULL OR ResultatSansDecompte IS NOT NULL OR Transmission <> 0 OR DateSignature IS NOT NULL
                       OR (Genre = 1 AND EXISTS (SELECT 1 FROM Presences p WHERE p.PointId = PointsOrdreDuJour.Id)))
                  AND EXISTS (SELECT 1 FROM Seances s WHERE s.Id = PointsOrdreDuJour.SeanceId AND s.Date <= date('now'));");
            // The place is written as the register writes it after « s'est réuni ».
            migrationBuilder.Sql(@"UPDATE Seances SET Lieu = 'au Château Saint-Hilaire à Coudoux' WHERE Lieu = 'Château Saint-Hilaire, Coudoux';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Rectifications");

            migrationBuilder.DropColumn(
                name: "Delibere",
                table: "PointsOrdreDuJour");

            migrationBuilder.DropColumn(
                name: "ImporteLe",
                table: "PointsOrdreDuJour");

            migrationBuilder.DropColumn(
                name: "CreeParImportPointId",
                table: "Mandats");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egalis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FondsAvisExperts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AvisExperts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DossierId = table.Column<int>(type: "INTEGER", nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Question = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Confidentiel = table.Column<bool>(type: "INTEGER", nullable: false),
                    DemandeParId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    DemandePar = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DemandeLe = table.Column<long>(type: "INTEGER", nullable: false),
                    RappeleLe = table.Column<long>(type: "INTEGER", nullable: true),
                    RevoqueLe = table.Column<long>(type: "INTEGER", nullable: true),
                    Reponse = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ReponduPar = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReponduLe = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AvisExperts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AvisExperts_Dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "Dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AvisExperts_DossierId",
                table: "AvisExperts",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_AvisExperts_Email",
                table: "AvisExperts",
                column: "Email");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AvisExperts");
        }
    }
}

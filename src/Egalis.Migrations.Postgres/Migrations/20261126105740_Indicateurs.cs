using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Egalis.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Indicateurs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Indicateurs",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Libelle = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Unite = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Sens = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ActionCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Calcul = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicateurs", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "CiblesIndicateur",
                columns: table => new
                {
                    IndicateurCode = table.Column<string>(type: "character varying(30)", nullable: false),
                    Annee = table.Column<int>(type: "integer", nullable: false),
                    Valeur = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CiblesIndicateur", x => new { x.IndicateurCode, x.Annee });
                    table.ForeignKey(
                        name: "FK_CiblesIndicateur_Indicateurs_IndicateurCode",
                        column: x => x.IndicateurCode,
                        principalTable: "Indicateurs",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ValeursIndicateur",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    IndicateurCode = table.Column<string>(type: "character varying(30)", nullable: false),
                    Annee = table.Column<int>(type: "integer", nullable: false),
                    Periode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Valeur = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                    Commentaire = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ValeursIndicateur", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ValeursIndicateur_Indicateurs_IndicateurCode",
                        column: x => x.IndicateurCode,
                        principalTable: "Indicateurs",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ValeursIndicateur_IndicateurCode_Annee_Periode",
                table: "ValeursIndicateur",
                columns: new[] { "IndicateurCode", "Annee", "Periode" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CiblesIndicateur");

            migrationBuilder.DropTable(
                name: "ValeursIndicateur");

            migrationBuilder.DropTable(
                name: "Indicateurs");
        }
    }
}

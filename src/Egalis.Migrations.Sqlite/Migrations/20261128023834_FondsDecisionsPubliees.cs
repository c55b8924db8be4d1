using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egalis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FondsDecisionsPubliees : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NomBeneficiaire",
                table: "DecisionsComite",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Objet",
                table: "DecisionsComite",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RnaBeneficiaire",
                table: "DecisionsComite",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SiretBeneficiaire",
                table: "DecisionsComite",
                type: "TEXT",
                maxLength: 14,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NomBeneficiaire",
                table: "DecisionsComite");

            migrationBuilder.DropColumn(
                name: "Objet",
                table: "DecisionsComite");

            migrationBuilder.DropColumn(
                name: "RnaBeneficiaire",
                table: "DecisionsComite");

            migrationBuilder.DropColumn(
                name: "SiretBeneficiaire",
                table: "DecisionsComite");
        }
    }
}

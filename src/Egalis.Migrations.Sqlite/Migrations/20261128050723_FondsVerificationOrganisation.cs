using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egalis.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FondsVerificationOrganisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "VerifieeLe",
                table: "ConventionsSubvention",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VerifieePar",
                table: "ConventionsSubvention",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "VerifieeLe",
                table: "ConventionsSubvention");

            migrationBuilder.DropColumn(
                name: "VerifieePar",
                table: "ConventionsSubvention");
        }
    }
}

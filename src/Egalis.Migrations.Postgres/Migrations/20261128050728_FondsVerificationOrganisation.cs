using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egalis.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FondsVerificationOrganisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "VerifieeLe",
                table: "ConventionsSubvention",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VerifieePar",
                table: "ConventionsSubvention",
                type: "character varying(200)",
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

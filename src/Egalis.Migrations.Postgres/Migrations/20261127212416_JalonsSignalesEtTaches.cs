using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Egalis.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class JalonsSignalesEtTaches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "RetardSignaleLe",
                table: "Jalons",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ExecutionsTaches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Cle = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Noeud = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PrevueLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Debut = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Fin = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Reussie = table.Column<bool>(type: "boolean", nullable: false),
                    CompteRendu = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Erreur = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExecutionsTaches", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ExecutionsTaches_Cle_Id",
                table: "ExecutionsTaches",
                columns: new[] { "Cle", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExecutionsTaches");

            migrationBuilder.DropColumn(
                name: "RetardSignaleLe",
                table: "Jalons");
        }
    }
}

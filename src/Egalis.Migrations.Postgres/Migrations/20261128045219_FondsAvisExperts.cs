using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Egalis.Migrations.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DossierId = table.Column<int>(type: "integer", nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    Question = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Confidentiel = table.Column<bool>(type: "boolean", nullable: false),
                    DemandeParId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    DemandePar = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DemandeLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RappeleLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    RevoqueLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Reponse = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReponduPar = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReponduLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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

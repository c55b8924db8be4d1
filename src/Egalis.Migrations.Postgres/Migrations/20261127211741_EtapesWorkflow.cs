using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Egalis.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EtapesWorkflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EtapesWorkflow",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Type = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    EnregistrementId = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    De = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Vers = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Par = table.Column<string>(type: "character varying(460)", maxLength: 460, nullable: false),
                    Le = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: true),
                    Motif = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EtapesWorkflow", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EtapesWorkflow_Type_EnregistrementId_Id",
                table: "EtapesWorkflow",
                columns: new[] { "Type", "EnregistrementId", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EtapesWorkflow");
        }
    }
}

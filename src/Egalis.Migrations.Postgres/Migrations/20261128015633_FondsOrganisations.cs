using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Egalis.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class FondsOrganisations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "CreeEnLigne",
                table: "AspNetUsers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Nom = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Siret = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    Rna = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    CommuneCodeInsee = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    Adresse = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    CodePostal = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: false),
                    Ville = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Iban = table.Column<string>(type: "character varying(34)", maxLength: 34, nullable: true),
                    Bic = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: true),
                    TitulaireCompte = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreeLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Organisations_Communes_CommuneCodeInsee",
                        column: x => x.CommuneCodeInsee,
                        principalTable: "Communes",
                        principalColumn: "CodeInsee",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InvitationsOrganisation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    Email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    JetonHache = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Administrateur = table.Column<bool>(type: "boolean", nullable: false),
                    InvitePar = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ExpireLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InvitationsOrganisation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InvitationsOrganisation_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MembresOrganisation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    UtilisateurId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Administrateur = table.Column<bool>(type: "boolean", nullable: false),
                    RepresentantLegal = table.Column<bool>(type: "boolean", nullable: false),
                    Qualite = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DepuisLe = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MembresOrganisation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MembresOrganisation_AspNetUsers_UtilisateurId",
                        column: x => x.UtilisateurId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MembresOrganisation_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PiecesOrganisation",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FichierId = table.Column<Guid>(type: "uuid", nullable: false),
                    ValableJusquAu = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PiecesOrganisation", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PiecesOrganisation_Fichiers_FichierId",
                        column: x => x.FichierId,
                        principalTable: "Fichiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PiecesOrganisation_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InvitationsOrganisation_JetonHache",
                table: "InvitationsOrganisation",
                column: "JetonHache",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InvitationsOrganisation_OrganisationId",
                table: "InvitationsOrganisation",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_MembresOrganisation_OrganisationId_UtilisateurId",
                table: "MembresOrganisation",
                columns: new[] { "OrganisationId", "UtilisateurId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MembresOrganisation_UtilisateurId",
                table: "MembresOrganisation",
                column: "UtilisateurId");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_CommuneCodeInsee",
                table: "Organisations",
                column: "CommuneCodeInsee");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Siret",
                table: "Organisations",
                column: "Siret",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PiecesOrganisation_FichierId",
                table: "PiecesOrganisation",
                column: "FichierId");

            migrationBuilder.CreateIndex(
                name: "IX_PiecesOrganisation_OrganisationId_Type",
                table: "PiecesOrganisation",
                columns: new[] { "OrganisationId", "Type" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "InvitationsOrganisation");

            migrationBuilder.DropTable(
                name: "MembresOrganisation");

            migrationBuilder.DropTable(
                name: "PiecesOrganisation");

            migrationBuilder.DropTable(
                name: "Organisations");

            migrationBuilder.DropColumn(
                name: "CreeEnLigne",
                table: "AspNetUsers");
        }
    }
}

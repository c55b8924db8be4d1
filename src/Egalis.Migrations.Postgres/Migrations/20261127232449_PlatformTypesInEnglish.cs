using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Egalis.Migrations.Postgres.Migrations
{
    // Only the model snapshot changes: technical entity classes got English names, their tables keep theirs.
    /// <inheritdoc />
    public partial class PlatformTypesInEnglish : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}

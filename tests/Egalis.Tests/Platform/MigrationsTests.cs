using Egalis.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Egalis.Tests.Platform;

/// <summary>A model change without its migration fails here, for each provider.</summary>
public class MigrationsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.Postgres, "Host=127.0.0.1;Database=aucune")]
    public void Every_model_change_has_its_migration(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<EgalisDbContext>();
        DatabaseConfiguration.Configure(options, provider, connectionString);
        using var db = new EgalisDbContext(options.Options);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"Le modèle a changé sans migration {provider} : ajoutez-la (voir README).");
    }
}

using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Extensions;
using Egalis.Web.Platform.Modules;

namespace Egalis.Web.Features.Territoires;

/// <summary>The Métropole's geography: conseils de territoire, communes, quartiers prioritaires; the criteria of discrimination.</summary>
public sealed class TerritoiresModule : IModule
{
    public void Register(ModuleRegistration module)
    {
        module.Menu("Territoires", "/Territoires/Pages/Index", 10)
            .Seeder<TerritoiresSeeder>("territoires");
        TerritoiresAudit.Declarer(module.Services);
        // The reference files are read once; the index is built once and only read afterwards.
        module.Services.AddSingleton(_ => ReferenceData.Load());
        module.Services.AddSingleton(sp => GeoIndex.From(sp.GetRequiredService<ReferenceData>()));
        module.Services.AddSingleton<IIndicateurCalcule, CommunesAvecQpv>();
        module.Services.Configure<Geocodage.BanOptions>(module.Configuration.GetSection("Geocodage:Ban"));
        module.Services.AddHttpClient<Geocodage.IGeocodeur, Geocodage.BanGeocodeur>();
    }

    public void Map(WebApplication app) => TerritoiresApi.Map(app);

    private sealed class TerritoiresSeeder(ReferenceData data, Platform.Collectivite.ProfilCollectivite profil) : ISeeder
    {
        public Task SeedAsync(EgalisDbContext db, IServiceProvider services, CancellationToken ct) =>
            ReferenceSeeder.SeedAsync(db, data, profil, ct);
    }
}

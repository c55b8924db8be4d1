using Egalis.Web.Platform.Data;
using Egalis.Web.Platform.Ui;

namespace Egalis.Web.Features.Territoires;

public static class TerritoiresModule
{
    public static WebApplicationBuilder AddTerritoires(this WebApplicationBuilder builder)
    {
        TerritoiresAudit.Declarer(builder.Services);
        // The reference files are read once; the index is built once and only read afterwards.
        builder.Services.AddSingleton(_ => ReferenceData.Load());
        builder.Services.AddSingleton(sp => GeoIndex.From(sp.GetRequiredService<ReferenceData>()));
        builder.Services.AddSingleton<ISeeder, TerritoiresSeeder>();
        builder.Services.AddSingleton<Plan.Indicateurs.IIndicateurCalcule, CommunesAvecQpv>();
        builder.Services.Configure<Geocodage.BanOptions>(builder.Configuration.GetSection("Geocodage:Ban"));
        builder.Services.AddHttpClient<Geocodage.IGeocodeur, Geocodage.BanGeocodeur>();
        return builder;
    }

    public static WebApplication MapTerritoires(this WebApplication app)
    {
        app.Services.GetRequiredService<MenuRegistry>().Add(new MenuEntry("Territoires", "/Territoires/Pages/Index", 10));
        TerritoiresApi.Map(app);
        return app;
    }

    private sealed class TerritoiresSeeder(ReferenceData data) : ISeeder
    {
        public int Ordre => 0;

        public Task SeedAsync(EgalisDbContext db, IServiceProvider services, CancellationToken ct) =>
            ReferenceSeeder.SeedAsync(db, data, ct);
    }
}

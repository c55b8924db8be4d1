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
        TerritoiresAudit.Register(module.Services);
        // The reference files are read once; the index is built once and only read afterwards.
        module.Services.AddSingleton(sp => ReferenceData.Load(sp.GetRequiredService<Platform.Collectivite.ProfilCollectivite>()));
        module.Services.AddSingleton(sp => GeoIndex.From(sp.GetRequiredService<ReferenceData>()));
        module.Services.AddSingleton<IIndicateurCalcule, CommunesAvecQpv>();
        module.Services.Configure<Geocodage.BanOptions>(module.Configuration.GetSection("Geocodage:Ban"));
        module.Services.AddHttpClient<Geocodage.IGeocodeur, Geocodage.BanGeocodeur>();
    }

    public void Map(WebApplication app) => TerritoiresApi.Map(app);

    public const string CommandeVerifier = "verifier-collectivite";

    /// <summary>
    /// « verifier-collectivite »: reads the profile that Egalis:Profil names and the geography it points to, as the
    /// site will at start-up, and says what it found or what is wrong, without touching the database. The files of
    /// another EPCI are imported by naming its profile in Egalis:Profil: the next start seeds its geography.
    /// </summary>
    public Task<int?> CommandAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != CommandeVerifier)
        {
            return Task.FromResult<int?>(null);
        }
        var profil = app.Services.GetRequiredService<Platform.Collectivite.ProfilCollectivite>();
        try
        {
            var donnees = ReferenceData.Load(profil);
            var sansCommune = donnees.Qpvs.SelectMany(q => q.Communes).Except(donnees.Communes.Select(c => c.CodeInsee)).ToList();
            if (sansCommune.Count > 0)
            {
                Console.Error.WriteLine($"Des quartiers prioritaires citent des communes absentes du fichier des communes : {string.Join(", ", sansCommune)}.");
                return Task.FromResult<int?>(1);
            }
            Console.WriteLine($"Profil valide : {profil.Nom} (SIREN {profil.Siren}) ; {Platform.Text.French.Nombre(donnees.Communes.Count, "commune", "communes")}, "
                + $"{Platform.Text.French.Nombre(donnees.ConseilsTerritoire.Count(), "conseil de territoire", "conseils de territoire")}, "
                + $"{Platform.Text.French.Nombre(donnees.Qpvs.Count, "quartier prioritaire", "quartiers prioritaires")} ; "
                + (profil.Fondation is null ? "plan sans délibération fondatrice." : $"plan et actes fondateurs : {profil.Fondation}."));
            return Task.FromResult<int?>(0);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or KeyNotFoundException or FormatException or System.Text.Json.JsonException or CsvHelper.CsvHelperException)
        {
            Console.Error.WriteLine($"La géographie du profil est illisible : {e.Message}");
            return Task.FromResult<int?>(1);
        }
    }

    private sealed class TerritoiresSeeder(ReferenceData data, Platform.Collectivite.ProfilCollectivite profil) : ISeeder
    {
        public Task SeedAsync(EgalisDbContext db, IServiceProvider services, CancellationToken ct) =>
            ReferenceSeeder.SeedAsync(db, data, profil, ct);
    }
}
